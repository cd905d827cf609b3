package org.quarry.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writing a JSON tree the API built; a tree of plain nodes always serialises. */
final class Json {
  private Json() {}

  static String pretty(ObjectMapper mapper, ObjectNode tree) {
    try {
      return mapper.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON: " + e.getMessage(), e);
    }
  }
}
