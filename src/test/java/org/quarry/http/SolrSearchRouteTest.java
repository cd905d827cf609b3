package org.quarry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
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
import org.quarry.api.SolrIndex;

/**
 * A server whose searches go to a SolrCloud collection answers 502 with one line when the
 * collection cannot be reached: the collection failed, not the request.
 */
class SolrSearchRouteTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static Quarry quarry;
  static SolrIndex solr;
  static QuarryServer server;

  @BeforeAll
  static void serve() throws Exception {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.copy(
        Path.of("src/test/resources/transcripts/colon-names.txt"), docs.resolve("colon-names.txt"));
    quarry = Quarry.open(tmp.resolve("index"));
    quarry.index(IndexRequest.of(docs), IndexProgress.NONE);
    // port 1: nothing listens there
    solr = SolrIndex.at("http://127.0.0.1:1/solr/passages");
    server = QuarryServer.start(quarry, "127.0.0.1", 0, null, null, solr);
  }

  @AfterAll
  static void stop() {
    server.close();
    solr.close();
    quarry.close();
  }

  @Test
  void anUnreachableCollectionIsABadGatewayWithOneLine() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + server.port() + "/api/v1/search?q=recruitment"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(502, r.statusCode(), r.body());
    JsonNode body = JSON.readTree(r.body());
    String error = body.path("error").asText();
    assertTrue(
        error.startsWith("solr http://127.0.0.1:1/solr/passages: searching failed: "), error);
    assertEquals(1, error.lines().count(), error);
  }

  // GET path of the server
  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  // a 502 whose error is one line naming the collection; the error
  private static String badGateway(HttpResponse<String> r) throws Exception {
    assertEquals(502, r.statusCode(), r.body());
    String error = JSON.readTree(r.body()).path("error").asText();
    assertTrue(error.startsWith("solr http://127.0.0.1:1/solr/passages: "), error);
    assertEquals(1, error.lines().count(), error);
    return error;
  }

  @Test
  void theMatrixAsksTheCollectionTooAndAnUnreachableOneIsABadGateway() throws Exception {
    badGateway(get("/api/v1/matrix"));
  }

  @Test
  void aPassageInContextIsReadFromTheCollectionAndAnUnreachableOneIsABadGateway() throws Exception {
    String id = quarry.passages(false).get(0).passage().id();
    badGateway(get("/api/v1/passages/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8)));
    badGateway(get("/api/v1/sources/" + quarry.passages(false).get(0).passage().source()));
  }

  @Test
  void aDecisionIsKeptInTheIndexWhenTheCollectionCannotTakeItsCodes() throws Exception {
    String id = quarry.passages(false).get(1).passage().id();
    String body =
        JSON.writeValueAsString(
            java.util.Map.of("passage", id, "code", "recruitment", "decision", "accept"));
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/v1/codings"))
                    .header("Content-Type", "application/json")
                    .header(RequestGuard.TOKEN_HEADER, server.token())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    String error = badGateway(r);
    assertTrue(error.contains("the decision is kept in the index"), error);
    assertTrue(
        quarry.decisions().stream()
            .anyMatch(d -> d.passageId().equals(id) && d.code().equals("recruitment")),
        "the decision is recorded");
  }

  @Test
  void aQuerySyntaxErrorIsStillTheRequestsFault() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + server.port() + "/api/v1/search?q=%22unclosed"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(400, r.statusCode(), r.body());
  }
}
