package org.quarry.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.quarry.model.CodeScore;
import org.quarry.model.FacetValue;
import org.quarry.model.Hit;
import org.quarry.model.Passage;
import org.quarry.model.Scores;
import org.quarry.model.SearchResult;

/**
 * The search JSON contract of DESIGN.md ("Search JSON"), shared by the CLI's {@code --format json}
 * and the HTTP API so the two can never drift apart.
 */
public final class SearchJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SearchJson() {}

  /** The result as a JSON tree in the contract's shape and key order. */
  static ObjectNode toJson(SearchResult result) {
    ObjectNode root = NODES.objectNode();
    root.put("query", result.query());
    root.put("total", result.total());
    root.put("max_score", round(result.maxScore()));
    ArrayNode hits = root.putArray("hits");
    for (Hit hit : result.hits()) {
      hits.add(hitJson(hit));
    }
    ObjectNode facets = root.putObject("facets");
    for (Map.Entry<String, List<FacetValue>> dim : result.facets().entrySet()) {
      ArrayNode values = facets.putArray(dim.getKey());
      for (FacetValue v : dim.getValue()) {
        values.addObject().put("value", v.value()).put("count", v.count());
      }
    }
    return root;
  }

  /** One hit in the contract's shape. */
  static ObjectNode hitJson(Hit hit) {
    Passage p = hit.passage();
    ObjectNode h = NODES.objectNode();
    h.put("id", p.id());
    h.put("source", p.source());
    h.put("kind", p.kind().label());
    h.put("participant", p.participantCounted());
    h.put("speaker", p.speaker());
    h.put("section", p.section());
    h.put("start", p.start());
    h.put("end", p.end());
    h.put("score", round(hit.score()));
    h.put("text", p.text());
    h.put("highlight", hit.highlight());
    ArrayNode codes = h.putArray("codes");
    for (CodeScore c : hit.codes()) {
      ObjectNode code = codes.addObject().put("code", c.code()).put("score", round(c.score()));
      if (CodeScore.HUMAN.equals(c.origin())) {
        code.put("origin", c.origin());
      }
    }
    if (!p.attributes().isEmpty()) {
      ObjectNode attrs = h.putObject("attributes");
      p.attributes().forEach(attrs::put);
    }
    return h;
  }

  /** Pretty-printed JSON text of the result. */
  public static String write(SearchResult result) {
    return text(toJson(result), "a search result");
  }

  /**
   * Pretty-printed JSON text of a result that lacks some shard's passages ({@code search --solr
   * --tolerant}): the same shape with {@code "partial": true} after {@code max_score}, so a program
   * reading it cannot take its counts for whole ones.
   */
  public static String writePartial(SearchResult result) {
    ObjectNode whole = toJson(result);
    ObjectNode root = NODES.objectNode();
    whole
        .properties()
        .forEach(
            e -> {
              root.set(e.getKey(), e.getValue());
              if (e.getKey().equals("max_score")) {
                root.put("partial", true);
              }
            });
    return text(root, "a search result");
  }

  /** Pretty-printed JSON text of one hit, as {@code GET /api/v1/passages/ID} answers it. */
  public static String writeHit(Hit hit) {
    return text(hitJson(hit), "a hit");
  }

  /**
   * Pretty-printed JSON text of a passage in context, as {@code GET /api/v1/passages/ID} answers
   * it: the hit's fields, then {@code context} and {@code neighbours} ({@code before}, {@code
   * after}), each a brief passage ({@code id, kind, speaker, section, start, end, text}) or null.
   */
  public static String writeInContext(PassageInContext p) {
    ObjectNode h = hitJson(p.passage());
    h.set("context", brief(p.context()));
    ObjectNode neighbours = h.putObject("neighbours");
    neighbours.set("before", brief(p.before()));
    neighbours.set("after", brief(p.after()));
    return text(h, "a passage in context");
  }

  /**
   * Pretty-printed JSON text of a whole source, as {@code GET /api/v1/sources/ID} answers it:
   * {@code {"source", "passages": [...]}}, brief passages in reading order, so that a passage can
   * be read inside its source.
   */
  public static String writeSource(String source, List<Hit> passages) {
    ObjectNode o = NODES.objectNode();
    o.put("source", source);
    ArrayNode list = o.putArray("passages");
    for (Hit h : passages) {
      list.add(brief(java.util.Optional.of(h)));
    }
    return text(o, "a source");
  }

  private static com.fasterxml.jackson.databind.JsonNode brief(java.util.Optional<Hit> hit) {
    if (hit.isEmpty()) {
      return NODES.nullNode();
    }
    Passage p = hit.get().passage();
    ObjectNode b = NODES.objectNode();
    b.put("id", p.id());
    b.put("kind", p.kind().label());
    b.put("speaker", p.speaker());
    b.put("section", p.section());
    b.put("start", p.start());
    b.put("end", p.end());
    b.put("text", p.text());
    return b;
  }

  private static String text(ObjectNode json, String what) {
    try {
      return MAPPER.writeValueAsString(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + what + ": " + e.getMessage(), e);
    }
  }

  /** Scores to four decimals: stable output, no float noise in golden files ({@link Scores}). */
  static double round(double score) {
    return Scores.round(score);
  }
}
