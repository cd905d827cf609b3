package org.quarry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;
import org.quarry.model.Codebook;

/**
 * Once a model of the served codebook exists, the page is told so, review ranks with it, and {@code
 * POST /api/v1/learn} retrains it on the codings kept with the index, the page's accepts included,
 * with sentence vectors as the model had them.
 */
// in order: the page's accepts of the last test are the codings learn retrains on
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LearnRouteTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir static Path tmp;
  static Quarry quarry;
  static QuarryServer server;

  @BeforeAll
  static void serveWithAModel() throws Exception {
    quarry = Quarry.open(tmp.resolve("index"));
    quarry.index(IndexRequest.of(Path.of("seeds")), IndexProgress.NONE);
    Codebook book = Quarry.codebook(Path.of("seeds/codebook-commissioners.yaml")).codebook();
    // with sentence vectors, which a retraining from the page must keep
    quarry.learn(book, Path.of("seeds/seed-quotes.jsonl"), 1, 42, true);
    server = QuarryServer.start(quarry, "127.0.0.1", 0, null, book);
  }

  @AfterAll
  static void stop() {
    server.close();
    quarry.close();
  }

  @Test
  @Order(1)
  void healthSaysAModelExistsAndReviewRanksWithIt() throws Exception {
    assertTrue(JSON.readTree(get("/api/v1/health").body()).get("model").asBoolean());
    JsonNode queue = JSON.readTree(get("/api/v1/review?code=commissioner-role&limit=3").body());
    assertEquals("combined", queue.get("method").asText(), queue.toString());
  }

  @Test
  @Order(2)
  void learnWithTooFewCodingsKeptIsA409ThatSaysWhatToDo() throws Exception {
    HttpResponse<String> r = post("/api/v1/learn", "{}");
    assertEquals(409, r.statusCode(), r.body());
    assertTrue(
        JSON.readTree(r.body()).get("error").asText().contains("accept suggestions first"),
        r.body());
  }

  @Test
  @Order(3)
  void learnRetrainsOnThePagesAccepts() throws Exception {
    for (String code : new String[] {"commissioner-role", "policy-vs-local-services"}) {
      for (JsonNode item :
          JSON.readTree(get("/api/v1/review?code=" + code + "&limit=3").body()).get("items")) {
        String body =
            JSON.createObjectNode()
                .put("passage", item.get("id").asText())
                .put("code", code)
                .put("decision", "accept")
                .toString();
        assertEquals(200, post("/api/v1/codings", body).statusCode());
      }
    }
    HttpResponse<String> r = post("/api/v1/learn", "{}");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode report = JSON.readTree(r.body());
    assertTrue(report.get("trained").asBoolean());
    assertTrue(report.get("coded").asInt() >= 6, report.toString());
    assertTrue(report.get("codes").toString().contains("commissioner-role"), report.toString());
    assertTrue(report.get("learner").asText().contains("with sentence vectors"), report.toString());
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header(RequestGuard.TOKEN_HEADER, server.token())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
