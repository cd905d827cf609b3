package org.quarry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;

/** {@code GET /api/v1/passages/ID} gives a passage with its context and its neighbours. */
class PassageRouteTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir static Path tmp;
  static Quarry quarry;
  static QuarryServer server;

  @BeforeAll
  static void serve() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.copy(
        Path.of("src/test/resources/transcripts/colon-names.txt"), docs.resolve("colon-names.txt"));
    quarry = Quarry.open(tmp.resolve("index"));
    quarry.index(IndexRequest.of(docs), IndexProgress.NONE);
    server = QuarryServer.start(quarry, "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
    quarry.close();
  }

  @Test
  void aTurnComesWithTheQuestionBeforeItAsContext() throws Exception {
    JsonNode body = passage(firstHit("recruitment"));
    assertEquals("turn", body.get("kind").asText());
    JsonNode context = body.get("context");
    assertEquals("interviewer", context.get("kind").asText(), body.toString());
    assertTrue(context.get("text").asText().contains("PCN changed"), context.toString());
  }

  @Test
  void neighboursAreThePassagesJustBeforeAndAfterInTheSource() throws Exception {
    JsonNode body = passage(firstHit("recruitment"));
    JsonNode before = body.get("neighbours").get("before");
    JsonNode after = body.get("neighbours").get("after");
    assertEquals(body.get("context").get("id"), before.get("id"));
    assertTrue(before.get("end").asInt() <= body.get("start").asInt(), body.toString());
    assertTrue(after.get("start").asInt() >= body.get("end").asInt(), body.toString());
    assertTrue(after.get("text").asText().contains("really helpful"), after.toString());
  }

  @Test
  void aQuestionHasNoContext() throws Exception {
    JsonNode body = passage(firstHit("\"PCN changed\""));
    assertEquals("interviewer", body.get("kind").asText());
    assertTrue(body.get("context").isNull(), body.toString());
    assertEquals("turn", body.get("neighbours").get("after").get("kind").asText());
  }

  private static String firstHit(String query) throws Exception {
    JsonNode hits = JSON.readTree(get("/api/v1/search?q=" + enc(query)).body()).get("hits");
    assertTrue(hits.size() > 0, "no hit for " + query);
    return hits.get(0).get("id").asText();
  }

  private static JsonNode passage(String id) throws Exception {
    HttpResponse<String> r = get("/api/v1/passages/" + enc(id));
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
