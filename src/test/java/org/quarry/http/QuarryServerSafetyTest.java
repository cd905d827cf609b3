package org.quarry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;

/**
 * The server is safe by default and never brought down by a bad request: after each refusal
 * (checked in {@link #theServerStillAnswers}) a good search still answers.
 */
class QuarryServerSafetyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final List<String> LOG = new CopyOnWriteArrayList<>();

  @TempDir static Path tmp;
  static Quarry quarry;
  static QuarryServer server;

  @BeforeAll
  static void serve() throws IOException {
    Path docs = Files.createDirectories(tmp.resolve("docs/site"));
    Files.writeString(
        docs.resolve("a.txt"),
        "Interviewer: What about the voice of practices?\n\n"
            + "P01: The clinical directors speak with one voice.\n\n"
            + "P02: Nobody asked the nurses about their voice.\n");
    Files.writeString(docs.resolve("b.txt"), "A second note on the voice of the nurses.\n");
    quarry = Quarry.open(tmp.resolve("index"));
    quarry.index(IndexRequest.of(tmp.resolve("docs")), IndexProgress.NONE);
    server = QuarryServer.start(quarry, "127.0.0.1", 0, LOG::add);
  }

  @AfterAll
  static void stop() {
    server.close();
    quarry.close();
  }

  @AfterEach
  void theServerStillAnswers() throws Exception {
    assertEquals(200, get("/api/v1/search?q=voice").statusCode());
  }

  @Test
  void thePageOpensWithItsStateInTheUrl() throws Exception {
    HttpResponse<String> r = get("/?q=funding&facet=participant&filter=kind%3Dquote&offset=10");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("<html") || r.body().contains("<!DOCTYPE"), r.body());
  }

  @Test
  void thePageRefusesAParameterItDoesNotKeep() throws Exception {
    HttpResponse<String> r = get("/?colour=red");
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("colour"), r.body());
  }

  @Test
  void healthAnswersOk() throws Exception {
    HttpResponse<String> r = get("/api/v1/health");
    assertEquals(200, r.statusCode());
    assertEquals("ok", JSON.readTree(r.body()).get("status").asText());
  }

  @Test
  void filtersTakeTheCliSyntaxAndTheOldColonStillWorks() throws Exception {
    JsonNode all = JSON.readTree(get("/api/v1/search?q=voice").body());
    String who = all.get("facets").get("source").get(0).get("value").asText();
    JsonNode filtered =
        JSON.readTree(get("/api/v1/search?q=voice&filter=" + enc("source=" + who)).body());
    JsonNode colon =
        JSON.readTree(get("/api/v1/search?q=voice&filter=" + enc("source:" + who)).body());
    assertTrue(filtered.get("total").asInt() < all.get("total").asInt(), filtered.toString());
    assertTrue(filtered.get("total").asInt() > 0, filtered.toString());
    assertEquals(filtered.get("total"), colon.get("total"));
    assertBad(get("/api/v1/search?q=voice&filter=" + enc("source=")), 400, "filter");
  }

  @Test
  void unknownParametersAre400sNamingThem() throws Exception {
    HttpResponse<String> r = get("/api/v1/search?q=voice&limt=5");
    assertBad(r, 400, "limt");
    assertTrue(r.body().contains("limt"), r.body());
    assertBad(get("/api/v1/passages/x?colour=red"), 400, "colour");
  }

  @Test
  void aFormatOtherThanJsonIsA400() throws Exception {
    assertBad(get("/api/v1/search?q=voice&format=xml"), 400, "format");
    assertEquals(200, get("/api/v1/search?q=voice&format=json").statusCode());
  }

  @Test
  void aPassageIdCutAtAnUnencodedHashSaysToEncodeIt() throws Exception {
    String id =
        JSON.readTree(get("/api/v1/search?q=voice").body()).get("hits").get(0).get("id").asText();
    assertTrue(id.contains("/") && id.contains("#"), id);
    // the client drops everything from '#' on, as a browser does
    HttpResponse<String> r = get("/api/v1/passages/" + id.replace(" ", "%20"));
    assertEquals(404, r.statusCode(), r.body());
    assertTrue(r.body().contains("%23"), r.body());
    assertEquals(200, get("/api/v1/passages/" + enc(id)).statusCode());
  }

  @Test
  void aHostNamingAnotherServerIsRefused() throws Exception {
    String answer =
        raw(
            "GET /api/v1/search?q=voice HTTP/1.1\r\nHost: evil.example:"
                + server.port()
                + "\r\nConnection: close\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
    String wrongPort =
        raw("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:1\r\n" + "Connection: close\r\n\r\n");
    assertTrue(wrongPort.startsWith("HTTP/1.1 403"), wrongPort);
    String localhost =
        raw(
            "GET /api/v1/health HTTP/1.1\r\nHost: localhost:"
                + server.port()
                + "\r\nConnection: close\r\n\r\n");
    assertTrue(localhost.startsWith("HTTP/1.1 200"), localhost);
  }

  @Test
  void anotherOriginIsRefusedAndOurOwnIsNot() throws Exception {
    HttpResponse<String> other =
        send(request("/api/v1/search?q=voice").header("Origin", "http://evil.example").build());
    assertEquals(403, other.statusCode(), other.body());
    HttpResponse<String> own =
        send(
            request("/api/v1/search?q=voice")
                .header("Origin", "http://127.0.0.1:" + server.port())
                .build());
    assertEquals(200, own.statusCode(), own.body());
  }

  @Test
  void aStateChangingRequestNeedsTheServersToken() throws Exception {
    HttpResponse<String> without =
        send(
            request("/api/v1/search?q=voice")
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .build());
    assertEquals(403, without.statusCode(), without.body());
    assertTrue(without.body().contains("X-Quarry-Token"), without.body());
    HttpResponse<String> wrong =
        send(
            request("/api/v1/search?q=voice")
                .header("X-Quarry-Token", "guess")
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .build());
    assertEquals(403, wrong.statusCode(), wrong.body());
    // with the token the request gets past the guard to the route, which takes GET only
    HttpResponse<String> with =
        send(
            request("/api/v1/search?q=voice")
                .header("X-Quarry-Token", server.token())
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .build());
    assertEquals(405, with.statusCode(), with.body());
  }

  @Test
  void thePageCarriesTheToken() throws Exception {
    HttpResponse<String> page = get("/");
    assertTrue(page.body().contains(server.token()), "token missing from the page");
  }

  @Test
  void anOverlongQueryIsA414AndAnOverlargeBodyA413() throws Exception {
    assertEquals(414, get("/api/v1/search?q=" + "v".repeat(9000)).statusCode());
    String answer =
        raw(
            "POST /api/v1/search HTTP/1.1\r\nHost: 127.0.0.1:"
                + server.port()
                + "\r\nContent-Length: 5000000\r\nConnection: close\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
  }

  @Test
  void eachRequestGetsAnAccessLogLineWithoutItsQuery() throws Exception {
    get("/api/v1/search?q=secretword");
    String line =
        LOG.stream().filter(l -> l.contains("/api/v1/search")).reduce((a, b) -> b).orElseThrow();
    assertTrue(line.matches("quarry: GET /api/v1/search 200 \\d+ ms"), line);
    assertTrue(LOG.stream().noneMatch(l -> l.contains("secretword")));
  }

  private static void assertBad(HttpResponse<String> r, int status, String parameter)
      throws IOException {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(parameter, JSON.readTree(r.body()).get("parameter").asText(), r.body());
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(request(path).build());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  // HttpClient will not send a Host header of our choosing, nor a length with no body
  private static String raw(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
