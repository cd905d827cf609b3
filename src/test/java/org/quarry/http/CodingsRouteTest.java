package org.quarry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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

/** {@code POST /api/v1/codings} records a researcher's accept or reject, as the CLI does. */
class CodingsRouteTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir static Path tmp;
  static Quarry quarry;
  static QuarryServer server;
  static String turn;

  @BeforeAll
  static void serve() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.copy(
        Path.of("src/test/resources/transcripts/colon-names.txt"), docs.resolve("colon-names.txt"));
    quarry = Quarry.open(tmp.resolve("index"));
    quarry.index(IndexRequest.of(docs), IndexProgress.NONE);
    server = QuarryServer.start(quarry, "127.0.0.1", 0);
    turn =
        JSON.readTree(get("/api/v1/search?q=recruitment").body())
            .get("hits")
            .get(0)
            .get("id")
            .asText();
  }

  @AfterAll
  static void stop() {
    server.close();
    quarry.close();
  }

  @Test
  void anAcceptedCodeBecomesAHumanCodingOfThePassage() throws Exception {
    HttpResponse<String> r = post(body(turn, "workforce", "accept"));
    assertEquals(200, r.statusCode(), r.body());
    JsonNode answer = JSON.readTree(r.body());
    assertEquals("accept", answer.get("decision").asText());
    assertEquals("workforce", answer.get("code").asText());
    assertEquals(turn, answer.get("passage").asText());
    JsonNode codes = JSON.readTree(get("/api/v1/passages/" + enc(turn)).body()).get("codes");
    assertTrue(codes.toString().contains("\"workforce\""), codes.toString());
  }

  @Test
  void aRejectionAfterAnAcceptReplacesIt() throws Exception {
    post(body(turn, "demand", "accept"));
    JsonNode answer = JSON.readTree(post(body(turn, "demand", "reject")).body());
    assertEquals("reject", answer.get("decision").asText());
    assertTrue(answer.get("reversed").asBoolean(), answer.toString());
    JsonNode again = JSON.readTree(post(body(turn, "demand", "reject")).body());
    assertTrue(again.get("repeated").asBoolean(), again.toString());
    assertFalse(again.get("reversed").asBoolean(), again.toString());
  }

  @Test
  void aBadBodyIsA400NamingTheField() throws Exception {
    assertBad(post("{\"passage\": \"" + turn + "\", \"decision\": \"accept\"}"), "code");
    assertBad(post(body(turn, "demand", "maybe")), "decision");
    assertBad(
        post(
            "{\"passage\": \""
                + turn
                + "\", \"code\": \"x\", \"decision\": \"accept\", \"why\": 1}"),
        "why");
    assertBad(post("{\"passage\": 3, \"code\": \"x\", \"decision\": \"accept\"}"), "passage");
    assertBad(post("not json"), "body");
    assertBad(post("[]"), "body");
  }

  @Test
  void anUnknownPassageIsA404NamingIt() throws Exception {
    HttpResponse<String> r = post(body("colon-names.txt#0-1", "demand", "accept"));
    assertEquals(404, r.statusCode(), r.body());
    assertEquals("passage", JSON.readTree(r.body()).get("parameter").asText());
  }

  @Test
  void withoutTheTokenNothingIsRecorded() throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            request("/api/v1/codings")
                .POST(HttpRequest.BodyPublishers.ofString(body(turn, "secret", "accept")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(403, r.statusCode());
    assertTrue(quarry.decisions().stream().noneMatch(d -> d.code().equals("secret")));
  }

  @Test
  void aChunkedBodyOverOneMegabyteIsA413() throws Exception {
    byte[] big = new byte[(int) RequestGuard.MAX_BODY_BYTES + 10];
    java.util.Arrays.fill(big, (byte) ' ');
    HttpResponse<String> r =
        CLIENT.send(
            request("/api/v1/codings")
                .header(RequestGuard.TOKEN_HEADER, server.token())
                // an InputStream publisher announces no length: the body goes chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(413, r.statusCode(), r.body());
  }

  private static String body(String passage, String code, String decision) {
    return JSON.createObjectNode()
        .put("passage", passage)
        .put("code", code)
        .put("decision", decision)
        .toString();
  }

  private static void assertBad(HttpResponse<String> r, String field) throws IOException {
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(field, JSON.readTree(r.body()).get("parameter").asText(), r.body());
  }

  private static HttpResponse<String> post(String json) throws Exception {
    return CLIENT.send(
        request("/api/v1/codings")
            .header(RequestGuard.TOKEN_HEADER, server.token())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
