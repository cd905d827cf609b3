package org.quarry.model;

/**
 * A code attached to a passage, with its score in [0, 1] and where it came from.
 *
 * @param code the code id
 * @param score calibrated score in [0, 1]; 1.0 for a human coding
 * @param origin {@code suggested} or {@code human}
 */
public record CodeScore(String code, double score, String origin) {
  public static final String SUGGESTED = "suggested";
  public static final String HUMAN = "human";
}
