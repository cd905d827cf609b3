package org.quarry.api;

import java.util.Locale;

/** What {@link Quarry#export} writes. */
public enum ExportFormat {
  /** A REFI-QDA project archive: sources, codes, codings, cases. */
  QDPX,
  /** A REFI-QDA codebook. */
  QDC,
  /** Codings as CSV, one row each. */
  CSV,
  /** Codings as JSON lines, one object each. */
  JSONL;

  /** The lower-case name used on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@link #label()}.
   *
   * @throws QuarryException naming the accepted values
   */
  public static ExportFormat parse(String label) {
    for (ExportFormat f : values()) {
      if (f.label().equals(label)) {
        return f;
      }
    }
    throw new QuarryException("--format '" + label + "' is not one of qdpx, qdc, csv, jsonl");
  }
}
