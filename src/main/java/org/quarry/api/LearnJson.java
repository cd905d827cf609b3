package org.quarry.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What training did ({@link LearnReport}) as JSON, for the HTTP API's {@code POST /api/v1/learn}:
 * the facts the CLI's {@code learn} prints, one key each.
 */
public final class LearnJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LearnJson() {}

  /**
   * {@code {"trained": true, "codes", "passages", "coded", "tooFew", "threshold", "learner",
   * "millis"}}, pretty-printed.
   */
  public static String write(LearnReport r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("trained", true);
    r.learned().forEach(o.putArray("codes")::add);
    o.put("passages", r.passages());
    o.put("coded", r.coded());
    r.tooFew().forEach(o.putArray("tooFew")::add);
    o.put("threshold", Math.round(r.threshold() * 10_000) / 10_000.0);
    o.put("learner", r.learner());
    o.put("millis", r.millis());
    return Json.pretty(MAPPER, o);
  }
}
