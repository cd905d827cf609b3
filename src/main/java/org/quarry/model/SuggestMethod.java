package org.quarry.model;

import java.util.Locale;

/** How code suggestions are made. */
public enum SuggestMethod {
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
  public static SuggestMethod parse(String s) {
    for (SuggestMethod m : values()) {
      if (m.label().equals(s.strip().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown method '" + s + "': use lexicon, learned or combined");
  }
}
