package org.quarry.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.analysis.AnalysisStamp;
import org.quarry.analysis.LemmaAnnotator;
import org.quarry.analysis.TextAnnotator;
import org.quarry.model.CodeScore;

/** The analysis stamp in an index's commit user data, and re-indexing under another analysis. */
class IndexStampTest {
  @TempDir Path dir;

  private static final SourcePassages A =
      TestCorpus.paragraphs("a.txt", "Voices rise.\n\nVoices fall.");
  private static final SourcePassages B =
      TestCorpus.paragraphs("b.txt", "Systems join.\n\nSystems part.");

  // lemmas as written (lower case): "voices" stays "voices", unlike CoreNLP's "voice"
  private final IndexerTest.CountingAnnotator asWritten = new IndexerTest.CountingAnnotator();
  private final TextAnnotator untagged = LemmaAnnotator.untagged();

  @Test
  void anIndexRunStampsItsCommitWithTheAnnotatorsAnalysis() throws IOException {
    index(untagged, A);
    IndexStamp stamp = stamp().orElseThrow();
    assertEquals(AnalysisStamp.of(AnalysisStamp.UNTAGGED), stamp.analysis());
    assertEquals(AnalysisStamp.CHAIN_VERSION, stamp.analysis().chain());
    assertEquals(IndexStamp.FORMAT, stamp.format());
  }

  @Test
  void theTaggedAndUntaggedAnnotatorsAreDifferentAnalyses() {
    assertEquals(AnalysisStamp.TAGGED, new LemmaAnnotator().stamp().annotator());
    assertEquals(AnalysisStamp.UNTAGGED, LemmaAnnotator.untagged().stamp().annotator());
    assertFalse(new LemmaAnnotator().stamp().equals(LemmaAnnotator.untagged().stamp()));
  }

  @Test
  void updatingWithAnotherAnalysisIsRefusedAndWritesNothing() throws IOException {
    index(untagged, A);
    try (Indexer indexer = Indexer.open(dir, asWritten, DuplicateFinder.none())) {
      StampMismatchException e =
          assertThrows(StampMismatchException.class, () -> indexer.update(Stream.of(B)));
      assertFalse(e.newerFormat());
      assertTrue(e.getMessage().contains(untagged.stamp().describe()), e.getMessage());
      assertTrue(e.getMessage().contains(asWritten.stamp().describe()), e.getMessage());
    }
    assertEquals(0, asWritten.calls.get());
    assertEquals(List.of("a.txt"), sources());
    assertEquals(untagged.stamp(), stamp().orElseThrow().analysis());
  }

  @Test
  void reindexAnnotatesTheGivenAndTheOtherSourcesAgainAndRestamps() throws IOException {
    index(untagged, A, B);
    assertEquals("voice", firstLemma("a.txt#0-12"));
    IndexUpdate u;
    try (Indexer indexer = Indexer.open(dir, asWritten, DuplicateFinder.none())) {
      // a.txt is given (unchanged, still rewritten); b.txt is only in the index
      u = indexer.reindex(Stream.of(A), SourceListener.NONE);
    }
    assertEquals(1, u.replaced());
    assertEquals(
        4, asWritten.calls.get(), "two passages read again, two re-annotated from the index");
    assertEquals("voices", firstLemma("a.txt#0-12"));
    assertEquals("systems", firstLemma("b.txt#0-13"));
    assertEquals(asWritten.stamp(), stamp().orElseThrow().analysis());
    // the index is now the new analysis's: its updates go through, the old one's are refused
    try (Indexer indexer = Indexer.open(dir, asWritten, DuplicateFinder.none())) {
      assertEquals(2, indexer.update(Stream.of(A, B)).unchanged());
    }
    try (Indexer indexer = Indexer.open(dir, untagged, DuplicateFinder.none())) {
      assertThrows(StampMismatchException.class, () -> indexer.update(Stream.of(A)));
    }
  }

