package org.quarry.model;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param query the query as given
 * @param total how many passages match (after filters and duplicate removal)
 * @param hits the requested page, best first
 * @param facets dimension to its values, most frequent first, ties by value
 * @param maxScore the best score of any matching passage (0 when none matches), whatever the order:
 *     what a hit's score is shown relative to
 */
public record SearchResult(
    String query,
    long total,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    double maxScore) {
  public SearchResult {
    hits = List.copyOf(hits);
    facets =
        facets == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
  }
}
