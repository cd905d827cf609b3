package org.quarry.coding;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.IndexReader;
import org.quarry.model.Code;

/**
 * Suggests codes for the passages of an index. Three methods stand behind it: the codebook's
 * lexicons ({@link CodeSuggester}), a model learned from human coding ({@link LearnedSuggester}),
 * and the two combined (the model where a code was learned, the lexicon where it was not).
 */
public interface Suggester {
  /** How suggestions are made. */
  enum Method {
    /** The codebook's lexicons, scored through the index. */
    LEXICON,
    /** A model learned from human coding; codes it could not learn get no suggestion. */
    LEARNED,
    /** The learned model where a code was learned, its lexicon elsewhere. */
    COMBINED;

    /** The method's name on the command line. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The method named {@code s}.
     *
     * @throws IllegalArgumentException naming the known methods
     */
    public static Method parse(String s) {
      for (Method m : values()) {
        if (m.label().equals(s.strip().toLowerCase(Locale.ROOT))) {
          return m;
        }
      }
      throw new IllegalArgumentException("unknown method '" + s + "': use lexicon, learned or combined");
    }
  }

  /** The method this suggester uses. */
  Method method();

  /** The codes it can suggest, in codebook order. */
  List<Code> codes();

  /**
   * The score at or above which its suggestions are kept when the user names none: for the
   * lexicon {@link SuggestOptions#DEFAULT_MIN_SCORE}, for a model the threshold chosen on held-out
   * folds when it was trained.
   */
  double defaultMinScore();

  /**
   * Suggests codes for the passages of {@code reader} that {@code options} select.
   *
   * @throws IllegalArgumentException naming an unknown kind or filter dimension
   */
  SuggestionRun suggest(IndexReader reader, SuggestOptions options, CodeSuggester.Progress progress)
      throws IOException;
}
