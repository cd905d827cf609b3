package org.quarry.api;

import org.quarry.model.Decision;

/**
 * What recording a researcher's decision did ({@link Quarry#accept}, {@link Quarry#reject}).
 *
 * @param decision the decision now kept with the index
 * @param previous the decision on the same passage and code it replaced, or null when there was
 *     none; equal to {@code decision} when the same decision was made again (nothing changed)
 * @param newCode true when neither the index's code tree nor any passage had the code before (a new
 *     code, or a misspelt one); an accepted new code is added to the code tree
 * @param importedCodingStays true for a rejection of a code that a human coding imported from a QDA
 *     tool still puts on the passage: that coding belongs to the project, and is changed there
 */
public record DecisionReport(
    Decision decision, Decision previous, boolean newCode, boolean importedCodingStays) {

  /** True when this decision replaced the opposite one (an accept a reject, or the reverse). */
  public boolean reversed() {
    return previous != null && previous.accepted() != decision.accepted();
  }

  /** True when the same decision had been made before, so nothing changed. */
  public boolean repeated() {
    return decision.equals(previous);
  }
}
