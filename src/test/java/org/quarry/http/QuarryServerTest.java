package org.quarry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.quarry.model.SearchRequest;

/** The HTTP API on loopback: versioned routes, JSON answers, 400 naming the parameter, 404. */
class QuarryServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir static Path tmp;
  static Quarry quarry;
  static QuarryServer server;

  @BeforeAll
  static void serve() throws IOException {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(
        docs.resolve("a.txt"),
        "Interviewer: What about the voice of practices?\n\nP01: The clinical directors speak with one voice.\n");
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
  void searchAnswersTheSearchJson() throws Exception {
    HttpResponse<String> r = get("/api/v1/search?q=" + enc("voice") + "&facet=source");
    assertEquals(200, r.statusCode());
    JsonNode body = JSON.readTree(r.body());
    assertTrue(body.get("total").asInt() > 0);
    assertTrue(body.get("hits").get(0).get("highlight").asText().contains("<mark>"));
    assertEquals("a.txt", body.get("facets").get("source").get(0).get("value").asText());
  }

  @Test
  void aSearchNamingNoFacetCountsTheCliDefaultsAndOriginWhenAskedFor() throws Exception {
    // the defaults 'quarry search --help' names: participant, source, kind, section, code
    JsonNode facets = JSON.readTree(get("/api/v1/search?q=voice").body()).get("facets");
    List<String> dims = new ArrayList<>();
    facets.fieldNames().forEachRemaining(dims::add);
    assertEquals(List.of("participant", "source", "kind", "section", "code"), dims);
    assertEquals(SearchRequest.DEFAULT_FACETS, dims);
    // origin (suggested or human) is a facet on request, as with --facet origin
    JsonNode origin =
        JSON.readTree(get("/api/v1/search?q=voice&facet=origin").body()).get("facets");
    assertTrue(origin.has("origin"), origin.toString());
  }

  @Test
  void anIndexRunOfAnotherProcessShowsUpAfterItsCommitWithoutARestart() throws Exception {
    assertEquals(0, JSON.readTree(get("/api/v1/search?q=allotment").body()).get("total").asInt());
    Path more = Files.createDirectories(tmp.resolve("more"));
    Files.writeString(
        more.resolve("b.txt"),
        "Interviewer: And outside work?\n\nP02: The allotment keeps me sane.\n");
    // another Quarry on the same folder stands for another process's 'quarry index'
    try (Quarry other = Quarry.open(tmp.resolve("index"))) {
      other.index(IndexRequest.of(more), IndexProgress.NONE);
    }
    JsonNode after = JSON.readTree(get("/api/v1/search?q=allotment").body());
    assertEquals(1, after.get("total").asInt(), after.toString());
    assertEquals("b.txt", after.get("hits").get(0).get("source").asText());
  }

  @Test
  void aPassageByIdAndA404ForAMissingOne() throws Exception {
    String id =
        JSON.readTree(get("/api/v1/search?q=voice").body()).get("hits").get(0).get("id").asText();
    HttpResponse<String> found = get("/api/v1/passages/" + enc(id));
    assertEquals(200, found.statusCode());
    assertEquals(id, JSON.readTree(found.body()).get("id").asText());
    assertEquals(404, get("/api/v1/passages/" + enc("a.txt#0-1")).statusCode());
  }

  @Test
  void badParametersAre400sNamingTheParameter() throws Exception {
    assertBad(get("/api/v1/search?q=voice&limit=abc"), "limit");
    assertBad(get("/api/v1/search"), "q");
    assertBad(get("/api/v1/search?q=" + enc("voice AND")), "q");
    assertBad(get("/api/v1/search?q=voice&filter=" + enc("colour:red")), "filter");
    HttpResponse<String> huge = get("/api/v1/search?q=voice&offset=999999999999");
    assertBad(huge, "offset");
    assertTrue(huge.body().contains("must be 0 to 10000"), huge.body());
  }

  @Test
  void theOpenApiDocumentIsServedAndListsTheSearchRoute() throws Exception {
    HttpResponse<String> r = get("/api/v1/openapi.json");
    assertEquals(200, r.statusCode());
    JsonNode doc = JSON.readTree(r.body());
    assertEquals("3.1.0", doc.get("openapi").asText());
    assertTrue(doc.get("paths").has("/api/v1/search"));
    assertBad(get("/api/v1/openapi.json?verbose=1"), "verbose");
  }

  @Test
  void aKnownPathWithAnotherMethodIsA405() throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/api/v1/health"))
                .DELETE()
                .header(RequestGuard.TOKEN_HEADER, server.token())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, r.statusCode(), r.body());
  }

  @Test
  void theSearchPageIsServedWithItsScriptAndStyleSheet() throws Exception {
    HttpResponse<String> r = get("/");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("src=\"/app.js\""), r.body());
    assertTrue(r.body().contains("href=\"/app.css\""), r.body());
    HttpResponse<String> script = get("/app.js");
    assertEquals(200, script.statusCode());
    assertTrue(
        script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
    assertTrue(script.body().contains("/api/v1/search"));
    HttpResponse<String> css = get("/app.css");
    assertEquals(200, css.statusCode());
    assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
  }

  private static void assertBad(HttpResponse<String> r, String parameter) throws IOException {
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(parameter, JSON.readTree(r.body()).get("parameter").asText(), r.body());
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
