package org.quarry.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.analysis.LemmaAnnotation;
import org.quarry.analysis.TextAnnotator;
import org.quarry.model.CodeScore;
import org.quarry.model.Source;

class IndexerTest {
  @TempDir Path dir;
  @TempDir Path files;

  /** A model-free annotator that counts its calls: lemma = lower-cased word. */
  static final class CountingAnnotator implements TextAnnotator {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public LemmaAnnotation annotate(String text) {
      calls.incrementAndGet();
      List<int[]> spans = new ArrayList<>();
      var m = java.util.regex.Pattern.compile("\\w+").matcher(text);
      while (m.find()) {
        spans.add(new int[] {m.start(), m.end()});
      }
      int n = spans.size();
      int[] s = new int[n];
      int[] e = new int[n];
      String[] lemmas = new String[n];
      for (int i = 0; i < n; i++) {
        s[i] = spans.get(i)[0];
        e[i] = spans.get(i)[1];
        lemmas[i] = text.substring(s[i], e[i]).toLowerCase(java.util.Locale.ROOT);
      }
      return new LemmaAnnotation(s, e, lemmas, new String[n], n == 0 ? new int[0] : new int[] {0});
    }
  }

  /** Duplicates when the first word of the texts is the same. */
  static final DuplicateFinder FIRST_WORD =
      new DuplicateFinder() {
        @Override
        public org.quarry.model.TextSignature signature(String text) {
          return new org.quarry.model.TextSignature(new int[] {text.split("\\s+")[0].hashCode()});
        }

        @Override
        public boolean nearDuplicate(
            org.quarry.model.TextSignature a, org.quarry.model.TextSignature b) {
          return a.get(0) == b.get(0);
        }
      };

  private final CountingAnnotator annotator = new CountingAnnotator();

  private static final SourcePassages A =
      TestCorpus.paragraphs("a.txt", "Alpha one.\n\nAlpha two.");
  private static final SourcePassages B = TestCorpus.paragraphs("b.txt", "Beta one.\n\nBeta two.");

  @Test
  void reindexingUnchangedSourcesDoesNoAnnotatorWork() throws IOException {
    try (Indexer indexer = Indexer.open(dir, annotator, DuplicateFinder.none())) {
      IndexUpdate first = indexer.update(Stream.of(A, B));
      assertEquals(2, first.added());
      assertEquals(4, first.passages());
      int calls = annotator.calls.get();
      IndexUpdate second = indexer.update(Stream.of(A, B));
      assertEquals(2, second.unchanged());
      assertEquals(0, second.passages());
      assertEquals(calls, annotator.calls.get());
    }
    assertEquals(List.of("a.txt#0-10", "a.txt#12-22", "b.txt#0-9", "b.txt#11-20"), passageIds());
  }

  @Test
  void aSourceFromAnotherFileThatStillExistsIsNotReplaced() throws IOException {
    Path first = Files.writeString(files.resolve("a.txt"), "Alpha one.");
    Path second = Files.writeString(files.resolve("b.txt"), "Beta one.");
    try (Indexer indexer = Indexer.open(dir, annotator, DuplicateFinder.none())) {
      indexer.update(Stream.of(fromFile("p.txt", first, "Alpha one.")));
      SourceConflictException e =
          assertThrows(
              SourceConflictException.class,
              () -> indexer.update(Stream.of(fromFile("p.txt", second, "Beta one."))));
      assertTrue(e.getMessage().contains(first.toString()), e.getMessage());
    }
    assertEquals(List.of("p.txt#0-10"), passageIds());
  }

  private static SourcePassages fromFile(String id, Path file, String text) {
    SourcePassages sp = TestCorpus.paragraphs(id, text);
    Source s = sp.source();
    return new SourcePassages(
        new Source(
            id, file.toString(), s.kind(), s.text(), s.offsets(), s.contentHash(), s.metadata()),
        sp.passages());
  }

