package org.quarry.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quarry.solr.QuarryProcess.Run;

/**
 * The seeds in a real SolrCloud (2 nodes, a collection of 2 shards x 2 replicas), sent by {@code
 * quarry index --solr} and searched by {@code quarry search --solr}, against the same seeds in a
 * local index: the same hits, in the same order, with the same scores and totals.
 */
class SolrCloudParityTest {
  private static final Path HOME = QuarryProcess.HOME;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static MiniSolrCloudCluster cluster;
  private static Path work;
  private static String url;
  private static int allSources;

  static Run quarry(String... args) throws Exception {
    return QuarryProcess.run(work, args);
  }

  static Run ok(String... args) throws Exception {
    return QuarryProcess.ok(work, args);
  }

  // makes a collection and its records collection, and waits until every replica of both is active
  static void create(String at, String name, int shards, int replicas) throws Exception {
    ok(
        "solr",
        "create-collection",
        "--solr",
        at,
        "--shards",
        String.valueOf(shards),
        "--replicas",
        String.valueOf(replicas));
    cluster.waitForActiveCollection(name, shards, shards * replicas);
    cluster.waitForActiveCollection(name + "-records", 1, replicas);
  }

  @BeforeAll
  static void startClusterAndSendTheSeeds() throws Exception {
    work = Files.createTempDirectory("quarry-solr-it");
    cluster = new MiniSolrCloudCluster.Builder(2, work.resolve("solr")).configure();
    url = cluster.getJettySolrRunner(0).getBaseUrl() + "/passages";
    create(url, "passages", 2, 2);
    Run sent = ok("index", "--index", work.resolve("index").toString(), "--solr", url);
    allSources = sentSources(sent);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    try {
      if (cluster != null) {
        cluster.shutdown();
      }
    } finally {
      QuarryProcess.delete(work);
    }
  }

  private static JsonNode searchAt(String collectionUrl, String query) throws Exception {
    return JSON.readTree(
        ok(
                "search",
                query,
                "--index",
                work.resolve("index").toString(),
                "--limit",
                "300",
                "--format",
                "json",
                "--solr",
                collectionUrl)
            .out());
  }

