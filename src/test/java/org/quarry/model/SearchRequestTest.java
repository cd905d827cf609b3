package org.quarry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A search request is built by name: what is not said keeps its default. */
class SearchRequestTest {
  @Test
  void aBareRequestIsTheFirstTenHitsWithNoFacetsOrFilters() {
    assertEquals(
        new SearchRequest("voice", List.of(), Map.of(), 10, 0, false, SearchOrder.RELEVANCE, true),
        SearchRequest.builder("voice").build());
  }

  @Test
  void filtersOfOneDimensionAccumulate() {
    SearchRequest r =
        SearchRequest.builder("voice")
            .filter("role", "GP")
            .filter("role", "Manager")
            .filter("region", "London")
            .build();
    assertEquals(
        Map.of("role", List.of("GP", "Manager"), "region", List.of("London")), r.filters());
  }

  @Test
  void aRequestComesBackFromItsBuilderUnchanged() {
    SearchRequest r =
        new SearchRequest(
            "voice AND ICS",
            List.of("participant"),
            Map.of("kind", List.of("quote")),
            5,
            20,
            true,
            SearchOrder.SOURCE,
            false);
    assertEquals(r, r.toBuilder().build());
    assertEquals(25, r.toBuilder().offset(25).build().offset());
  }

  @Test
  void anOrderIsNamedAsAUserTypesIt() {
    assertEquals(SearchOrder.SOURCE, SearchOrder.of("Source"));
    var e = assertThrows(IllegalArgumentException.class, () -> SearchOrder.of("date"));
    assertEquals("unknown sort 'date': use relevance or source", e.getMessage());
  }

  @Test
  void aNegativePageIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> SearchRequest.builder("x").limit(-1).build());
  }
}
