package org.quarry.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to search for: a query in Lucene's classic syntax, the facets to count, drill-down filters,
 * a page, and whether near-duplicate sources count.
 *
 * @param query the query text, e.g. {@code voice AND ICS}
 * @param facets dimensions to count (participant, source, kind, section, code, attributes)
 * @param filters dimension to accepted values; values of one dimension are OR-ed, dimensions
 *     AND-ed; counts of a filtered dimension stay drill-sideways
 * @param limit how many hits to return
 * @param offset how many hits to skip
 * @param includeDuplicates count passages of near-duplicate sources too
 * @param order the order of the hits
 * @param interviewers whether interviewers' turns are found (they never count for a participant)
 */
public record SearchRequest(
    String query,
    List<String> facets,
    Map<String, List<String>> filters,
    int limit,
    int offset,
    boolean includeDuplicates,
    SearchOrder order,
    boolean interviewers) {

  /**
   * The facets counted when a user names none, in the CLI and the HTTP API alike (one list, so the
   * two cannot drift apart). Other dimensions, such as {@code origin} or an attribute, are counted
   * when asked for.
   */
  public static final List<String> DEFAULT_FACETS =
      List.of("participant", "source", "kind", "section", "code");

  public SearchRequest {
    facets = facets == null ? List.of() : List.copyOf(facets);
    filters = filters == null ? Map.of() : Map.copyOf(filters);
    order = order == null ? SearchOrder.RELEVANCE : order;
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 or more, got " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
    }
  }

  /** A first page of 10 hits for {@code query}, no facets, no filters. */
  public static SearchRequest of(String query) {
    return builder(query).build();
  }

  /**
   * A request for {@code query} to fill in by name: the first 10 hits by relevance, no facets, no
   * filters, near duplicates left out, interviewers' turns found, until said otherwise.
   */
  public static Builder builder(String query) {
    return new Builder(query);
  }

  /** This request as a builder, to change a part of it. */
  public Builder toBuilder() {
    return new Builder(query)
        .facets(facets)
        .filters(filters)
        .limit(limit)
        .offset(offset)
        .includeDuplicates(includeDuplicates)
        .order(order)
        .interviewers(interviewers);
  }

  /** Builds a {@link SearchRequest} part by part; each setter replaces what it sets. */
  public static final class Builder {
    private final String query;
    private List<String> facets = List.of();
    private final Map<String, List<String>> filters = new LinkedHashMap<>();
    private int limit = 10;
    private int offset;
    private boolean includeDuplicates;
    private SearchOrder order = SearchOrder.RELEVANCE;
    private boolean interviewers = true;

    private Builder(String query) {
      this.query = query;
    }

    /** The dimensions to count. */
    public Builder facets(List<String> dimensions) {
      this.facets = dimensions == null ? List.of() : List.copyOf(dimensions);
      return this;
    }

    /** The dimensions to count. */
    public Builder facets(String... dimensions) {
      return facets(List.of(dimensions));
    }

    /** Drill-down filters, dimension to accepted values (replacing any set before). */
    public Builder filters(Map<String, List<String>> byDimension) {
      filters.clear();
      if (byDimension != null) {
        byDimension.forEach((dim, values) -> filters.put(dim, List.copyOf(values)));
      }
      return this;
    }

    /** Adds {@code value} to the accepted values of {@code dimension}. */
    public Builder filter(String dimension, String value) {
      List<String> values = new java.util.ArrayList<>(filters.getOrDefault(dimension, List.of()));
      values.add(value);
      filters.put(dimension, List.copyOf(values));
      return this;
    }

    /** How many hits to return. */
    public Builder limit(int hits) {
      this.limit = hits;
      return this;
    }

    /** How many hits to skip. */
    public Builder offset(int hits) {
      this.offset = hits;
      return this;
    }

    /** Whether passages of near-duplicate sources count. */
    public Builder includeDuplicates(boolean include) {
      this.includeDuplicates = include;
      return this;
    }

    /** The order of the hits. */
    public Builder order(SearchOrder order) {
      this.order = order;
      return this;
    }

    /** Whether interviewers' turns are found (true unless said otherwise). */
    public Builder interviewers(boolean found) {
      this.interviewers = found;
      return this;
    }

    /**
     * The request.
     *
     * @throws IllegalArgumentException for a negative limit or offset
     */
    public SearchRequest build() {
      return new SearchRequest(
          query, facets, filters, limit, offset, includeDuplicates, order, interviewers);
    }
  }
}
