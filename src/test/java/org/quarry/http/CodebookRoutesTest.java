package org.quarry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;

/**
 * {@code GET /api/v1/codebook}, {@code GET /api/v1/matrix} and {@code POST /api/v1/suggest}: the
 * code tree kept with the index, its framework matrix, and its suggestions for a text.
 */
class CodebookRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  // the file a REFI-QDA import keeps beside the index, here with terms so the lexicon can suggest
  private static final String KEPT =
      """
      {"name": "practice", "codes": [
        {"id": "workforce", "name": "Workforce", "description": "Staffing and roles",
         "terms": ["recruitment", "additional roles"], "weight": 1.0},
        {"id": "access", "name": "Access", "terms": ["appointment", "phones"], "weight": 1.0},
        {"id": "demand", "name": "Demand", "parent": "access", "terms": ["demand"],
         "weight": 1.0}]}
      """;

  @TempDir static Path tmp;
  static Quarry kept;
  static QuarryServer withCodebook;
  static Quarry bare;
  static QuarryServer withoutCodebook;
  static String turn;

  @BeforeAll
  static void serve() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.copy(
        Path.of("src/test/resources/transcripts/colon-names.txt"), docs.resolve("colon-names.txt"));
    kept = Quarry.open(tmp.resolve("kept"));
    kept.index(IndexRequest.of(docs), IndexProgress.NONE);
    Files.writeString(tmp.resolve("kept").resolve("quarry-codebook.json"), KEPT);
    withCodebook = QuarryServer.start(kept, "127.0.0.1", 0);
    turn =
        JSON.readTree(get(withCodebook, "/api/v1/search?q=recruitment").body())
            .get("hits")
            .get(0)
            .get("id")
            .asText();
    kept.accept(turn, "workforce");
    bare = Quarry.open(tmp.resolve("bare"));
    bare.index(IndexRequest.of(docs), IndexProgress.NONE);
    withoutCodebook = QuarryServer.start(bare, "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    withCodebook.close();
    kept.close();
    withoutCodebook.close();
    bare.close();
  }

  @Test
  void theKeptCodebookIsAnsweredWithItsTree() throws Exception {
    HttpResponse<String> r = get(withCodebook, "/api/v1/codebook");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode book = JSON.readTree(r.body());
    assertEquals("practice", book.get("name").asText());
    JsonNode demand = book.get("codes").get(2);
    assertEquals("demand", demand.get("id").asText());
    assertEquals("Demand", demand.get("name").asText());
    assertEquals("access", demand.get("parent").asText());
    assertEquals("demand", demand.get("terms").get(0).asText());
    assertEquals("Staffing and roles", book.get("codes").get(0).get("description").asText());
  }

  @Test
  void withNoCodebookKeptTheCodebookIsA404() throws Exception {
    HttpResponse<String> r = get(withoutCodebook, "/api/v1/codebook");
    assertEquals(404, r.statusCode(), r.body());
    assertTrue(JSON.readTree(r.body()).get("error").asText().contains("no codebook"), r.body());
  }

  @Test
  void theMatrixCountsTheCodedPassagesOfEachCase() throws Exception {
    HttpResponse<String> r = get(withCodebook, "/api/v1/matrix?rows=participant&origin=human");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode m = JSON.readTree(r.body());
    assertEquals("participant", m.get("rowsBy").asText());
    assertEquals("access", m.get("columns").get(1).get("id").asText());
    JsonNode row = m.get("rows").get(0);
    assertEquals("Dr Priya Shah", row.get("label").asText());
    assertEquals("workforce", row.get("cells").get(0).get("code").asText());
    assertEquals(1, row.get("cells").get(0).get("count").asInt());
    assertEquals(0, row.get("cells").get(1).get("count").asInt());
    assertFalse(row.get("cells").get(0).has("quotes"), "counts only unless cells=quotes");
  }

  @Test
  void quoteCellsListThePassagesWithParticipantAndScore() throws Exception {
    JsonNode m = JSON.readTree(get(withCodebook, "/api/v1/matrix?cells=quotes").body());
    JsonNode quote = m.get("rows").get(0).get("cells").get(0).get("quotes").get(0);
    assertEquals(turn, quote.get("id").asText());
    assertEquals("Dr Priya Shah", quote.get("participant").asText());
    assertEquals(1.0, quote.get("score").asDouble());
  }

  @Test
  void withNoCodebookKeptTheMatrixHasTheStoredCodes() throws Exception {
    HttpResponse<String> r = get(withoutCodebook, "/api/v1/matrix");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(0, JSON.readTree(r.body()).get("columns").size(), r.body());
  }

  @Test
  void badMatrixValuesAre400sNamingTheParameter() throws Exception {
    assertBad(get(withCodebook, "/api/v1/matrix?cells=both"), "cells");
    assertBad(get(withCodebook, "/api/v1/matrix?origin=robot"), "origin");
    assertBad(get(withCodebook, "/api/v1/matrix?min_score=2"), "min_score");
    assertBad(get(withCodebook, "/api/v1/matrix?min_score=high"), "min_score");
    assertBad(get(withCodebook, "/api/v1/matrix?rows=shoe_size"), "rows");
    assertBad(get(withCodebook, "/api/v1/matrix?filter=nonsense"), "filter");
  }

  @Test
  void aTextGetsTheKeptCodebooksSuggestionsWithEvidence() throws Exception {
    HttpResponse<String> r =
        post(withCodebook, "{\"text\": \"Recruitment is hard and demand keeps rising.\"}");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode answer = JSON.readTree(r.body());
    assertTrue(answer.has("id") && answer.has("start") && answer.has("end"), r.body());
    JsonNode suggestions = answer.get("suggestions");
    assertTrue(suggestions.size() >= 2, r.body());
    assertTrue(r.body().contains("\"code\":\"workforce\""), r.body());
    assertTrue(suggestions.get(0).get("evidence").size() > 0, r.body());
  }

  @Test
  void topLimitsTheSuggestions() throws Exception {
    HttpResponse<String> r =
        post(
            withCodebook,
            "{\"text\": \"Recruitment is hard and demand keeps rising.\", \"top\": 1}");
    assertEquals(1, JSON.readTree(r.body()).get("suggestions").size(), r.body());
  }

  @Test
  void suggestingWithNoCodebookKeptIsA404() throws Exception {
    assertEquals(404, post(withoutCodebook, "{\"text\": \"recruitment\"}").statusCode());
  }

  @Test
  void aBadSuggestBodyIsA400NamingTheField() throws Exception {
    assertBad(post(withCodebook, "{\"top\": 2}"), "text");
    assertBad(post(withCodebook, "{\"text\": \"demand\", \"top\": 0}"), "top");
    assertBad(post(withCodebook, "{\"text\": \"demand\", \"top\": \"3\"}"), "top");
    assertBad(post(withCodebook, "{\"text\": \"demand\", \"codebook\": \"x\"}"), "codebook");
  }

  @Test
  void suggestingWithoutTheTokenIsRefused() throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            request(withCodebook, "/api/v1/suggest")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"demand\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(403, r.statusCode());
  }

  private static void assertBad(HttpResponse<String> r, String parameter) throws Exception {
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(parameter, JSON.readTree(r.body()).get("parameter").asText(), r.body());
  }

  private static HttpResponse<String> post(QuarryServer server, String json) throws Exception {
    return CLIENT.send(
        request(server, "/api/v1/suggest")
            .header(RequestGuard.TOKEN_HEADER, server.token())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(QuarryServer server, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
  }

  private static HttpResponse<String> get(QuarryServer server, String path) throws Exception {
    return CLIENT.send(request(server, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
