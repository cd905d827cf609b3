package org.quarry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.analysis.Glossary;
import org.quarry.analysis.LemmaAnnotator;
import org.quarry.index.DuplicateFinder;
import org.quarry.index.IndexUpdate;
import org.quarry.index.Indexer;
import org.quarry.index.TestCorpus;
import org.quarry.model.Hit;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;

/** Searches over the seed files split into paragraphs, indexed once with CoreNLP lemmas. */
class PassageSearcherTest {
  @TempDir static Path dir;
  static PassageSearcher searcher;
  static IndexUpdate indexed;

  @BeforeAll
  static void index() throws IOException {
    try (Indexer indexer = Indexer.open(dir, new LemmaAnnotator(), DuplicateFinder.none())) {
      indexed = indexer.update(TestCorpus.seeds().stream());
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "indexed %d passages of %d seed files in %d ms; annotator %d ms, CoreNLP tagger %d ms"
            + " (%.0f%% of indexing)%n",
        indexed.passages(),
        indexed.added(),
        indexed.totalNanos() / 1_000_000,
        indexed.annotateNanos() / 1_000_000,
        indexed.taggerNanos() / 1_000_000,
        100 * indexed.coreNlpShare());
    searcher = PassageSearcher.open(dir, Glossary.load(Path.of("seeds/nhs-glossary.txt")));
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  @Test
  void voiceAndIcsFindsThePassageThatSaysIntegratedCareSystems() throws IOException {
    SearchResult r = searcher.search(page("voice AND ICS", 50));
    Hit hit =
        r.hits().stream()
            .filter(h -> h.passage().text().contains("voice of local primary care"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("not found in " + ids(r)));
    assertTrue(hit.passage().source().startsWith("002_"));
    assertFalse(hit.passage().text().contains("ICS"), "the passage itself never says ICS");
    assertTrue(
        hit.highlight().contains("<mark>integrated care systems</mark>")
            || hit.highlight().contains("<mark>integrated</mark>"),
        hit.highlight());
    assertTrue(hit.highlight().contains("<mark>voice</mark>"), hit.highlight());
  }

  @Test
  void everyHitIsHighlightedInItsOwnText() throws IOException {
    // a page of hits ranked out of index order: each highlight must come from its own passage
    SearchResult r = searcher.search(page("care OR system", 40));
    assertTrue(r.hits().size() >= 20, "a full page");
    for (Hit hit : r.hits()) {
      String text = MarkFormatter.escape(hit.passage().text());
      java.util.regex.Matcher marked =
          java.util.regex.Pattern.compile("<mark>(.*?)</mark>").matcher(hit.highlight());
      assertTrue(hit.highlight().contains("<mark>"), hit.highlight());
      while (marked.find()) {
        assertTrue(text.contains(marked.group(1)), marked.group(1) + " not in " + text);
      }
      String plain = hit.highlight().replace("<mark>", "").replace("</mark>", "");
      String start = plain.substring(0, Math.min(40, plain.length())).replace("\u2026", "").strip();
      assertTrue(text.contains(start), start + " not in " + text);
    }
  }

  @Test
  void rankedHitsCarryTheirScoresBestFirst() throws IOException {
    SearchResult r = searcher.search(page("care OR system", 40));
    double previous = Double.MAX_VALUE;
    for (Hit hit : r.hits()) {
      assertTrue(hit.score() > 0 && hit.score() <= previous, hit.score() + " after " + previous);
      previous = hit.score();
    }
    assertEquals(r.hits().get(0).score(), r.maxScore(), 1e-6);
  }

  @Test
  void inflectionsFindTheSamePassages() throws IOException {
    Set<String> voice = new HashSet<>(ids(searcher.search(page("voice", 500))));
    assertFalse(voice.isEmpty());
    assertEquals(voice, new HashSet<>(ids(searcher.search(page("voices", 500)))));
  }

  @Test
  void acronymAndItsExpansionShareHits() throws IOException {
    Set<String> acronym = new HashSet<>(ids(searcher.search(page("ICS", 500))));
    Set<String> phrase =
        new HashSet<>(ids(searcher.search(page("\"integrated care system\"", 500))));
    assertFalse(acronym.isEmpty());
    assertEquals(acronym, phrase);
  }

  @Test
  void totalCountsAllMatchesAndPagesFollowTheRanking() throws IOException {
    SearchResult all = searcher.search(page("practice", 500));
    SearchResult second =
        searcher.search(SearchRequest.builder("practice").limit(3).offset(3).build());
    assertEquals(all.total(), second.total());
    assertEquals(all.hits().size(), all.total());
    assertEquals(ids(all).subList(3, 6), ids(second));
  }

  @Test
  void rankingIsByScoreThenId() throws IOException {
    List<Hit> hits = searcher.search(page("care", 500)).hits();
    for (int i = 1; i < hits.size(); i++) {
      Hit a = hits.get(i - 1);
      Hit b = hits.get(i);
      assertTrue(
          a.score() > b.score()
              || (a.score() == b.score() && a.passage().id().compareTo(b.passage().id()) < 0));
    }
  }

  @Test
  void searchesOnSeveralThreadsAtOnceGiveWhatEachGivesAlone() throws Exception {
    // a search finds its page on one thread while it counts on another; searches that overlap
    // share those threads
    List<SearchRequest> requests =
        List.of(
            SearchRequest.builder("care OR system").facets("source", "kind").limit(15).build(),
            SearchRequest.builder("\"integrated care\"").facets("source").build(),
            SearchRequest.builder("commissioner*").facets("kind").offset(4).limit(6).build(),
            SearchRequest.builder("practice")
                .facets("source", "kind")
                .filter("kind", "quote")
                .build(),
            SearchRequest.builder("voice AND ICS")
                .order(org.quarry.model.SearchOrder.SOURCE)
                .build(),
            SearchRequest.builder("").facets("kind").limit(3).build());
    List<SearchResult> alone = new java.util.ArrayList<>();
    for (SearchRequest r : requests) {
      alone.add(searcher.search(r));
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<SearchResult>> running = new java.util.ArrayList<>();
      for (int round = 0; round < 10; round++) {
        for (SearchRequest r : requests) {
          running.add(pool.submit(() -> searcher.search(r)));
        }
      }
      for (int i = 0; i < running.size(); i++) {
        assertEquals(alone.get(i % requests.size()), running.get(i).get(), "search " + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aQueryTooBroadToRunIsOneLineAndTheSearcherGoesOn() throws IOException {
    // 600 words parse (one clause each), but each searches lemmas and words: 1,200 clauses run
    String words =
        java.util.stream.IntStream.range(0, 600)
            .mapToObj(i -> "word" + i)
            .collect(Collectors.joining(" OR "));
    QuerySyntaxException e =
        assertThrows(QuerySyntaxException.class, () -> searcher.search(page(words, 10)));
    assertTrue(e.getMessage().contains("clauses"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
    assertTrue(searcher.search(page("voice AND ICS", 10)).total() > 0);
  }

  @Test
  void syntaxErrorIsOneLineWithPosition() {
    QuerySyntaxException e =
        assertThrows(
            QuerySyntaxException.class, () -> searcher.search(SearchRequest.of("voice AND")));
    assertEquals(
        "query syntax error at position 9: 'voice AND' needs a term after AND", e.getMessage());
    assertEquals(9, e.position());
  }

  @Test
  void unclosedQuoteAndLeadingWildcardAreExplained() {
    QuerySyntaxException quote =
        assertThrows(
            QuerySyntaxException.class, () -> searcher.search(SearchRequest.of("\"one voice")));
    assertTrue(quote.getMessage().contains("quote is not closed"), quote.getMessage());
    QuerySyntaxException wild =
        assertThrows(
            QuerySyntaxException.class, () -> searcher.search(SearchRequest.of("care AND *work")));
    assertEquals(10, wild.position(), wild.getMessage());
    assertEquals(1, wild.getMessage().lines().count());
  }

  @Test
  void fieldQueriesWildcardsAndPhrasesParse() throws IOException {
    assertTrue(
        searcher.search(page("source:002_089efb293f434282.txt AND commissioners", 5)).total() > 0);
    assertTrue(searcher.search(page("source:002* AND system*", 5)).total() > 0);
    assertTrue(searcher.search(page("\"one voice\"~2", 5)).total() > 0);
  }

  @Test
  void getFetchesAPassageById() throws IOException {
    Hit any = searcher.search(page("voice", 1)).hits().get(0);
    assertEquals(any.passage(), searcher.get(any.passage().id()).orElseThrow().passage());
    assertTrue(searcher.get("no-such#0-1").isEmpty());
  }

  @Test
  void allListsEveryPassageInSourceOrder() throws IOException {
    List<Hit> all = searcher.all(false);
    assertEquals(indexed.passages(), all.size());
    assertTrue(all.get(0).passage().source().startsWith("000_"));
  }

  @Test
  void warmSearchLatency() throws IOException {
    String[] queries = {
      "voice AND ICS", "\"integrated care system\"", "commissioner*", "PCN", "practice~"
    };
    for (int i = 0; i < 20; i++) {
      searcher.search(page(queries[i % queries.length], 10));
    }
    long[] nanos = new long[100];
    for (int i = 0; i < nanos.length; i++) {
      long t0 = System.nanoTime();
      searcher.search(page(queries[i % queries.length], 10));
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    System.out.printf(
        java.util.Locale.ROOT,
        "warm search latency: median %.2f ms, p90 %.2f ms%n",
        nanos[50] / 1e6,
        nanos[90] / 1e6);
    assertTrue(nanos[50] < 1_000_000_000L);
  }

  static SearchRequest page(String query, int limit) {
    return SearchRequest.builder(query).limit(limit).build();
  }

  static List<String> ids(SearchResult r) {
    return r.hits().stream().map(h -> h.passage().id()).collect(Collectors.toList());
  }
}