  // the M of "sent N passages of M sources" in a run's output
  private static int sentSources(Run r) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("sent \\d+ passages of (\\d+) sources").matcher(r.out());
    assertTrue(m.find(), r.out());
    return Integer.parseInt(m.group(1));
  }

  private static List<String> ids(JsonNode result) {
    List<String> ids = new ArrayList<>();
    result.path("hits").forEach(h -> ids.add(h.path("id").asText()));
    return ids;
  }

  @Test
  void twoWorkersSendingHalvesMakeTheSameCollectionAsOneAndARerunReplacesOnlyItsShare()
      throws Exception {
    String halves = url.replace("/passages", "/halves");
    create(halves, "halves", 2, 1);
    String index = work.resolve("index").toString();
    Run first = ok("index", "--index", index, "--solr", halves, "--worker", "1/2");
    Run second = ok("index", "--index", index, "--solr", halves, "--worker", "2/2");
    assertTrue(first.out().contains("(worker 1/2)"), first.out());
    int sourcesOne = sentSources(first);
    int sourcesTwo = sentSources(second);
    assertTrue(sourcesOne > 0 && sourcesTwo > 0, "both workers have a share");
    assertEquals(allSources, sourcesOne + sourcesTwo);
    for (String q : List.of("*:*", "voice AND ICS", "practice NOT general")) {
      JsonNode one = searchAt(url, q);
      JsonNode two = searchAt(halves, q);
      assertEquals(one.path("total"), two.path("total"), q);
      assertEquals(ids(one), ids(two), q);
    }
    // worker 1 again: its sources replaced, nothing doubled, worker 2's share untouched
    ok("index", "--index", index, "--solr", halves, "--worker", "1/2");
    assertEquals(searchAt(url, "*:*").path("total"), searchAt(halves, "*:*").path("total"));
    assertTrue(second.out().contains("sent "), second.out());
  }

  private static JsonNode search(String query, boolean solr, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "search",
                query,
                "--index",
                work.resolve("index").toString(),
                "--limit",
                "30",
                "--format",
                "json"));
    args.addAll(List.of(more));
    if (solr) {
      args.add("--solr");
      args.add(url);
    }
    return JSON.readTree(ok(args.toArray(String[]::new)).out());
  }

  private static void sameHits(String query, String... more) throws Exception {
    JsonNode local = search(query, false, more);
    JsonNode remote = search(query, true, more);
    // every value of every facet, counted drill-sideways where a dimension is filtered on
    assertEquals(local.path("facets"), remote.path("facets"), query + ": facets");
    assertTrue(local.path("facets").size() > 0, query + ": facets asked");
    assertEquals(local.path("total").asLong(), remote.path("total").asLong(), query + ": total");
    assertTrue(local.path("total").asLong() > 0, query + " finds something");
    List<String> localIds = new ArrayList<>();
    List<String> remoteIds = new ArrayList<>();
    local.path("hits").forEach(h -> localIds.add(h.path("id").asText()));
    remote.path("hits").forEach(h -> remoteIds.add(h.path("id").asText()));
    assertEquals(localIds, remoteIds, query + ": hits and their order");
    for (int i = 0; i < localIds.size(); i++) {
      double a = local.path("hits").get(i).path("score").asDouble();
      double b = remote.path("hits").get(i).path("score").asDouble();
      assertEquals(a, b, 1e-3 * Math.max(1, a), query + ": score of " + localIds.get(i));
      assertEquals(
          local.path("hits").get(i).path("text"),
          remote.path("hits").get(i).path("text"),
          query + ": text of " + localIds.get(i));
      assertEquals(
          local.path("hits").get(i).path("highlight"),
          remote.path("hits").get(i).path("highlight"),
          query + ": highlight of " + localIds.get(i));
      assertEquals(
          local.path("hits").get(i).path("codes"),
          remote.path("hits").get(i).path("codes"),
          query + ": codes of " + localIds.get(i));
    }
  }

  @Test
  void aWordFindsTheSamePassagesInTheSameOrder() throws Exception {
    sameHits("voice");
  }

  @Test
  void aBooleanQueryWithAGlossarySynonymFindsTheSame() throws Exception {
    sameHits("voice AND ICS");
  }

  @Test
  void aPhraseFindsTheSame() throws Exception {
    sameHits("\"primary care\"");
  }

  @Test
  void aProximityQueryFindsTheSame() throws Exception {
    sameHits("\"clinical directors\"~3");
  }

  @Test
  void aWildcardFindsTheSame() throws Exception {
    sameHits("commission*");
  }

  @Test
  void lemmasMatchAsLocally() throws Exception {
    // "meetings" finds "meeting" and "met" through CoreNLP's lemmas, sent pre-analysed
    sameHits("meetings");
  }

  @Test
  void aFieldQueryFindsTheSame() throws Exception {
    sameHits("kind:quote AND funding");
  }

  @Test
  void filtersNarrowTheHitsAndAFilteredDimensionIsCountedSideways() throws Exception {
    sameHits(
        "care",
        "--filter",
        "kind=quote",
        "--facet",
        "kind",
        "--facet",
        "participant",
        "--facet",
        "speaker",
        "--facet",
        "code");
  }

  @Test
  void readingOrderFindsTheSame() throws Exception {
    sameHits("voice OR network", "--sort", "source");
  }

  // a serve process on the local index, through the collection when solr is given; its address
  private Process serve(String solr) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                HOME.resolve("bin/quarry").toString(),
                "serve",
                "--index",
                work.resolve("index").toString(),
                "--port",
                "0",
                "--quiet"));
    if (solr != null) {
      command.addAll(List.of("--solr", solr));
    }
    return new ProcessBuilder(command)
        .directory(work.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static String address(Process serve) throws Exception {
    var lines =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("serving (http://\\S+/) ").matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new AssertionError("serve printed no address");
  }

  private static String get(String url) throws Exception {
    var connection = (java.net.HttpURLConnection) java.net.URI.create(url).toURL().openConnection();
    assertEquals(200, connection.getResponseCode(), url);
    try (var in = connection.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void stop(Process serve) throws Exception {
    serve.destroy();
    serve.waitFor(30, TimeUnit.SECONDS);
  }

  @Test
  void serveSuggestsForATextFromAFolderWithNoIndexAsSuggestPrints() throws Exception {
    // a machine that only searches, serving a codebook: a text's suggestions need no passages
    Path folder = Files.createDirectories(work.resolve("suggest-only"));
    String codebook = HOME.resolve("seeds/codebook-commissioners.yaml").toString();
    String text = "GPs felt the ICS gave primary care a voice in the system";
    Process serve =
        new ProcessBuilder(
                HOME.resolve("bin/quarry").toString(),
                "serve",
                "--index",
                folder.toString(),
                "--codebook",
                codebook,
                "--port",
                "0",
                "--quiet",
                "--solr",
                url)
            .directory(work.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      String at = address(serve);
      java.util.regex.Matcher token =
          java.util.regex.Pattern.compile("name=\"quarry-token\" content=\"([0-9a-f]+)\"")
              .matcher(get(at));
      assertTrue(token.find(), "the page carries the token");
      var request =
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(at + "api/v1/suggest"))
              .header("X-Quarry-Token", token.group(1))
              .header("Content-Type", "application/json")
              .POST(
                  java.net.http.HttpRequest.BodyPublishers.ofString(
                      JSON.createObjectNode().put("text", text).toString()))
              .build();
      var response =
          java.net.http.HttpClient.newHttpClient()
              .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      String printed =
          ok(
                  "suggest",
                  "--text",
                  text,
                  "--codebook",
                  codebook,
                  "--index",
                  folder.toString(),
                  "--format",
                  "jsonl")
              .out();
      assertEquals(JSON.readTree(printed), JSON.readTree(response.body()));
      assertTrue(response.body().contains("engaging-the-system"), response.body());
    } finally {
      stop(serve);
    }
  }

  @Test
  void serveAnswersFromSolrAsSearchPrints() throws Exception {
    Process serve = serve(url);
    try {
      String body =
          get(address(serve) + "api/v1/search?q=voice%20AND%20ICS&facet=participant&facet=kind");
      String printed =
          ok(
                  "search",
                  "voice AND ICS",
                  "--index",
                  work.resolve("index").toString(),
                  "--facet",
                  "participant",
                  "--facet",
                  "kind",
                  "--format",
                  "json",
                  "--solr",
                  url)
              .out();
      assertEquals(printed, body, "the same bytes");
      assertTrue(JSON.readTree(body).path("total").asLong() > 0);
    } finally {
      stop(serve);
    }
  }

  // the bodies of GET routes from a serve that answers from solr (null: the local index)
  private List<String> answers(String solr, List<String> routes) throws Exception {
    List<String> bodies = new ArrayList<>();
    Process serve = serve(solr);
    try {
      String at = address(serve);
      for (String r : routes) {
        bodies.add(get(at + r));
      }
    } finally {
      stop(serve);
    }
    return bodies;
  }

  @Test
  void serveGivesTheSameMatrixPassagesInContextAndSourcesFromSolrAsFromTheLocalIndex()
      throws Exception {
    JsonNode quotes =
        JSON.readTree(
            ok("search", "kind:quote", "--index", work.resolve("index").toString(), "--format", "json")
                .out());
    String quote = quotes.path("hits").get(0).path("id").asText();
    String source = quotes.path("hits").get(0).path("source").asText();
    String encoded = java.net.URLEncoder.encode(quote, StandardCharsets.UTF_8);
    List<String> routes =
        List.of(
            "api/v1/matrix?rows=participant&cells=count",
            "api/v1/passages/" + encoded,
            "api/v1/sources/" + java.net.URLEncoder.encode(source, StandardCharsets.UTF_8));
    List<String> remote = answers(url, routes);
    List<String> local = answers(null, routes);
    for (int i = 0; i < routes.size(); i++) {
      assertEquals(local.get(i), remote.get(i), routes.get(i) + ": the same bytes");
    }
    // a row per participant; no code columns, as nothing here stored codes (the codes' cells are
    // compared by theFrameworkMatrixIsTheSameFromSolr, through the same SolrIndex.matrix)
    assertTrue(JSON.readTree(local.get(0)).path("rows").size() > 0, local.get(0));
    // the quote comes with the narrative that introduces it, and with its neighbours
    JsonNode inContext = JSON.readTree(local.get(1));
    assertTrue(inContext.path("context").isObject(), local.get(1));
    assertTrue(inContext.path("neighbours").path("before").isObject(), local.get(1));
    assertTrue(JSON.readTree(local.get(2)).toString().contains(quote), "the source lists it");
  }

  // a copy of the seeds' index, for tests that change codes
  private static Path copyOfTheIndex(String name) throws Exception {
    Path copy = Files.createDirectories(work.resolve(name + "-index"));
    try (var files = Files.list(work.resolve("index"))) {
      for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
        if (Files.isRegularFile(f)) {
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
    }
    return copy;
  }

  // a copy of the seeds' index sent to a collection of its own, for tests that change codes
  private static String copyOfTheSeeds(String name) throws Exception {
    Path copy = copyOfTheIndex(name);
    String at = url.replace("/passages", "/" + name);
    create(at, name, 2, 2);
    ok("index", "--index", copy.toString(), "--solr", at);
    return at;
  }

  // the same search on a local index and on a collection filled from it: totals, facets (codes
  // among them), hits in order with their scores, text, highlight and codes
  private static void sameOn(String index, String at, String query) throws Exception {
    List<String> args =
        List.of("search", query, "--index", index, "--limit", "300", "--format", "json");
    JsonNode local = JSON.readTree(ok(args.toArray(String[]::new)).out());
    List<String> withSolr = new ArrayList<>(args);
    withSolr.addAll(List.of("--solr", at));
    JsonNode remote = JSON.readTree(ok(withSolr.toArray(String[]::new)).out());
    assertEquals(local.path("total"), remote.path("total"), query + ": total");
    assertEquals(local.path("facets"), remote.path("facets"), query + ": facets");
    assertEquals(ids(local), ids(remote), query + ": hits");
    for (int i = 0; i < local.path("hits").size(); i++) {
      // the same scores: the updates' old copies were merged away, so BM25 counts as locally
      double a = local.path("hits").get(i).path("score").asDouble();
      double b = remote.path("hits").get(i).path("score").asDouble();
      assertEquals(a, b, 1e-3 * Math.max(1, a), query + ": score of hit " + i);
      for (String field : List.of("text", "highlight", "codes")) {
        assertEquals(
            local.path("hits").get(i).path(field),
            remote.path("hits").get(i).path(field),
            query + ": " + field + " of " + local.path("hits").get(i).path("id").asText());
      }
    }
  }

  // the suggestions of a run printed as JSON lines: passage id to its suggestions
  private static java.util.Map<String, JsonNode> suggestions(String out) throws Exception {
    java.util.Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        JsonNode n = JSON.readTree(line);
        byId.put(n.path("id").asText(), n.path("suggestions"));
      }
    }
    return byId;
  }

  // one suggestion run on the local index and the same scored by the collection, stored nowhere:
  // the same passages, codes in order, scores and evidence
  private static int sameSuggestions(String codebook, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "suggest",
                "--codebook",
                codebook,
                "--index",
                work.resolve("index").toString(),
                "--no-store",
                "--method",
                "lexicon",
                "--format",
                "jsonl"));
    args.addAll(List.of(more));
    java.util.Map<String, JsonNode> local = suggestions(ok(args.toArray(String[]::new)).out());
    args.addAll(List.of("--solr", url));
    Run solr = ok(args.toArray(String[]::new));
    java.util.Map<String, JsonNode> remote = suggestions(solr.out());
    assertEquals(List.copyOf(local.keySet()), List.copyOf(remote.keySet()), codebook + ": passages");
    for (var e : local.entrySet()) {
      JsonNode a = e.getValue();
      JsonNode b = remote.get(e.getKey());
      assertEquals(a.size(), b.size(), e.getKey() + ": " + a + " / " + b);
      for (int i = 0; i < a.size(); i++) {
        String what = e.getKey() + " " + a.get(i).path("code").asText();
        assertEquals(a.get(i).path("code"), b.get(i).path("code"), what);
        assertEquals(
            a.get(i).path("score").asDouble(), b.get(i).path("score").asDouble(), 1e-4, what);
        assertEquals(a.get(i).path("evidence"), b.get(i).path("evidence"), what);
      }
    }
    return local.size();
  }

  @Test
  void suggestionsScoredByTheCollectionAreTheLocalIndexsSuggestions() throws Exception {
    for (String book : List.of("codebook-commissioners.yaml", "codebook-policy-stakeholders.yaml")) {
      assertTrue(sameSuggestions(HOME.resolve("seeds/" + book).toString()) > 20, book);
    }
    // a wildcard word, phrases with wildcard words (as an entry and an exclude), a raw query with
    // a wildcard, glossary synonyms; then a narrower selection without contexts
    Path shapes = work.resolve("shapes.yaml");
    Files.writeString(
        shapes,
        String.join(
            "\n",
            "codebook: shapes",
            "glossary: " + HOME.resolve("seeds/nhs-glossary.txt"),
            "codes:",
            "  - id: phrases",
            "    name: phrases",
            "    terms: ['\"primary car*\"', '\"care system*\"', ICS]",
            "  - id: excluding",
            "    name: excluding",
            "    terms: [commission*, voice]",
            "    exclude: ['\"general practice\"']",
            "  - id: excluding-phrase",
            "    name: excluding phrase",
            "    terms: [integrat*, PCN]",
            "    exclude: ['\"clinical direct*\"']",
            "  - id: raw",
            "    name: raw",
            "    query: 'represent* OR \"one voice\"'",
            ""));
    assertTrue(sameSuggestions(shapes.toString(), "--top", "4", "--min-score", "0") > 20);
    sameSuggestions(
        shapes.toString(), "--kind", "quote", "--context-weight", "0", "--min-score", "0.2");
  }

  @Test
  void aCodeQueryOnAFieldSolrDoesNotScoreForCodesIsRefusedInOneLine() throws Exception {
    Path book = work.resolve("words-field.yaml");
    Files.writeString(
        book,
        "codebook: words\ncodes:\n  - id: w\n    name: w\n    query: 'text:voice'\n");
    Run r =
        quarry(
            "suggest",
            "--codebook",
            book.toString(),
            "--index",
            work.resolve("index").toString(),
            "--no-store",
            "--solr",
            url);
    assertTrue(r.exit() != 0, r.err());
    assertTrue(r.err().contains("field text cannot be scored in Solr"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void storedSuggestionsAndDecisionsReachTheCollectionAndItsPassagesKeepTheirWords()
      throws Exception {
    String at = copyOfTheSeeds("coded");
    String index = work.resolve("coded-index").toString();
    String codebook = HOME.resolve("seeds/codebook-commissioners.yaml").toString();
    Run suggested = ok("suggest", "--codebook", codebook, "--index", index, "--solr", at);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("stored codes set on (\\d+) passages")
            .matcher(suggested.err());
    assertTrue(m.find(), suggested.err());
    int updated = Integer.parseInt(m.group(1));
    assertTrue(updated > 10, suggested.err());
    // the codes are counted and searched the same, and the updated passages are still found by
    // their words and lemmas, with the same highlights: the atomic updates kept their tokens
    JsonNode coded = JSON.readTree(ok("search", "*:*", "--index", index, "--format", "json").out());
    assertTrue(coded.path("facets").path("code").size() >= 2, coded.path("facets").toString());
    for (String q : List.of("*:*", "voice AND ICS", "commissioners", "\"primary care\"", "represent*")) {
      sameOn(index, at, q);
    }
    JsonNode firstCode = coded.path("facets").path("code").get(0);
    String code = firstCode.path("value").asText();
    sameOn(index, at, "code:" + code);
    // a decision: the accepted code becomes human on the passage, in the index and the collection
    JsonNode voice = JSON.readTree(ok("search", "voice AND ICS", "--index", index, "--format", "json").out());
    String passage = voice.path("hits").get(0).path("id").asText();
    Run accepted = ok("accept", passage, "engaging-the-system", "--index", index, "--solr", at);
    assertTrue(accepted.out().startsWith("accepted engaging-the-system for "), accepted.out());
    sameOn(index, at, "code:engaging-the-system");
    sameOn(index, at, "voice AND ICS");
    ok("reject", passage, "engaging-the-system", "--index", index, "--solr", at);
    sameOn(index, at, "code:engaging-the-system");
    sameOn(index, at, "voice AND ICS");
  }

  @Test
  void exportsOfTheCollectionAreTheSameFilesAsExportsOfTheIndex() throws Exception {
    String at = copyOfTheSeeds("exported");
    String index = work.resolve("exported-index").toString();
    String codebook = HOME.resolve("seeds/codebook-commissioners.yaml").toString();
    ok("suggest", "--codebook", codebook, "--index", index, "--solr", at);
    JsonNode voice =
        JSON.readTree(ok("search", "voice AND ICS", "--index", index, "--format", "json").out());
    String passage = voice.path("hits").get(0).path("id").asText();
    ok("accept", passage, "engaging-the-system", "--index", index, "--solr", at);
    for (String format : List.of("jsonl", "csv", "qdc", "qdpx")) {
      Path local = work.resolve("exported-local." + format);
      Path remote = work.resolve("exported-solr." + format);
      ok("export", "--format", format, "--out", local.toString(), "--index", index);
      ok("export", "--format", format, "--out", remote.toString(), "--index", index, "--solr", at);
      assertTrue(Files.size(local) > 400, format + ": " + Files.size(local) + " bytes");
      assertEquals(-1L, Files.mismatch(local, remote), format + ": the same bytes");
    }
    String jsonl = Files.readString(work.resolve("exported-solr.jsonl"));
    assertTrue(jsonl.contains("\"human\""), "the accepted code is a human coding");
    assertTrue(jsonl.contains("\"suggested\""), "the stored suggestions are codings");
  }

  // the files of the seeds' index (and its kept code tree and glossary) in a folder of its own
  private static Path copyOfTheIndexIn(Path dir) throws Exception {
    Path copy = Files.createDirectories(dir);
    try (var files = Files.list(work.resolve("index"))) {
      for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
        if (Files.isRegularFile(f)) {
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
    }
    return copy;
  }

  @Test
  void aWorkerHoldingOneShareOrNoneExportsEverySourceTextAndHumanCodingOfTheCollection()
      throws Exception {
    String at = url.replace("/passages", "/shared");
    create(at, "shared", 2, 1);
    // the machine that indexed everything decides on a passage, then both shares are sent from it
    Path full = copyOfTheIndexIn(work.resolve("shared-full").resolve("study"));
    JsonNode voice =
        JSON.readTree(
            ok("search", "voice AND ICS", "--index", full.toString(), "--format", "json").out());
    JsonNode decided = voice.path("hits").get(0);
    ok("accept", decided.path("id").asText(), "engaging-the-system", "--index", full.toString());
    Run one = ok("index", "--index", full.toString(), "--solr", at, "--worker", "1/2");
    Run two = ok("index", "--index", full.toString(), "--solr", at, "--worker", "2/2");
    assertTrue(one.out().contains("records (source texts, kept codings, cases) to"), one.out());
    assertTrue(two.out().contains("records (source texts, kept codings, cases) to"), two.out());
    // a decision after the send reaches the collection's records by itself
    ok(
        "accept",
        voice.path("hits").get(1).path("id").asText(),
        "voice-of-the-ics",
        "--index",
        full.toString(),
        "--solr",
        at);
    // a worker whose index lacks the decided passage's source (the same folder name, so the same
    // project name; its code tree comes with the project's files, as the glossary does)
    String source = decided.path("source").asText();
    java.util.Set<String> sources = new java.util.TreeSet<>();
    searchAt(url, "*:*").path("hits").forEach(h -> sources.add(h.path("source").asText()));
    assertTrue(sources.size() > 2 && sources.contains(source), sources.toString());
    Path corpus = work.resolve("shared-corpus");
    for (String s : sources) {
      if (!s.equals(source)) {
        Path to = corpus.resolve(s);
        Files.createDirectories(to.getParent());
        Files.copy(HOME.resolve("seeds").resolve(s), to);
      }
    }
    Path worker = Files.createDirectories(work.resolve("shared-worker").resolve("study"));
    for (String kept : List.of("quarry-codebook.json", "quarry-glossary.txt")) {
      if (Files.exists(full.resolve(kept))) {
        Files.copy(full.resolve(kept), worker.resolve(kept));
      }
    }
    ok("index", corpus.toString(), "--index", worker.toString());
    Path onlySearches = Files.createDirectories(work.resolve("shared-searcher").resolve("study"));
    for (String kept : List.of("quarry-codebook.json", "quarry-glossary.txt")) {
      if (Files.exists(full.resolve(kept))) {
        Files.copy(full.resolve(kept), onlySearches.resolve(kept));
      }
    }
    JsonNode own =
        JSON.readTree(
            ok("search", "*:*", "--index", worker.toString(), "--limit", "300", "--format", "json")
                .out());
    assertTrue(own.path("total").asInt() > 0);
    for (JsonNode h : own.path("hits")) {
      assertTrue(!h.path("source").asText().equals(source), "the worker lacks " + source);
    }
    for (String format : List.of("qdpx", "jsonl")) {
      Path local = work.resolve("shared-local." + format);
      Path remote = work.resolve("shared-worker." + format);
      ok("export", "--format", format, "--out", local.toString(), "--index", full.toString());
      Run r =
          ok(
              "export",
              "--format",
              format,
              "--out",
              remote.toString(),
              "--index",
              worker.toString(),
              "--solr",
              at);
      // ok: exit 0, so nothing was left out (a coding without its source text is exit 1)
      assertTrue(r.err().contains("wrote "), r.err());
      assertEquals(-1L, Files.mismatch(local, remote), format + ": the same bytes");
      // and a machine that only searches: a folder with the project's files and no index
      Path searcher = work.resolve("shared-searcher." + format);
      ok(
          "export",
          "--format",
          format,
          "--out",
          searcher.toString(),
          "--index",
          onlySearches.toString(),
          "--solr",
          at);
      assertEquals(-1L, Files.mismatch(local, searcher), format + ": the same bytes, no index");
    }
    assertTrue(
        Files.readString(work.resolve("shared-worker.jsonl")).contains("\"human\""),
        "the decision is a human coding of the export");
  }

  @Test
  void aCollectionWithoutItsRecordsCollectionIsWarnedAboutAndGetsOneFromCreateCollection()
      throws Exception {
    String at = url.replace("/passages", "/older");
    create(at, "older", 1, 1);
    // as a collection made before records were kept: no records collection
    org.apache.solr.client.solrj.request.CollectionAdminRequest.deleteCollection("older-records")
        .process(cluster.getSolrClient());
    String index = copyOfTheIndex("older").toString();
    Run sent = ok("index", "--index", index, "--solr", at);
    assertTrue(sent.out().contains("sent "), sent.out());
    assertEquals(1, sent.err().strip().lines().count(), sent.err());
    assertTrue(sent.err().contains("has no records collection (older-records)"), sent.err());
    // its exports take the records from the index, as before
    Path local = work.resolve("older-local.qdpx");
    Path remote = work.resolve("older-solr.qdpx");
    ok("export", "--format", "qdpx", "--out", local.toString(), "--index", index);
    ok("export", "--format", "qdpx", "--out", remote.toString(), "--index", index, "--solr", at);
    assertEquals(-1L, Files.mismatch(local, remote), "the same bytes");
    Run made = ok("solr", "create-collection", "--solr", at, "--shards", "1", "--replicas", "1");
    assertTrue(
        made.out().contains("exists: created its records collection older-records"), made.out());
    cluster.waitForActiveCollection("older-records", 1, 1);
    Run again = ok("index", "--index", index, "--solr", at);
    assertTrue(again.out().contains("records (source texts, kept codings, cases) to"), again.out());
    assertTrue(again.err().isBlank(), again.err());
    Run twice =
        quarry("solr", "create-collection", "--solr", at, "--shards", "1", "--replicas", "1");
    assertEquals(1, twice.exit(), "both exist: Solr refuses, " + twice.err());
  }

  @Test
  void aDecisionOnAPassageTheCollectionLacksIsRefusedAndMakesNoDocument() throws Exception {
    String empty = url.replace("/passages", "/unsent");
    create(empty, "unsent", 1, 1);
    String index = copyOfTheIndex("unsent").toString();
    JsonNode voice = JSON.readTree(ok("search", "voice", "--index", index, "--format", "json").out());
    String passage = voice.path("hits").get(0).path("id").asText();
    Run r = quarry("accept", passage, "some-code", "--index", index, "--solr", empty);
    assertEquals(1, r.exit(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("holds no passage '" + passage + "'"), r.err());
    assertTrue(r.err().contains("the decision is kept in index"), r.err());
    JsonNode all =
        JSON.readTree(
            ok("search", "*:*", "--index", index, "--format", "json", "--solr", empty).out());
    assertEquals(0, all.path("total").asInt(), "no document made of codes alone");
  }

  @Test
  void aSourceGoneFromTheIndexIsGoneFromTheCollectionAtTheNextSend() throws Exception {
    String edits = url.replace("/passages", "/edits");
    create(edits, "edits", 2, 1);
    Path docs = Files.createDirectories(work.resolve("edits-docs"));
    List<Path> seeds;
    try (var files = Files.list(HOME.resolve("seeds"))) {
      seeds =
          files
              .filter(f -> f.getFileName().toString().matches("\\d{3}_.*\\.txt"))
              .sorted()
              .limit(2)
              .toList();
    }
    for (Path f : seeds) {
      Files.copy(f, docs.resolve(f.getFileName()));
    }
    String index = work.resolve("edits-index").toString();
    int both = sentPassages(ok("index", docs.toString(), "--index", index, "--solr", edits));
    assertEquals(both, total(edits, index));
    Files.delete(docs.resolve(seeds.get(1).getFileName()));
    int one = sentPassages(ok("index", docs.toString(), "--index", index, "--solr", edits));
    assertTrue(one > 0 && one < both, one + " of " + both);
    assertEquals(one, total(edits, index), "the removed source's passages are gone");
  }

  @Test
  void aWorkerKilledMidRunThenRunAgainLeavesNoDuplicateOrMissingPassage() throws Exception {
    String killed = url.replace("/passages", "/killed");
    create(killed, "killed", 2, 1);
    String index = work.resolve("index").toString();
    for (long wait : new long[] {600, 1200, 1800, 2400}) {
      Process p =
          new ProcessBuilder(
                  HOME.resolve("bin/quarry").toString(),
                  "index",
                  "--index",
                  index,
                  "--solr",
                  killed,
                  "--worker",
                  "1/1")
              .directory(work.toFile())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      Thread.sleep(wait);
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    ok("index", "--index", index, "--solr", killed, "--worker", "1/1");
    for (String q : List.of("*:*", "voice AND ICS")) {
      JsonNode one = searchAt(url, q);
      JsonNode again = searchAt(killed, q);
      assertEquals(one.path("total"), again.path("total"), q);
      assertEquals(ids(one), ids(again), q);
    }
    // and the records: an export of the collection is the index's own
    Path local = work.resolve("killed-local.qdpx");
    Path remote = work.resolve("killed-solr.qdpx");
    ok("export", "--format", "qdpx", "--out", local.toString(), "--index", index);
    ok(
        "export",
        "--format",
        "qdpx",
        "--out",
        remote.toString(),
        "--index",
        index,
        "--solr",
        killed);
    assertEquals(-1L, Files.mismatch(local, remote), "the same bytes");
  }

  private static long total(String collectionUrl, String index) throws Exception {
    return JSON.readTree(
            ok(
                    "search",
                    "*:*",
                    "--index",
                    index,
                    "--include-duplicates",
                    "--format",
                    "json",
                    "--solr",
                    collectionUrl)
                .out())
        .path("total")
        .asLong();
  }

  // the N of "sent N passages of M sources" in a run's output
  private static int sentPassages(Run r) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("sent (\\d+) passages of").matcher(r.out());
    assertTrue(m.find(), r.out());
    return Integer.parseInt(m.group(1));
  }

  @Test
  void theFrameworkMatrixIsTheSameFromSolr() throws Exception {
    String index = work.resolve("index").toString();
    List<List<String>> variants =
        List.of(
            List.of("--format", "md"),
            List.of("--format", "csv", "--cells", "quotes", "--rows", "source"),
            List.of(
                "--format",
                "md",
                "--codebook",
                HOME.resolve("seeds/codebook-commissioners.yaml").toString(),
                "--filter",
                "kind=quote"));
    for (List<String> v : variants) {
      List<String> args = new ArrayList<>(List.of("matrix", "--index", index));
      args.addAll(v);
      Run local = ok(args.toArray(String[]::new));
      args.add("--solr");
      args.add(url);
      Run remote = ok(args.toArray(String[]::new));
      assertTrue(local.out().lines().count() > 2, local.out());
      assertEquals(local.out(), remote.out(), "matrix " + v);
      assertEquals(local.err(), remote.err(), "matrix " + v + ": notes");
    }
  }

  @Test
  void passageAttributesAreSearchedFilteredAndCountedTheSame() throws Exception {
    String attrs = url.replace("/passages", "/attrs");
    create(attrs, "attrs", 2, 1);
    Path resources = HOME.resolve("src/test/resources/participants");
    String index = work.resolve("attrs-index").toString();
    ok(
        "index",
        resources.resolve("transcripts").toString(),
        "--participants",
        resources.resolve("participants.csv").toString(),
        "--index",
        index,
        "--solr",
        attrs);
    List<List<String>> cases =
        List.of(
            List.of("network", "--facet", "role", "--facet", "region", "--facet", "site"),
            List.of(
                "network OR meetings",
                "--facet",
                "role",
                "--facet",
                "region",
                "--filter",
                "region=North West"),
            List.of("role:GP AND network", "--facet", "organisation"));
    for (List<String> c : cases) {
      List<String> args =
          new ArrayList<>(List.of("search", "--index", index, "--format", "json", "--limit", "20"));
      args.addAll(c);
      JsonNode local = JSON.readTree(ok(args.toArray(String[]::new)).out());
      args.add("--solr");
      args.add(attrs);
      JsonNode remote = JSON.readTree(ok(args.toArray(String[]::new)).out());
      assertTrue(local.path("total").asLong() > 0, c + " finds something");
      assertEquals(local.path("total"), remote.path("total"), c + ": total");
      assertEquals(ids(local), ids(remote), c + ": hits");
      assertEquals(local.path("facets"), remote.path("facets"), c + ": facets");
    }
  }

  @Test
  void aMachineThatOnlySearchesOrMakesTheMatrixNeedsNoPassagesOnlyTheGlossary() throws Exception {
    // a search machine's folder: no index, just the glossary the sending machine keeps
    Path searchOnly = Files.createDirectories(work.resolve("search-only"));
    Files.copy(
        work.resolve("index").resolve("quarry-glossary.txt"),
        searchOnly.resolve("quarry-glossary.txt"));
    for (String q : List.of("voice AND ICS", "\"primary care\"", "meetings")) {
      JsonNode local = search(q, false);
      JsonNode remote =
          JSON.readTree(
              ok(
                      "search",
                      q,
                      "--index",
                      searchOnly.toString(),
                      "--limit",
                      "30",
                      "--format",
                      "json",
                      "--solr",
                      url)
                  .out());
      assertEquals(local.path("total"), remote.path("total"), q);
      assertEquals(ids(local), ids(remote), q);
      assertEquals(local.path("facets"), remote.path("facets"), q);
    }
    // the framework matrix too, read whole from the collection
    Run localMatrix = ok("matrix", "--index", work.resolve("index").toString(), "--format", "md");
    Run remoteMatrix =
        ok("matrix", "--index", searchOnly.toString(), "--format", "md", "--solr", url);
    assertTrue(localMatrix.out().lines().count() > 2, localMatrix.out());
    assertEquals(localMatrix.out(), remoteMatrix.out());
    try (var files = Files.list(searchOnly)) {
      assertEquals(1, files.count(), "nothing was indexed there");
    }
  }

  @Test
  void aNegationFindsTheSame() throws Exception {
    sameHits("practice NOT general");
  }
}
