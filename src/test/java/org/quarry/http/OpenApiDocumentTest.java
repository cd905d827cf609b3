package org.quarry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document tells the truth about the server's route table, both ways. */
class OpenApiDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() throws Exception {
    Set<String> served = new TreeSet<>();
    for (ApiRoute r : QuarryServer.ROUTES) {
      served.add(r.method() + " " + r.template());
    }
    assertEquals(served, documentedParameters(document()).keySet());
  }

  @Test
  void eachOperationDocumentsExactlyTheQueryParametersItsRouteAccepts() throws Exception {
    Map<String, Set<String>> served = new TreeMap<>();
    for (ApiRoute r : QuarryServer.ROUTES) {
      served.put(r.method() + " " + r.template(), new TreeSet<>(r.parameters()));
    }
    assertEquals(served, documentedParameters(document()));
  }

  @Test
  void theDocumentIsOpenApi31() throws Exception {
    assertEquals("3.1.0", document().get("openapi").asText());
  }

  static JsonNode document() throws Exception {
    try (InputStream in = QuarryServer.class.getResourceAsStream("openapi.json")) {
      return JSON.readTree(in);
    }
  }

  // operation ("GET /path") to its query parameter names, $refs to components resolved
  static Map<String, Set<String>> documentedParameters(JsonNode doc) {
    Map<String, Set<String>> ops = new TreeMap<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          if (!METHODS.contains(op.getKey())) {
                            return;
                          }
                          Set<String> names = new TreeSet<>();
                          for (JsonNode p : op.getValue().path("parameters")) {
                            JsonNode param = resolve(doc, p);
                            if ("query".equals(param.get("in").asText())) {
                              names.add(param.get("name").asText());
                            }
                          }
                          ops.put(
                              op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
                              names);
                        }));
    return ops;
  }

  private static JsonNode resolve(JsonNode doc, JsonNode node) {
    if (!node.has("$ref")) {
      return node;
    }
    return doc.at(node.get("$ref").asText().substring(1));
  }
}
