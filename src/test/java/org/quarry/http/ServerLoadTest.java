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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.Analysis;
import org.quarry.api.IndexBusyException;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;
import org.quarry.model.Code;
import org.quarry.model.Codebook;

/**
 * The server under load: 8 clients send 500 mixed requests each (searches with facets, filters and
 * offsets; passages by id; suggestions for a passage's text; accepts and rejects) while index runs
 * on the very index the server serves commit new and changed sources. Run once for the class; each
 * test checks one thing the clients saw. Tagged {@code load} so it can be picked out or left out.
 */
@Tag("load")
class ServerLoadTest {
  private static final int CLIENTS = 8;
  private static final int REQUESTS_PER_CLIENT = 500;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final List<String> KINDS = List.of("search", "passage", "suggest", "codings");
  private static final List<String> QUERIES =
      List.of(
          "funding",
          "workforce",
          "voice AND ICS",
          "\"primary care\"",
          "network*",
          "commissioner OR CCG",
          "practice NOT hospital",
          "social prescribing",
          "clinical directors");
  private static final List<String> FACETS =
      List.of("participant", "source", "kind", "section", "code");
  private static final List<String> KIND_FILTERS = List.of("quote", "narrative", "turn");

  @TempDir static Path tmp;
  static Quarry quarry;
  static QuarryServer server;
  static List<String> codes;
  static List<String> seedSources;
  static Path late;

  static final LoadTally tally = new LoadTally();
  static final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
  static final ConcurrentLinkedQueue<String> malformed = new ConcurrentLinkedQueue<>();
  static final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
  static final ConcurrentLinkedQueue<String> unanswered = new ConcurrentLinkedQueue<>();
  static final ConcurrentLinkedQueue<String> indexFailures = new ConcurrentLinkedQueue<>();
  // every answer other than a 200, by kind, status and error message, with the first such
  // request and answer: the printed summary names what went wrong and how to ask for it again
  static final ConcurrentSkipListMap<String, Refusal> refusals = new ConcurrentSkipListMap<>();
  static final AtomicInteger indexRunsRefused = new AtomicInteger();
  static long loadEnded;
  static final List<Long> commitsAt = new ArrayList<>();

  /** A passage a client has seen in a search answer, to ask for, suggest on and code. */
  record Seen(String id, String source, String text) {}

  /** How often one kind of refusal came, and the first request and answer that showed it. */
  record Refusal(AtomicInteger count, String example) {}

