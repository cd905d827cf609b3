package org.quarry.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What recording a decision did ({@link DecisionReport}) as JSON, for the HTTP API's {@code POST
 * /api/v1/codings}: the facts the CLI's {@code accept}/{@code reject} line states, one key each.
 */
public final class DecisionJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DecisionJson() {}

  /**
   * {@code {"decision": "accept"|"reject", "code", "passage", "repeated", "reversed", "newCode",
   * "importedCodingStays"}}, pretty-printed.
   */
  public static String write(DecisionReport r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("decision", r.decision().accepted() ? "accept" : "reject");
    o.put("code", r.decision().code());
    o.put("passage", r.decision().passageId());
    o.put("repeated", r.repeated());
    o.put("reversed", r.reversed());
    o.put("newCode", r.newCode());
    o.put("importedCodingStays", r.importedCodingStays());
    try {
      return MAPPER.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a decision: " + e.getMessage(), e);
    }
  }
}