  @Test
  void aReplacedSourceLeavesNoDeletedCopyToSkewScores() throws IOException {
    // BM25 counts deleted documents until they are merged away: an index whose text statistics
    // were those of its history would rank the same passages differently
    try (Indexer indexer = Indexer.open(dir, annotator, DuplicateFinder.none())) {
      indexer.update(Stream.of(A, B));
      indexer.update(Stream.of(TestCorpus.paragraphs("a.txt", "Alpha changed entirely.")));
      indexer.setCodes(
          java.util.Map.of(
              "b.txt#0-9", List.of(new org.quarry.model.CodeScore("beta", 0.5, "suggested"))));
    }
    try (var d = org.apache.lucene.store.FSDirectory.open(dir);
        var reader = org.apache.lucene.index.DirectoryReader.open(d)) {
      assertEquals(0, reader.numDeletedDocs());
      assertEquals(3, reader.getDocCount(Fields.TEXT_LEMMA), "documents with passage text");
    }
  }

  @Test
  void changedSourceIsReplaced() throws IOException {
    try (Indexer indexer = Indexer.open(dir, annotator, DuplicateFinder.none())) {
      indexer.update(Stream.of(A, B));
      IndexUpdate u =
          indexer.update(Stream.of(TestCorpus.paragraphs("a.txt", "Alpha changed entirely.")));
      assertEquals(1, u.replaced());
    }
    assertEquals(List.of("a.txt#0-23", "b.txt#0-9", "b.txt#11-20"), passageIds());
  }

  @Test
  void sourcesMissingFromAFullRunAreRemoved() throws IOException {
    try (Indexer indexer = Indexer.open(dir, annotator, DuplicateFinder.none())) {
      indexer.update(Stream.of(A, B));
      assertEquals(1, indexer.removeMissing(Set.of("b.txt")).removed());
    }
    assertEquals(List.of("b.txt#0-9", "b.txt#11-20"), passageIds());
  }

