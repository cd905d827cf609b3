package org.quarry.coding;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.quarry.model.Code;
import org.quarry.model.SuggestMethod;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.model.SuggestionRun;

/**
 * Suggests codes for the passages of an index. Three methods stand behind it: the codebook's
 * lexicons ({@link CodeSuggester}), a model learned from human coding ({@link LearnedSuggester}),
 * and the two combined (the model where a code was learned, the lexicon where it was not).
 */
public interface Suggester {
  /** The method this suggester uses. */
  SuggestMethod method();

  /** The codes it can suggest, in codebook order. */
  List<Code> codes();

  /**
   * The score at or above which its suggestions are kept when the user names none: for the lexicon
   * {@link SuggestOptions#DEFAULT_MIN_SCORE}, for a model the threshold chosen on held-out folds
   * when it was trained.
   */
  double defaultMinScore();

  /**
   * Suggests codes for the passages of {@code reader} that {@code options} select.
   *
   * @throws IllegalArgumentException naming an unknown kind or filter dimension
   */
  SuggestionRun suggest(IndexReader reader, SuggestOptions options, SuggestProgress progress)
      throws IOException;
}