  @BeforeAll
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  static void eightClientsWhileTwoIndexRunsCommit() throws Exception {
    // untagged: the load is on the server and the index's one writer, not on loading one tagger
    // model per server thread (the first suggest of each thread would wait seconds for it)
    quarry = Quarry.open(tmp.resolve("index"), Analysis.UNTAGGED);
    quarry.index(IndexRequest.of(Path.of("seeds")), IndexProgress.NONE);
    Codebook codebook = Quarry.codebook(Path.of("seeds/codebook-commissioners.yaml")).codebook();
    codes = codebook.codes().stream().map(Code::id).toList();
    server = QuarryServer.start(quarry, "127.0.0.1", 0, null, codebook);
    List<Seen> firstSeen = new ArrayList<>();
    for (String q : QUERIES) {
      firstSeen.addAll(seen(JSON.readTree(get(HttpClient.newHttpClient(), search(q)).body())));
    }
    seedSources = firstSeen.stream().map(Seen::source).distinct().sorted().toList();
    late = Files.createDirectories(tmp.resolve("late"));
    LateSources.writeFirstRun(late);

    AtomicInteger sent = new AtomicInteger();
    CountDownLatch loadUnderWay = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
    long started = System.nanoTime();
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      long seed = c;
      clients.add(
          pool.submit(
              () -> {
                client(new Random(seed), firstSeen, sent, loadUnderWay);
                return null;
              }));
    }
    Future<?> indexing = pool.submit(() -> indexTwiceOnceUnderWay(loadUnderWay));
    for (Future<?> f : clients) {
      f.get();
    }
    loadEnded = System.nanoTime();
    indexing.get();
    pool.shutdown();
    System.out.println(tally.summary(KINDS, (loadEnded - started) / 1e9));
    System.out.println(
        "load: index runs refused as busy "
            + indexRunsRefused
            + " times; commits at "
            + commitsAt.stream()
                .map(t -> String.format(Locale.ROOT, "%.1f s", (t - started) / 1e9))
                .toList()
            + "; 4xx by kind: "
            + KINDS.stream().map(k -> k + "=" + fourHundreds(tally.byStatus(k))).toList());
    indexFailures.forEach(f -> System.out.println("load: an index run failed: " + f));
    refusals.forEach(
        (why, r) ->
            System.out.println("load: " + r.count() + " x " + why + "\n  e.g. " + r.example()));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (quarry != null) {
      quarry.close();
    }
  }

  @Test
  void everyRequestWasAnswered() {
    assertTrue(
        unanswered.isEmpty(), unanswered.size() + " unanswered, first: " + first(unanswered));
    assertEquals(CLIENTS * REQUESTS_PER_CLIENT, tally.requests());
  }

  @Test
  void noAnswerIsAServerError() {
    assertTrue(serverErrors.isEmpty(), serverErrors.size() + " 5xx, first: " + first(serverErrors));
  }

  @Test
  void everyBodyIsAJsonObject() {
    assertTrue(malformed.isEmpty(), malformed.size() + " malformed, first: " + first(malformed));
  }

  @Test
  void theOnly4xxAreTheExpectedOnes() {
    // 409: a coding while the index is being written; 404: a passage the second run changed
    assertTrue(
        unexpected.isEmpty(), unexpected.size() + " unexpected, first: " + first(unexpected));
  }

  @Test
  void bothIndexRunsCommittedWhileTheClientsWereSending() {
    assertTrue(indexFailures.isEmpty(), String.valueOf(indexFailures));
    assertEquals(2, commitsAt.size());
    assertTrue(commitsAt.get(1) < loadEnded, "the second run ended after the load did");
  }

  @Test
  void theIndexRunsPassagesAreSearchableThroughTheServerWithoutARestart() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (String word : LateSources.WORDS_AFTER_BOTH_RUNS) {
      JsonNode found = JSON.readTree(get(client, search(word)).body());
      assertTrue(found.get("total").asInt() > 0, word + ": " + found);
      assertTrue(
          LateSources.NAMES.contains(found.get("hits").get(0).get("source").asText()),
          word + ": " + found);
    }
    JsonNode gone = JSON.readTree(get(client, search(LateSources.WORD_OF_FIRST_RUN_ONLY)).body());
    assertEquals(0, gone.get("total").asInt(), gone.toString());
  }

  // ---- the load ----

  private static void client(
      Random random, List<Seen> firstSeen, AtomicInteger sent, CountDownLatch loadUnderWay) {
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(PATIENCE)
            .build();
    List<Seen> seen = new ArrayList<>(firstSeen);
    for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
      if (sent.incrementAndGet() == CLIENTS * REQUESTS_PER_CLIENT / 10) {
        loadUnderWay.countDown();
      }
      int pick = random.nextInt(100);
      Seen passage = seen.get(random.nextInt(seen.size()));
      if (pick < 40) {
        JsonNode body = send(http, "search", get(randomSearch(random)), null, passage);
        if (body != null && body.has("hits")) {
          seen.addAll(seen(body));
        }
      } else if (pick < 65) {
        send(http, "passage", get("/api/v1/passages/" + enc(passage.id())), null, passage);
      } else if (pick < 80) {
        String json =
            JSON.createObjectNode()
                .put("text", passage.text())
                .put("top", 1 + random.nextInt(5))
                .toString();
        send(http, "suggest", post("/api/v1/suggest", json), json, passage);
      } else {
        String json =
            JSON.createObjectNode()
                .put("passage", passage.id())
                .put("code", codes.get(random.nextInt(codes.size())))
                .put("decision", random.nextBoolean() ? "accept" : "reject")
                .toString();
        send(http, "codings", post("/api/v1/codings", json), json, passage);
      }
    }
  }

  private static String randomSearch(Random random) {
    StringBuilder path = new StringBuilder(search(QUERIES.get(random.nextInt(QUERIES.size()))));
    for (String facet : FACETS) {
      if (random.nextInt(3) == 0) {
        path.append("&facet=").append(facet);
      }
    }
    switch (random.nextInt(4)) {
      case 0 ->
          path.append("&filter=")
              .append(enc("kind=" + KIND_FILTERS.get(random.nextInt(KIND_FILTERS.size()))));
      case 1 ->
          path.append("&filter=")
              .append(enc("source=" + seedSources.get(random.nextInt(seedSources.size()))));
      default -> {}
    }
    if (random.nextInt(4) == 0) {
      path.append("&sort=source");
    }
    if (random.nextInt(4) == 0) {
      path.append("&interviewers=hide");
    }
    path.append("&limit=").append(List.of(5, 10, 25).get(random.nextInt(3)));
    path.append("&offset=").append(List.of(0, 0, 10, 20).get(random.nextInt(4)));
    return path.toString();
  }

  /** Sends, times and checks one request; the parsed body when it was JSON, else null. */
  private static JsonNode send(
      HttpClient http, String kind, HttpRequest request, String posted, Seen passage) {
    String what =
        kind + " " + request.method() + " " + request.uri() + (posted == null ? "" : " " + posted);
    long t0 = System.nanoTime();
    HttpResponse<String> r;
    try {
      r = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      unanswered.add(what + " -> " + e);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unanswered.add(what + " -> interrupted");
      return null;
    }
    tally.add(kind, r.statusCode(), System.nanoTime() - t0);
    String answer = what + " -> " + r.statusCode() + " " + r.body();
    if (r.statusCode() >= 500) {
      serverErrors.add(answer);
    }
    JsonNode body = null;
    try {
      body = JSON.readTree(r.body());
    } catch (IOException e) {
      // answered below
    }
    if (body == null || !body.isObject()) {
      malformed.add(answer);
      body = null;
    }
    if (r.statusCode() != 200) {
      String error = body != null && body.has("error") ? body.get("error").asText() : r.body();
      // the passage ids in messages differ; what went wrong is said before them
      error = error.replaceAll("'[^']*'", "'…'");
      refusals
          .computeIfAbsent(
              kind + " " + r.statusCode() + " " + error.substring(0, Math.min(140, error.length())),
              k -> new Refusal(new AtomicInteger(), shorter(answer)))
          .count()
          .incrementAndGet();
    }
    if (r.statusCode() >= 400 && r.statusCode() < 500 && !expected(kind, r.statusCode(), passage)) {
      unexpected.add(answer);
    }
    return body;
  }

  // a coding finds the index's one writer busy (an index run, or another coding) -> 409; a passage
  // the second index run changed is gone -> 404
  private static boolean expected(String kind, int status, Seen passage) {
    boolean changedSince = LateSources.NAMES.contains(passage.source());
    return switch (kind) {
      case "passage" -> status == 404 && changedSince;
      case "codings" -> status == 409 || (status == 404 && changedSince);
      default -> false;
    };
  }

  private static void indexTwiceOnceUnderWay(CountDownLatch loadUnderWay) {
    try {
      loadUnderWay.await();
      indexLate();
      LateSources.writeSecondRun(late);
      indexLate();
    } catch (Exception e) {
      indexFailures.add(e.toString());
    }
  }

  // the index's one writer may be held by a coding: as the refusal says, trying again will do
  private static void indexLate() throws InterruptedException {
    while (true) {
      try {
        quarry.index(IndexRequest.of(late), IndexProgress.NONE);
        commitsAt.add(System.nanoTime());
        return;
      } catch (IndexBusyException e) {
        indexRunsRefused.incrementAndGet();
        Thread.sleep(10);
      }
    }
  }

  // ---- requests ----

  private static List<Seen> seen(JsonNode searchAnswer) {
    List<Seen> found = new ArrayList<>();
    for (JsonNode hit : searchAnswer.get("hits")) {
      found.add(
          new Seen(hit.get("id").asText(), hit.get("source").asText(), hit.get("text").asText()));
    }
    return found;
  }

  private static String search(String q) {
    return "/api/v1/search?q=" + enc(q);
  }

  private static HttpRequest get(String path) {
    return request(path).GET().build();
  }

  private static HttpRequest post(String path, String json) {
    return request(path)
        .header(RequestGuard.TOKEN_HEADER, server.token())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(PATIENCE);
  }

  private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
    return client.send(get(path), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String fourHundreds(Map<Integer, Long> byStatus) {
    Map<Integer, Long> fours = new TreeMap<>(byStatus);
    fours.keySet().removeIf(s -> s < 400 || s >= 500);
    return fours.toString();
  }

  private static String first(ConcurrentLinkedQueue<String> q) {
    String s = q.peek();
    return s == null ? "" : shorter(s);
  }

  private static String shorter(String s) {
    return s.length() > 600 ? s.substring(0, 600) + "..." : s;
  }

  /** The small sources the index runs under load write: what each run adds, changes and keeps. */
  static final class LateSources {
    static final Set<String> NAMES = Set.of("clinic-a.txt", "clinic-b.txt", "clinic-c.txt");
    static final String WORD_OF_FIRST_RUN_ONLY = "quillwort";
    static final List<String> WORDS_AFTER_BOTH_RUNS =
        List.of("saltmarsh", "ferryman", "lamplighter");

    private LateSources() {}

    static void writeFirstRun(Path dir) throws IOException {
      Files.writeString(
          dir.resolve("clinic-a.txt"),
          turns(
              "P21",
              "The funding came late and the quillwort project stalled before the network met.",
              "Our workforce is stretched; the clinical directors asked for more funding."));
      Files.writeString(
          dir.resolve("clinic-b.txt"),
          turns(
              "P22",
              "The ferryman rota meant patients reached the practice only twice a week.",
              "Social prescribing helped, but the funding stopped after a year."));
    }

    static void writeSecondRun(Path dir) throws IOException {
      Files.writeString(
          dir.resolve("clinic-a.txt"),
          turns(
              "P21",
              "The funding came late and the saltmarsh clinic opened after the network met.",
              "Our workforce is stretched; the clinical directors asked for more funding."));
      Files.writeString(
          dir.resolve("clinic-c.txt"),
          turns(
              "P23",
              "The lamplighter scheme paid for evening appointments across the network.",
              "Funding for the primary care network arrived in the spring."));
    }

    private static String turns(String participant, String first, String second) {
      return "Interviewer: How did the network start for you?\n\n"
          + participant
          + ": "
          + first
          + "\n\nInterviewer: And since then?\n\n"
          + participant
          + ": "
          + second
          + "\n";
    }
  }
}
