package org.quarry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;

/**
 * The routes the web page works with beyond search: the facet dimensions, a whole source, the
 * review queue of a served codebook, adding and removing a code, learning, and search's order and
 * interviewer switch.
 */
class WorkbenchRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir static Path tmp;
  static Quarry quarry;
  static QuarryServer server;
  static QuarryServer bare;

  @BeforeAll
  static void serve() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(
        docs.resolve("p12.md"),
        """
        ---
        participant: P12
        interviewer: Dr Lee
        role: practice manager
        region: North
        ---
        Dr Lee: How did the practice find the funding for the new roles?

        P12: The funding came late. We recruited a pharmacist and the budget barely covered it.

        Dr Lee: And the workload for the reception team?

        P12: Reception staff are exhausted; the workload has doubled since the winter.
        """);
    Files.writeString(
        docs.resolve("p13.md"),
        """
        ---
        participant: P13
        interviewer: Dr Lee
        role: GP partner
        region: South
        ---
        Dr Lee: Tell me about funding.

        P13: Funding for the network was a relief, the money arrived before the roles did.
        """);
    Files.writeString(
        tmp.resolve("codebook.yaml"),
        """
        codebook: Practice pressures
        codes:
          - id: funding
            name: Funding and budgets
            description: Money for roles and services.
            terms: [funding, budget, money]
          - id: workload
            name: Workload
            description: Pressure of work on staff.
            terms: [workload, exhausted, "on-the-day"]
        """);
    quarry = Quarry.open(tmp.resolve("index"));
    quarry.index(IndexRequest.of(docs), IndexProgress.NONE);
    server =
        QuarryServer.start(
            quarry, "127.0.0.1", 0, null, Quarry.codebook(tmp.resolve("codebook.yaml")).codebook());
    bare = QuarryServer.start(quarry, "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
    bare.close();
    quarry.close();
  }

  @Test
  void theFacetDimensionsNameTheParticipantAttributes() throws Exception {
    JsonNode facets = ok(get(server, "/api/v1/facets"));
    assertEquals(List.of("region", "role"), texts(facets.get("attributes")));
    assertTrue(texts(facets.get("dimensions")).contains("participant"), facets.toString());
  }

  @Test
  void aSourceComesWholeInReadingOrder() throws Exception {
    JsonNode source = ok(get(server, "/api/v1/sources/" + enc("p12.md")));
    JsonNode passages = source.get("passages");
    assertEquals(4, passages.size(), source.toString());
    assertEquals("interviewer", passages.get(0).get("kind").asText());
    int last = -1;
    for (JsonNode p : passages) {
      assertTrue(p.get("start").asInt() > last, source.toString());
      last = p.get("start").asInt();
    }
    HttpResponse<String> missing = get(server, "/api/v1/sources/" + enc("nobody.md"));
    assertEquals(404, missing.statusCode(), missing.body());
  }

  @Test
  void hitsComeInReadingOrderWhenAsked() throws Exception {
    JsonNode byRelevance = ok(get(server, "/api/v1/search?q=funding"));
    JsonNode bySource = ok(get(server, "/api/v1/search?q=funding&sort=source"));
    List<String> reading = new ArrayList<>();
    for (JsonNode h : bySource.get("hits")) {
      reading.add(
          h.get("source").asText()
              + "\t"
              + String.format(java.util.Locale.ROOT, "%08d", h.get("start").asInt()));
    }
    List<String> sorted = new ArrayList<>(reading);
    sorted.sort(null);
    assertEquals(sorted, reading);
    assertEquals(byRelevance.get("total"), bySource.get("total"));
    assertEquals(byRelevance.get("max_score"), bySource.get("max_score"));
    assertEquals(
        byRelevance.get("hits").get(0).get("score").asDouble(),
        byRelevance.get("max_score").asDouble());
  }

  @Test
  void interviewersCanBeLeftOut() throws Exception {
    JsonNode all = ok(get(server, "/api/v1/search?q=funding&facet=kind"));
    JsonNode hidden = ok(get(server, "/api/v1/search?q=funding&facet=kind&interviewers=hide"));
    assertTrue(all.get("facets").get("kind").toString().contains("interviewer"), all.toString());
    assertFalse(
        hidden.get("facets").get("kind").toString().contains("interviewer"), hidden.toString());
    assertTrue(
        hidden.get("total").asInt() > 0 && hidden.get("total").asInt() < all.get("total").asInt());
  }

  @Test
  void aBadSortOrSwitchIsA400NamingIt() throws Exception {
    assertBad(get(server, "/api/v1/search?q=funding&sort=date"), "sort");
    assertBad(get(server, "/api/v1/search?q=funding&interviewers=maybe"), "interviewers");
  }

  @Test
  void theReviewQueueRanksTheCodesSuggestionsWithTheirEvidenceMarked() throws Exception {
    JsonNode queue = ok(get(server, "/api/v1/review?code=funding"));
    assertEquals("Funding and budgets", queue.get("name").asText());
    JsonNode items = queue.get("items");
    assertTrue(items.size() >= 2, queue.toString());
    double previous = Double.MAX_VALUE;
    for (JsonNode item : items) {
      assertTrue(item.get("score").asDouble() <= previous, queue.toString());
      previous = item.get("score").asDouble();
      assertTrue(item.get("highlight").asText().contains("<mark>"), item.toString());
      assertFalse(item.get("kind").asText().equals("interviewer"), item.toString());
    }
    assertEquals(
        queue.get("total").asInt(),
        queue.get("accepted").asInt()
            + queue.get("rejected").asInt()
            + queue.get("pending").asInt());
  }

  @Test
  void aDecisionShowsInTheQueueAndItsCounts() throws Exception {
    JsonNode before = ok(get(server, "/api/v1/review?code=workload"));
    String id = before.get("items").get(0).get("id").asText();
    assertEquals(
        200, post(server, "/api/v1/codings", coding(id, "workload", "accept")).statusCode());
    JsonNode after = ok(get(server, "/api/v1/review?code=workload"));
    assertEquals("accept", after.get("items").get(0).get("decision").asText(), after.toString());
    assertEquals(before.get("accepted").asInt() + 1, after.get("accepted").asInt());
    assertEquals(before.get("pending").asInt() - 1, after.get("pending").asInt());
  }

  @Test
  void anAddedCodeIsOnThePassageAndARemovedOneIsOffIt() throws Exception {
    String id =
        ok(get(server, "/api/v1/search?q=pharmacist")).get("hits").get(0).get("id").asText();
    HttpResponse<String> add = post(server, "/api/v1/codings", coding(id, "new-roles", "add"));
    assertEquals(200, add.statusCode(), add.body());
    assertTrue(codesOf(id).contains("new-roles"));
    HttpResponse<String> remove =
        post(server, "/api/v1/codings", coding(id, "new-roles", "remove"));
    assertEquals(200, remove.statusCode(), remove.body());
    assertTrue(JSON.readTree(remove.body()).get("reversed").asBoolean(), remove.body());
    assertFalse(codesOf(id).contains("new-roles"));
  }

  @Test
  void reviewNeedsACodeTheServedCodebookHas() throws Exception {
    assertBad(get(server, "/api/v1/review"), "code");
    assertBad(get(server, "/api/v1/review?code=weather"), "code");
    HttpResponse<String> none = get(bare, "/api/v1/review?code=funding");
    assertEquals(404, none.statusCode(), none.body());
    assertTrue(JSON.readTree(none.body()).get("error").asText().contains("--codebook"));
  }

  @Test
  void healthSaysWhatThePageCanOffer() throws Exception {
    JsonNode health = ok(get(server, "/api/v1/health"));
    assertEquals("Practice pressures", health.get("codebook").asText());
    assertFalse(health.get("model").asBoolean());
    assertTrue(health.get("passages").asInt() > 0);
    assertTrue(ok(get(bare, "/api/v1/health")).get("codebook").isNull());
  }

  @Test
  void learningWithoutAModelIsA409AndWithoutTheTokenA403() throws Exception {
    HttpResponse<String> r = post(server, "/api/v1/learn", "{}");
    assertEquals(409, r.statusCode(), r.body());
    assertTrue(JSON.readTree(r.body()).get("error").asText().contains("quarry learn"));
    HttpResponse<String> noToken =
        CLIENT.send(
            request(server, "/api/v1/learn")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(403, noToken.statusCode());
  }

  @Test
  void theServedCodebookIsTheOneSuggestAndCodebookAnswer() throws Exception {
    JsonNode book = ok(get(server, "/api/v1/codebook"));
    assertEquals("Practice pressures", book.get("name").asText());
    JsonNode s =
        ok(post(server, "/api/v1/suggest", "{\"text\": \"The budget for new roles ran out.\"}"));
    assertEquals("funding", s.get("suggestions").get(0).get("code").asText(), s.toString());
  }

  @Test
  void aTextNoLexiconMatchesGetsNoSuggestionsAndATextWithoutWordsA400() throws Exception {
    JsonNode none =
        ok(post(server, "/api/v1/suggest", "{\"text\": \"The car park was resurfaced.\"}"));
    assertEquals(0, none.get("suggestions").size(), none.toString());
    assertBad(post(server, "/api/v1/suggest", "{\"text\": \"-- !! --\"}"), "text");
  }

  @Test
  void decisionsSentAtOnceEachTakeTheirTurnWhileSearchesGoOn() throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode h :
        ok(get(
                server,
                "/api/v1/search?q=funding OR workload OR pharmacist".replace(" ", "%20")
                    + "&limit=20"))
            .get("hits")) {
      ids.add(h.get("id").asText());
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String id = ids.get(i % ids.size());
        boolean write = i % 2 == 0;
        answers.add(
            pool.submit(
                () ->
                    write
                        ? post(server, "/api/v1/codings", coding(id, "together", "add"))
                            .statusCode()
                        : get(server, "/api/v1/search?q=funding&facet=code").statusCode()));
      }
      for (var a : answers) {
        assertEquals(200, a.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  private static List<String> codesOf(String id) throws Exception {
    List<String> codes = new ArrayList<>();
    for (JsonNode c : ok(get(server, "/api/v1/passages/" + enc(id))).get("codes")) {
      codes.add(c.get("code").asText());
    }
    return codes;
  }

  private static String coding(String passage, String code, String decision) {
    return JSON.createObjectNode()
        .put("passage", passage)
        .put("code", code)
        .put("decision", decision)
        .toString();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static JsonNode ok(HttpResponse<String> r) throws IOException {
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private static void assertBad(HttpResponse<String> r, String parameter) throws IOException {
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(parameter, JSON.readTree(r.body()).get("parameter").asText(), r.body());
  }

  private static HttpResponse<String> post(QuarryServer s, String path, String json)
      throws Exception {
    return CLIENT.send(
        request(s, path)
            .header(RequestGuard.TOKEN_HEADER, s.token())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(QuarryServer s, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path));
  }

  private static HttpResponse<String> get(QuarryServer s, String path) throws Exception {
    return CLIENT.send(request(s, path).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
