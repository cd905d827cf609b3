package org.quarry.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.quarry.model.Code;
import org.quarry.model.Codebook;

/** A codebook as JSON, for the HTTP API's {@code GET /api/v1/codebook}. */
public final class CodebookJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CodebookJson() {}

  /**
   * {@code {"name", "codes": [{"id", "name", "description", "parent", "terms"}]}}, pretty-printed,
   * codes in the codebook's order; absent values are null.
   */
  public static String write(Codebook codebook) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("name", codebook.name());
    ArrayNode codes = o.putArray("codes");
    for (Code c : codebook.codes()) {
      ObjectNode co = codes.addObject();
      co.put("id", c.id());
      co.put("name", c.name());
      co.put("description", c.description());
      co.put("parent", c.parent());
      c.terms().forEach(co.putArray("terms")::add);
    }
    return Json.pretty(MAPPER, o);
  }
}
