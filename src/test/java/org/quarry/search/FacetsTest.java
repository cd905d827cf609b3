package org.quarry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.analysis.Glossary;
import org.quarry.analysis.LemmaAnnotator;
import org.quarry.index.DuplicateFinder;
import org.quarry.index.Indexer;
import org.quarry.index.SourcePassages;
import org.quarry.index.TestCorpus;
import org.quarry.model.CodeScore;
import org.quarry.model.FacetValue;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;

/** Facet counts, drill-down and drill-sideways on a small handmade index. */
class FacetsTest {
  @TempDir static Path dir;
  static PassageSearcher searcher;

  // t1: P1 quote, P2 quote, P1 turn; t2: P2 turn, P3 quote; t3 is a near duplicate of t2
  @BeforeAll
  static void index() throws IOException {
    SourcePassages t1 =
        source(
            "t1.txt",
            "one voice",
            "P1",
            PassageKind.QUOTE,
            "GP",
            "voices heard",
            "P2",
            PassageKind.QUOTE,
            "nurse",
            "a voice",
            "P1",
            PassageKind.TURN,
            "GP");
    SourcePassages t2 =
        source(
            "t2.txt",
            "same voice",
            "P2",
            PassageKind.TURN,
            "nurse",
            "voice again",
            "P3",
            PassageKind.QUOTE,
            "GP");
    SourcePassages t3 = source("t3.txt", "same voice copy", "P2", PassageKind.TURN, "nurse");
    DuplicateFinder t3CopiesT2 =
        new DuplicateFinder() {
          @Override
          public org.quarry.model.TextSignature signature(String text) {
            return new org.quarry.model.TextSignature(
                new int[] {text.startsWith("same voice") ? 1 : text.hashCode()});
          }

          @Override
          public boolean nearDuplicate(
              org.quarry.model.TextSignature a, org.quarry.model.TextSignature b) {
            return a.get(0) == b.get(0);
          }
        };
    try (Indexer indexer = Indexer.open(dir, new LemmaAnnotator(), t3CopiesT2)) {
      indexer.update(Stream.of(t1, t2, t3));
      indexer.setCodes(
          Map.of(
              t1.passages().get(0).id(),
              List.of(new CodeScore("unity", 0.9, CodeScore.SUGGESTED)),
              t2.passages().get(0).id(),
              List.of(
                  new CodeScore("unity", 0.7, CodeScore.SUGGESTED),
                  new CodeScore("repeat", 0.6, CodeScore.SUGGESTED))));
    }
    searcher = PassageSearcher.open(dir, Glossary.empty());
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  @Test
  void countsFacetsMostFrequentFirstTiesByValue() throws IOException {
    SearchResult r = searcher.search(request(Map.of(), false));
    assertEquals(5, r.total());
    assertEquals(
        Map.of(
            "participant", List.of(fv("P1", 2), fv("P2", 2), fv("P3", 1)),
            "kind", List.of(fv("quote", 3), fv("turn", 2)),
            "code", List.of(fv("unity", 2), fv("repeat", 1)),
            "role", List.of(fv("GP", 3), fv("nurse", 2))),
        r.facets());
  }

  @Test
  void filteredDimensionCountsStayDrillSideways() throws IOException {
    SearchResult r = searcher.search(request(Map.of("participant", List.of("P1")), false));
    assertEquals(2, r.total());
    assertEquals(List.of(fv("P1", 2), fv("P2", 2), fv("P3", 1)), r.facets().get("participant"));
    assertEquals(List.of(fv("quote", 1), fv("turn", 1)), r.facets().get("kind"));
  }

  @Test
  void valuesOfOneDimensionAreOredAndDimensionsAnded() throws IOException {
    SearchResult r =
        searcher.search(
            request(Map.of("participant", List.of("P1", "P3"), "kind", List.of("quote")), false));
    assertEquals(2, r.total());
    assertEquals(List.of(fv("P1", 1), fv("P2", 1), fv("P3", 1)), r.facets().get("participant"));
    assertEquals(List.of(fv("quote", 2), fv("turn", 1)), r.facets().get("kind"));
  }

  @Test
  void duplicatesAreLeftOutUnlessIncluded() throws IOException {
    assertEquals(5, searcher.search(request(Map.of(), false)).total());
    SearchResult with = searcher.search(request(Map.of(), true));
    assertEquals(6, with.total());
    assertEquals(List.of(fv("P2", 3), fv("P1", 2), fv("P3", 1)), with.facets().get("participant"));
  }

  @Test
  void keywordFieldsAreSearchableWithWildcards() throws IOException {
    assertEquals(3, searcher.search(SearchRequest.of("participant:P1 OR participant:P3")).total());
    assertEquals(5, searcher.search(SearchRequest.of("participant:P*")).total());
    assertEquals(2, searcher.search(SearchRequest.of("code:unity")).total());
    assertEquals(3, searcher.search(SearchRequest.of("role:GP")).total());
  }

  @Test
  void tiesAreBrokenById() throws IOException {
    SearchResult r = searcher.search(SearchRequest.builder("kind:quote").build());
    List<String> ids = PassageSearcherTest.ids(r);
    assertEquals(ids.stream().sorted().toList(), ids);
  }

  @Test
  void unknownFilterDimensionIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> searcher.search(request(Map.of("colour", List.of("red")), false)));
    assertTrue(
        e.getMessage().startsWith("unknown filter dimension 'colour'; known: code, kind,"),
        e.getMessage());
    assertTrue(e.getMessage().contains("role"));
  }

  private static SearchRequest request(Map<String, List<String>> filters, boolean duplicates) {
    return SearchRequest.builder("voice")
        .facets(List.of("participant", "kind", "code", "role"))
        .filters(filters)
        .includeDuplicates(duplicates)
        .build();
  }

  private static FacetValue fv(String value, int count) {
    return new FacetValue(value, count);
  }

  // passages from (text, participant, kind, role) quadruples, laid out one per line
  private static SourcePassages source(String id, Object... quads) {
    StringBuilder text = new StringBuilder();
    List<Passage> passages = new java.util.ArrayList<>();
    for (int i = 0; i < quads.length; i += 4) {
      String t = (String) quads[i];
      int start = text.length();
      text.append(t).append('\n');
      passages.add(
          Passage.of(
                  id,
                  (PassageKind) quads[i + 2],
                  (String) quads[i + 1],
                  null,
                  start,
                  start + t.length(),
                  t)
              .withAttributes(Map.of("role", (String) quads[i + 3])));
    }
    return new SourcePassages(TestCorpus.source(id, text.toString()), passages);
  }
}
