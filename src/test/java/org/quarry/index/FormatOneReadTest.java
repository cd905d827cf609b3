package org.quarry.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.quarry.analysis.LemmaAnnotation;
import org.quarry.model.CodeScore;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.Source;

/**
 * An index of format 1 (annotations as text, one int per offset, stored fields in Lucene's default
 * mode) is read without re-indexing, and a passage written again gets the compact forms.
 */
class FormatOneReadTest {
  private final IndexerTest.CountingAnnotator annotator = new IndexerTest.CountingAnnotator();
  private final SourcePassages seed =
      TestCorpus.paragraphs("a.txt", "Alpha one 😀.\n\nPatients were seen quickly.");

  // the documents as format 1 wrote them
  private Directory formatOneIndex() throws IOException {
    Directory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
      for (Passage p : seed.passages()) {
        LemmaAnnotation a = annotator.annotate(p.text());
        Document doc = PassageDocuments.toDocument(new IndexedPassage(p, a, List.of(), null));
        doc.removeField(Fields.ANNOTATION);
        doc.add(new StoredField(Fields.ANNOTATION, a.encode()));
        w.addDocument(doc);
      }
      Source s = seed.source();
      Document record =
          new SourceRecord(
                  s.id(), s.path(), s.contentHash(), "paper", sig(), 2, null, null, null, null)
              .toDocument();
      record.add(new StoredField(Fields.SOURCE_TEXT, s.text()));
      ByteBuffer ints = ByteBuffer.allocate((s.offsets().length() + 1) * Integer.BYTES);
      for (int i = 0; i <= s.offsets().length(); i++) {
        ints.putInt(s.offsets().toOriginal(i));
      }
      record.add(new StoredField(Fields.SOURCE_OFFSETS, new BytesRef(ints.array())));
      w.addDocument(record);
    }
    return dir;
  }

  private static org.quarry.model.TextSignature sig() {
    return new org.quarry.model.TextSignature(new int[] {1});
  }

  private static Document find(Directory dir, Term term) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      TopDocs top = new IndexSearcher(reader).search(new TermQuery(term), 1);
      return reader.storedFields().document(top.scoreDocs[0].doc);
    }
  }

  @Test
  void passagesAndSourceTextsOfFormatOneAreRead() throws IOException {
    Directory dir = formatOneIndex();
    for (Passage p : seed.passages()) {
      IndexedPassage read = PassageDocuments.fromStored(find(dir, new Term(Fields.ID, p.id())));
      assertEquals(p, read.passage());
      assertEquals(annotator.annotate(p.text()), read.annotation());
    }
    Source source = SourceTexts.read(find(dir, new Term(Fields.RECORD, "a.txt")));
    assertNotNull(source);
    assertEquals(seed.source().text(), source.text());
    assertArrayEquals(offsets(seed.source().offsets()), offsets(source.offsets()));
  }

  @Test
  void anIndexMixingAFormatOneSourceWithOneWrittenNowReadsBothWhole() throws IOException {
    Directory dir = formatOneIndex();
    SourcePassages now = TestCorpus.paragraphs("b.txt", "Beta one.\n\nBeta two, \uD83D\uDE00.");
    try (Indexer indexer = Indexer.open(dir, "format-1", annotator, DuplicateFinder.none())) {
      indexer.update(java.util.stream.Stream.of(now));
    }
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      Map<String, Source> read = SourceTexts.readAll(new IndexSearcher(reader));
      assertEquals(List.of("a.txt", "b.txt"), List.copyOf(read.keySet()));
      assertEquals(seed.source().text(), read.get("a.txt").text());
      assertEquals(now.source(), read.get("b.txt"));
    }
  }

  @Test
  void aFormatOnePassageWrittenAgainKeepsItsAnnotationInTheCompactForm() throws IOException {
    Directory dir = formatOneIndex();
    Passage first = seed.passages().get(0);
    try (Indexer indexer = Indexer.open(dir, "format-1", annotator, DuplicateFinder.none())) {
      indexer.setCodes(Map.of(first.id(), List.of(new CodeScore("c", 0.5, CodeScore.SUGGESTED))));
    }
    Document doc = find(dir, new Term(Fields.ID, first.id()));
    assertNotNull(doc.getBinaryValue(Fields.ANNOTATION));
    assertEquals(annotator.annotate(first.text()), PassageDocuments.fromStored(doc).annotation());
  }

  private static int[] offsets(OffsetMap map) {
    int[] o = new int[map.length() + 1];
    for (int i = 0; i < o.length; i++) {
      o[i] = map.toOriginal(i);
    }
    return o;
  }
}
