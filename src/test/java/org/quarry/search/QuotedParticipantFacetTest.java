package org.quarry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.quarry.model.FacetValue;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.SearchRequest;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/**
 * A paper's narrative that frames a participant's quote counts for that participant in the
 * participant facet and its drill-down, while a {@code participant:} query finds only the quote.
 */
class QuotedParticipantFacetTest {
  @TempDir static Path dir;
  static PassageSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    String text =
        "The system wants one voice, said one lead. We need a voice at the system table. Voices elsewhere.";
    Source source =
        new Source(
            "p.txt", "p.txt", SourceKind.PAPER, text, OffsetMap.identity(text), "h", Map.of());
    Passage framing =
        Passage.of("p.txt", PassageKind.NARRATIVE, null, null, 0, 42, text.substring(0, 42))
            .withQuoted(List.of("P9"));
    Passage quote =
        Passage.of("p.txt", PassageKind.QUOTE, "P9", null, 43, 79, text.substring(43, 79));
    Passage other =
        Passage.of(
            "p.txt", PassageKind.NARRATIVE, null, null, 80, text.length(), text.substring(80));
    try (Indexer indexer = Indexer.open(dir, LemmaAnnotator.untagged(), DuplicateFinder.none())) {
      indexer.update(Stream.of(new SourcePassages(source, List.of(framing, quote, other))));
    }
    searcher = PassageSearcher.open(dir, Glossary.empty());
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  @Test
  void theFramingNarrativeCountsForTheQuotedParticipant() throws IOException {
    var r = searcher.search(SearchRequest.builder("voice").facets(List.of("participant")).build());
    assertEquals(3, r.total());
    assertEquals(List.of(new FacetValue("P9", 2)), r.facets().get("participant"));
  }

  @Test
  void aParticipantQueryFindsOnlyTheirOwnWords() throws IOException {
    var r = searcher.search(SearchRequest.builder("participant:P9").build());
    assertEquals(List.of("p.txt#43-79"), r.hits().stream().map(h -> h.passage().id()).toList());
  }

  @Test
  void drillingDownOnTheParticipantKeepsTheFramingNarrative() throws IOException {
    var r =
        searcher.search(
            SearchRequest.builder("voice").filters(Map.of("participant", List.of("P9"))).build());
    assertEquals(
        List.of("p.txt#0-42", "p.txt#43-79"),
        r.hits().stream().map(h -> h.passage().id()).sorted().toList());
  }

  @Test
  void theQuotedParticipantsAreStoredWithThePassage() throws IOException {
    assertEquals(List.of("P9"), searcher.get("p.txt#0-42").orElseThrow().passage().quoted());
  }
}
