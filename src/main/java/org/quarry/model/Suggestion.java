package org.quarry.model;

import java.util.List;

/**
 * A candidate code for a passage, with the evidence that earned it.
 *
 * @param passageId the passage's id
 * @param code the code id
 * @param score calibrated score in [0, 1], comparable across codes and passages
 * @param evidence matched terms with their offsets in the source file
 */
public record Suggestion(String passageId, String code, double score, List<Evidence> evidence) {
  public Suggestion {
    evidence = List.copyOf(evidence);
  }
}
