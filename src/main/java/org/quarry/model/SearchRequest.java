package org.quarry.model;

import java.util.List;
import java.util.Map;

/**
 * What to search for: a query in Lucene's classic syntax, the facets to count, drill-down
 * filters, a page, and whether near-duplicate sources count.
 *
 * @param query the query text, e.g. {@code voice AND ICS}
 * @param facets dimensions to count (participant, source, kind, section, code, attributes)
 * @param filters dimension to accepted values; values of one dimension are OR-ed, dimensions
 *     AND-ed; counts of a filtered dimension stay drill-sideways
 * @param limit how many hits to return
 * @param offset how many hits to skip
 * @param includeDuplicates count passages of near-duplicate sources too
 */
public record SearchRequest(
    String query,
    List<String> facets,
    Map<String, List<String>> filters,
    int limit,
    int offset,
    boolean includeDuplicates) {

  /**
   * The facets counted when a user names none, in the CLI and the HTTP API alike (one list, so
   * the two cannot drift apart). Other dimensions, such as {@code origin} or an attribute, are
   * counted when asked for.
   */
  public static final List<String> DEFAULT_FACETS =
      List.of("participant", "source", "kind", "section", "code");

  public SearchRequest {
    facets = facets == null ? List.of() : List.copyOf(facets);
    filters = filters == null ? Map.of() : Map.copyOf(filters);
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 or more, got " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
    }
  }

  /** A first page of 10 hits for {@code query}, no facets, no filters. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, List.of(), Map.of(), 10, 0, false);
  }
}
