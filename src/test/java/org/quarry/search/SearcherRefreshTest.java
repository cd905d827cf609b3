package org.quarry.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.analysis.Glossary;
import org.quarry.analysis.LemmaAnnotator;
import org.quarry.index.DuplicateFinder;
import org.quarry.index.Indexer;
import org.quarry.index.TestCorpus;
import org.quarry.model.SearchRequest;

/** An open searcher sees every commit made to its folder on its next search, and only then. */
class SearcherRefreshTest {
  @TempDir Path dir;

  private void index(String id, String text) throws IOException {
    try (Indexer indexer = Indexer.open(dir, LemmaAnnotator.untagged(), DuplicateFinder.none())) {
      indexer.update(Stream.of(TestCorpus.paragraphs(id, text)));
    }
  }

  private static long total(PassageSearcher searcher, String query) throws IOException {
    return searcher.search(SearchRequest.builder(query).facets(List.of("source")).build()).total();
  }

  @Test
  void aCommitAfterOpeningIsSeenByTheNextSearch() throws IOException {
    index("a.txt", "The nurse rang twice.\n\nNobody answered the phone.");
    try (PassageSearcher searcher = PassageSearcher.open(dir, Glossary.empty())) {
      assertEquals(1, total(searcher, "nurse"));
      assertEquals(1, total(searcher, "nurse"), "no commit, the same answer");
      index("b.txt", "A second nurse came.");
      assertEquals(2, total(searcher, "nurse"));
    }
  }
}