  @Test
  void codesAreReplacedFromStoredFieldsWithoutTheAnnotator() throws IOException {
    try (Indexer indexer = Indexer.open(dir, annotator, DuplicateFinder.none())) {
      indexer.update(Stream.of(A));
      int calls = annotator.calls.get();
      indexer.setCodes(
          Map.of(
              "a.txt#0-10",
              List.of(
                  new CodeScore("x", 0.5, CodeScore.SUGGESTED), new CodeScore("y", 1.0, "human"))));
      assertEquals(calls, annotator.calls.get());
    }
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher s = new IndexSearcher(r);
      assertEquals(1, s.count(new TermQuery(new Term(Fields.CODE, "x"))));
      // the rebuilt document is still searchable on its lemmas
      assertEquals(1, s.count(new TermQuery(new Term(Fields.TEXT_LEMMA, "one"))));
      Document d =
          r.storedFields()
              .document(
                  s.search(new TermQuery(new Term(Fields.ID, "a.txt#0-10")), 1).scoreDocs[0].doc);
      assertEquals(
          List.of("y", "x"), PassageDocuments.codes(d).stream().map(CodeScore::code).toList());
    }
  }

  @Test
  void aSourceRecordKeepsOnlyTheTextBetweenItsPassages() throws IOException {
    SourcePassages long_ =
        TestCorpus.paragraphs(
            "c.txt",
            "Commissioners described the voice of the ICS at length.\n\n"
                + "Clinicians said the board rarely listened to them.\n\nAnd so on.");
    try (Indexer indexer = Indexer.open(dir, annotator, DuplicateFinder.none())) {
      indexer.update(Stream.of(long_));
    }
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher s = new IndexSearcher(r);
      Document record = record(s, "c.txt");
      assertNull(record.get(Fields.SOURCE_TEXT));
      assertEquals("\n\n\n\n", record.get(Fields.SOURCE_TEXT_GAPS));
      assertEquals(long_.source(), SourceTexts.read(record, s));
      assertEquals(Map.of("c.txt", long_.source()), SourceTexts.readAll(s));
    }
  }

  @Test
  void aSourceIsReadBackWholeAfterItsPassagesAreWrittenAgain() throws IOException {
    try (Indexer indexer = Indexer.open(dir, annotator, DuplicateFinder.none())) {
      indexer.update(Stream.of(A));
      indexer.setCodes(Map.of("a.txt#0-10", List.of(new CodeScore("x", 0.5, CodeScore.SUGGESTED))));
    }
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher s = new IndexSearcher(r);
      Document record = record(s, "a.txt");
      assertEquals(A.source(), SourceTexts.read(record, s));
    }
  }

  // the stored record document of source `id`
  private static Document record(IndexSearcher s, String id) throws IOException {
    return s.getIndexReader()
        .storedFields()
        .document(s.search(new TermQuery(new Term(Fields.RECORD, id)), 1).scoreDocs[0].doc);
  }

  @Test
  void unknownPassageIdInCodesIsRejected() throws IOException {
    try (Indexer indexer = Indexer.open(dir, annotator, DuplicateFinder.none())) {
      indexer.update(Stream.of(A));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> indexer.setCodes(Map.of("nope#1-2", List.of())));
      assertTrue(e.getMessage().contains("nope#1-2"));
    }
  }

  @Test
  void laterNearDuplicateSourceIsMarkedWithTheEarlierId() throws IOException {
    SourcePassages a2 = TestCorpus.paragraphs("c.txt", "Alpha again, another rendering.");
    try (Indexer indexer = Indexer.open(dir, annotator, FIRST_WORD)) {
      IndexUpdate u = indexer.update(Stream.of(a2, B, A));
      assertEquals(1, u.duplicates());
    }
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher s = new IndexSearcher(r);
      var passagesOfA =
          new org.apache.lucene.search.BooleanQuery.Builder()
              .add(
                  new TermQuery(new Term(Fields.DUPLICATE_OF, "a.txt")),
                  org.apache.lucene.search.BooleanClause.Occur.MUST)
              .add(
                  new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)),
                  org.apache.lucene.search.BooleanClause.Occur.FILTER)
              .build();
      assertEquals(1, s.count(passagesOfA));
      assertEquals(1, s.count(new TermQuery(new Term(Fields.DUPLICATE, "true"))));
    }
  }

  @Test
  void duplicateMarkIsLiftedWhenTheOriginalIsRemoved() throws IOException {
    SourcePassages a2 = TestCorpus.paragraphs("c.txt", "Alpha again, another rendering.");
    try (Indexer indexer = Indexer.open(dir, annotator, FIRST_WORD)) {
      indexer.update(Stream.of(A, a2));
      assertEquals(0, indexer.removeMissing(Set.of("c.txt")).duplicates());
    }
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
      assertEquals(
          0, new IndexSearcher(r).count(new TermQuery(new Term(Fields.DUPLICATE, "true"))));
    }
  }

  @Test
  void secondWriterFailsWithOneLineMessage() throws IOException {
    try (Indexer first = Indexer.open(dir, annotator, DuplicateFinder.none())) {
      IndexLockedException e =
          assertThrows(
              IndexLockedException.class,
              () -> Indexer.open(dir, annotator, DuplicateFinder.none()));
      assertEquals(1, e.getMessage().lines().count());
      assertTrue(e.getMessage().contains(dir.toString()));
    }
  }

  @Test
  void storedDocumentRoundTripsToTheSamePassage() throws IOException {
    try (Indexer indexer = Indexer.open(dir, annotator, DuplicateFinder.none())) {
      indexer.update(Stream.of(A));
    }
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher s = new IndexSearcher(r);
      ScoreDoc sd = s.search(new TermQuery(new Term(Fields.ID, "a.txt#12-22")), 1).scoreDocs[0];
      IndexedPassage p = PassageDocuments.fromStored(r.storedFields().document(sd.doc));
      assertEquals(A.passages().get(1), p.passage());
      assertEquals(annotator.annotate("Alpha two."), p.annotation());
      assertNull(p.duplicateOf());
    }
  }

  private List<String> passageIds() throws IOException {
    try (DirectoryReader r = DirectoryReader.open(FSDirectory.open(dir))) {
      IndexSearcher s = new IndexSearcher(r);
      List<String> ids = new ArrayList<>();
      for (ScoreDoc sd :
          s.search(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)), 100).scoreDocs) {
        ids.add(r.storedFields().document(sd.doc).get(Fields.ID));
      }
      ids.sort(null);
      return ids;
    }
  }
}
