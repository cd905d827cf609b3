package org.quarry.model;

import java.util.Locale;

/** The order of a search's hits. */
public enum SearchOrder {
  /** Best score first, ties by passage id. */
  RELEVANCE,
  /** Reading order: by source, then by where the passage starts in it. */
  SOURCE;

  /** The name a user types: {@code relevance} or {@code source}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The order named {@code label} ({@code relevance} or {@code source}, any case).
   *
   * @throws IllegalArgumentException naming the orders there are
   */
  public static SearchOrder of(String label) {
    for (SearchOrder o : values()) {
      if (o.label().equalsIgnoreCase(label)) {
        return o;
      }
    }
    throw new IllegalArgumentException("unknown sort '" + label + "': use relevance or source");
  }
}
