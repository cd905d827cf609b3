package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quarry.model.FacetValue;
import org.quarry.model.SearchResult;

/** A result that lacks a shard's passages says so in its JSON, and only such a result. */
class SearchJsonPartialTest {
  private static final SearchResult RESULT =
      new SearchResult(
          "care", 7, List.of(), Map.of("source", List.of(new FacetValue("a.txt", 7))), 1.5);

  private static List<String> keys(String json) throws Exception {
    List<String> k = new ArrayList<>();
    new ObjectMapper().readTree(json).fieldNames().forEachRemaining(k::add);
    return k;
  }

  @Test
  void aPartialResultHasPartialTrueAfterMaxScoreAndIsOtherwiseTheSame() throws Exception {
    String partial = SearchJson.writePartial(RESULT);
    assertEquals(
        List.of("query", "total", "max_score", "partial", "hits", "facets"), keys(partial));
    var tree =
        (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(partial);
    assertEquals(true, tree.get("partial").asBoolean());
    tree.remove("partial");
    assertEquals(new ObjectMapper().readTree(SearchJson.write(RESULT)), tree);
  }

  @Test
  void aWholeResultHasNoPartialKey() throws Exception {
    assertEquals(
        List.of("query", "total", "max_score", "hits", "facets"), keys(SearchJson.write(RESULT)));
  }
}
