package org.quarry.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;
import org.quarry.model.Passage;

/**
 * Codings as JSON lines, one object each: {@code
 * {"passage","participant","attributes":{…},"code":"parent/child","score","origin","text"}}.
 */
public final class CodingsJsonl {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CodingsJsonl() {}

  /** The JSON lines, each ending with LF. */
  public static String render(List<Passage> passages, List<Coding> codings, Codebook codebook) {
    StringBuilder out = new StringBuilder();
    for (CodingRows r : CodingRows.of(passages, codings, codebook)) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("passage", r.passage());
      o.put("participant", r.participant());
      o.put("attributes", r.attributes());
      o.put("code", r.codePath());
      o.put("score", r.score());
      o.put("origin", r.origin());
      o.put("text", r.text());
      try {
        out.append(JSON.writeValueAsString(o)).append('\n');
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Jackson failed on plain strings and numbers", e);
      }
    }
    return out.toString();
  }
}
