package org.quarry.model;

import java.util.Locale;

/** What cross-validation keeps together. */
public enum GroupBy {
  /** A source file. */
  SOURCE,
  /**
   * A participant: the passage's speaker or quoted participant; else the participant the coding
   * names; else the passage's section of its source (a comment block); else the passage.
   */
  PARTICIPANT;

  /**
   * The grouping named {@code s}.
   *
   * @throws IllegalArgumentException naming the known ones
   */
  public static GroupBy parse(String s) {
    for (GroupBy g : values()) {
      if (g.name().toLowerCase(Locale.ROOT).equals(s.strip().toLowerCase(Locale.ROOT))) {
        return g;
      }
    }
    throw new IllegalArgumentException("unknown --group-by '" + s + "': use source or participant");
  }
}
