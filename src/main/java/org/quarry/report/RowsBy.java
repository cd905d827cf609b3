package org.quarry.report;

import java.util.Objects;
import org.quarry.model.MatrixQuote;
import org.quarry.model.Passage;

/**
 * What the rows of a framework matrix are: participants, sources, or the values of one attribute.
 *
 * @param dimension {@code participant}, {@code source}, or an attribute name
 */
public record RowsBy(String dimension) {
  /** Row label for passages without a participant or without the attribute. */
  public static final String MISSING = MatrixQuote.NO_CASE;

  public RowsBy {
    Objects.requireNonNull(dimension, "dimension");
    if (dimension.isBlank()) {
      throw new IllegalArgumentException(
          "rows must be participant, source or an attribute name, got a blank value");
    }
  }

  /** Rows by participant. */
  public static RowsBy participant() {
    return new RowsBy("participant");
  }

  /**
   * The dimension whose rows are every speaker, interviewers included: the one way an interviewer's
   * turns come into a matrix.
   */
  public static final String SPEAKER = "speaker";

  /** Rows by who speaks, interviewers included. */
  public static RowsBy speaker() {
    return new RowsBy(SPEAKER);
  }

  /** True for rows that take interviewers' turns in (rows by speaker); none other does. */
  public boolean countsInterviewers() {
    return dimension.equals(SPEAKER);
  }

  /** Rows by source id. */
  public static RowsBy source() {
    return new RowsBy("source");
  }

  /** Rows by the values of attribute {@code name}. */
  public static RowsBy attribute(String name) {
    return new RowsBy(name);
  }

  /** The row a passage falls in; {@link #MISSING} when it has no value. */
  public String rowOf(Passage p) {
    String v =
        switch (dimension) {
          case "participant" -> p.participantCounted();
          case SPEAKER -> p.speaker();
          case "source" -> p.source();
          default -> p.attributes().get(dimension);
        };
    return v == null || v.isBlank() ? MISSING : v;
  }
}
