package org.quarry.model;

import java.util.Locale;

/** The role a passage plays in its source. */
public enum PassageKind {
  /** Words attributed to a participant, quoted in a paper. */
  QUOTE,
  /** The authors' own text, or any unattributed paragraph. */
  NARRATIVE,
  /** A participant's speaker turn in a transcript. */
  TURN,
  /** An interviewer's or moderator's turn in a transcript. */
  INTERVIEWER,
  /** An answer to an open survey question. */
  RESPONSE;

  /** The lowercase name used in JSON, facets and the CLI. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #label()}; throws IllegalArgumentException naming the accepted values. */
  public static PassageKind parse(String label) {
    for (PassageKind k : values()) {
      if (k.label().equals(label)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown passage kind '"
            + label
            + "' (use quote, narrative, turn, interviewer or response)");
  }
}
