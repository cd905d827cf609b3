package org.quarry.coding;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.index.IndexReader;
import org.quarry.model.Code;
import org.quarry.model.PassageSuggestions;
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

  /**
   * Suggests codes as {@link #suggest} does, but hands each passage's suggestions to {@code sink}
   * instead of keeping them all: a run over millions of passages then needs memory for what the
   * sink keeps, not for every suggestion. {@code sink} is called one passage at a time, never
   * concurrently; the order is the suggester's (for the lexicon, index order; {@link #suggest}
   * sorts by source and position). Returns the run's counts and timings with no passages.
   *
   * <p>This default keeps the whole run, then hands it over; a suggester that can do better
   * overrides it.
   *
   * @throws IllegalArgumentException naming an unknown kind or filter dimension
   */
  default SuggestionRun suggestEach(
      IndexReader reader,
      SuggestOptions options,
      SuggestProgress progress,
      Consumer<PassageSuggestions> sink)
      throws IOException {
    SuggestionRun run = suggest(reader, options, progress);
    run.passages().forEach(sink);
    return new SuggestionRun(
        List.of(),
        run.considered(),
        run.codes(),
        run.scoringNanos(),
        run.evidenceNanos(),
        run.stored());
  }
}
