package org.quarry.api;

import java.util.List;
import org.quarry.coding.Suggester;
import org.quarry.model.Code;
import org.quarry.model.SuggestMethod;

/**
 * The suggester chosen for a run ({@link Quarry#suggester}), with what the user should know about
 * the choice (a stale model passed over, say); hand it to {@link Quarry#suggest(
 * org.quarry.model.Codebook, SuggesterChoice, org.quarry.model.SuggestOptions,
 * java.util.OptionalDouble, org.quarry.model.SuggestProgress)} to run it.
 */
public final class SuggesterChoice {
  private final Suggester suggester;
  private final List<String> warnings;

  SuggesterChoice(Suggester suggester, List<String> warnings) {
    this.suggester = suggester;
    this.warnings = List.copyOf(warnings);
  }

  /** The method the chosen suggester uses. */
  public SuggestMethod method() {
    return suggester.method();
  }

  /** The codes it can suggest, in codebook order. */
  public List<Code> codes() {
    return suggester.codes();
  }

  /**
   * The score at or above which its suggestions are kept when the user names none: for the lexicon
   * {@link org.quarry.model.SuggestOptions#DEFAULT_MIN_SCORE}, for a model the threshold chosen on
   * held-out folds when it was trained.
   */
  public double defaultMinScore() {
    return suggester.defaultMinScore();
  }

  /** What the user should know about the choice, one line each. */
  public List<String> warnings() {
    return warnings;
  }

  Suggester suggester() {
    return suggester;
  }
}