  @Test
  void anIndexWithoutAStampIsTakenAsCurrentAndStampedByTheNextRun() throws IOException {
    index(untagged, A);
    setUserData(Map.of());
    assertEquals(Optional.empty(), stamp());
    IndexUpdate u = index(untagged, A);
    assertEquals(1, u.unchanged());
    assertEquals(untagged.stamp(), stamp().orElseThrow().analysis());
  }

  @Test
  void anEmptyIndexTakesTheAnalysisOfItsNextRun() throws IOException {
    index(untagged, A);
    try (Indexer indexer = Indexer.open(dir, asWritten, DuplicateFinder.none())) {
      indexer.removeMissing(java.util.Set.of());
      indexer.update(Stream.of(B));
    }
    assertEquals(asWritten.stamp(), stamp().orElseThrow().analysis());
    assertEquals(List.of("b.txt"), sources());
  }

  @Test
  void anIndexFromANewerQuarryIsRefusedEvenForAReindex() throws IOException {
    index(untagged, A);
    Map<String, String> newer = new HashMap<>(stamp().orElseThrow().userData());
    newer.put(IndexStamp.FORMAT_KEY, Integer.toString(IndexStamp.FORMAT + 1));
    newer.put(IndexStamp.VERSION, "9.9.9");
    setUserData(newer);
    try (Indexer indexer = Indexer.open(dir, untagged, DuplicateFinder.none())) {
      StampMismatchException e =
          assertThrows(StampMismatchException.class, () -> indexer.update(Stream.of(B)));
      assertTrue(e.newerFormat());
      assertTrue(e.getMessage().contains("Quarry 9.9.9"), e.getMessage());
      assertThrows(
          StampMismatchException.class, () -> indexer.reindex(Stream.of(B), SourceListener.NONE));
    }
    assertEquals(List.of("a.txt"), sources());
  }

  @Test
  void writersThatDoNotAnnotateKeepTheStamp() throws IOException {
    index(untagged, A);
    TextAnnotator none =
        text -> {
          throw new AssertionError("must not annotate");
        };
    try (Indexer indexer = Indexer.open(dir, none, DuplicateFinder.none())) {
      int updated =
          indexer.setCodes(
              Map.of("a.txt#0-12", List.of(new CodeScore("voice", 1.0, CodeScore.HUMAN))));
      assertEquals(1, updated);
    }
    assertEquals(untagged.stamp(), stamp().orElseThrow().analysis());
  }

  @Test
  void aMalformedStampIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                IndexStamp.fromUserData(
                    Map.of(IndexStamp.FORMAT_KEY, "one", IndexStamp.ANNOTATOR, "x")));
    assertTrue(e.getMessage().contains(IndexStamp.FORMAT_KEY), e.getMessage());
  }

  private IndexUpdate index(TextAnnotator annotator, SourcePassages... sources) throws IOException {
    try (Indexer indexer = Indexer.open(dir, annotator, DuplicateFinder.none())) {
      return indexer.update(Stream.of(sources));
    }
  }

  private Optional<IndexStamp> stamp() throws IOException {
    try (Directory d = FSDirectory.open(dir)) {
      return IndexStamp.read(d);
    }
  }

  // replaces the commit user data, as an older or newer Quarry would have left it
  private void setUserData(Map<String, String> data) throws IOException {
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w =
            new IndexWriter(
                d, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      w.setLiveCommitData(data.entrySet(), true);
      w.commit();
    }
  }

  private List<String> sources() throws IOException {
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
      List<String> ids = new ArrayList<>();
      IndexSearcher s = new IndexSearcher(r);
      for (ScoreDoc sd :
          s.search(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_SOURCE)), 100).scoreDocs) {
        ids.add(r.storedFields().document(sd.doc).get(Fields.SOURCE));
      }
      return ids.stream().sorted().toList();
    }
  }

  // the stored lemma of the first word of a passage
  private String firstLemma(String passage) throws IOException {
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher s = new IndexSearcher(r);
      ScoreDoc first = s.search(new TermQuery(new Term(Fields.ID, passage)), 1).scoreDocs[0];
      Document d = r.storedFields().document(first.doc);
      return PassageDocuments.annotation(d).lemma(0);
    }
  }
}
