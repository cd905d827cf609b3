package org.quarry.report;

import java.util.Locale;

/** What a framework-matrix cell shows. */
public enum CellMode {
  /** The number of distinct passages coded. */
  COUNT,
  /** The quotes themselves, with who said them and where. */
  QUOTES;

  /** Parses {@code count} or {@code quotes}; throws IllegalArgumentException naming both. */
  public static CellMode parse(String label) {
    for (CellMode m : values()) {
      if (m.name().toLowerCase(Locale.ROOT).equals(label)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown cell mode '" + label + "' (use count or quotes)");
  }
}
