package org.quarry.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Sequential stored fields read the same documents as the reader's own stored fields: in order,
 * backwards, across segments, for small documents sharing a block and for a document larger than a
 * block, and through a reader whose segments are wrapped.
 */
class SequentialStoredFieldsTest {
  private static final QueryTimeout NEVER = () -> false;

  @Test
  void readsEveryDocumentAsTheReadersOwnStoredFieldsDo() throws IOException {
    try (ByteBuffersDirectory dir = index()) {
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertTrue(reader.leaves().size() > 2, "several segments");
        List<Integer> forward = new ArrayList<>();
        for (int d = 0; d < reader.maxDoc(); d++) {
          forward.add(d);
        }
        assertSame(reader, forward);
        assertSame(reader, forward.reversed());
        List<Integer> shuffled = new ArrayList<>(forward);
        java.util.Collections.shuffle(shuffled, new Random(7));
        assertSame(reader, shuffled.subList(0, 200)); // out of order, a block a read: a sample
      }
    }
  }

  @Test
  void aWrappedReaderIsReadThroughItsOwnStoredFields() throws IOException {
    try (ByteBuffersDirectory dir = index();
        DirectoryReader plain = DirectoryReader.open(dir)) {
      DirectoryReader wrapped = ExitableDirectoryReader.wrap(plain, NEVER);
      List<Integer> all = new ArrayList<>();
      for (int d = 0; d < wrapped.maxDoc(); d++) {
        all.add(d);
      }
      assertSame(wrapped, all);
    }
  }

  private static void assertSame(IndexReader reader, List<Integer> order) throws IOException {
    StoredFields own = reader.storedFields();
    StoredFields sequential = SequentialStoredFields.of(reader);
    for (int d : order) {
      assertEquals(own.document(d).toString(), sequential.document(d).toString(), "doc " + d);
      assertEquals(
          own.document(d, java.util.Set.of("id")).toString(),
          sequential.document(d, java.util.Set.of("id")).toString(),
          "doc " + d + ", one field");
    }
  }

  // three segments of documents under Quarry's codec, one document larger than a block (about 1
  // MB), and a
  // deleted document
  private static ByteBuffersDirectory index() throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    IndexWriterConfig config =
        new IndexWriterConfig()
            .setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION))
            .setMergePolicy(NoMergePolicy.INSTANCE);
    Random random = new Random(42);
    try (IndexWriter w = new IndexWriter(dir, config)) {
      for (int i = 0; i < 3_000; i++) {
        Document d = new Document();
        d.add(new StringField("id", "p" + i, Field.Store.YES));
        int words = i == 1_500 ? 150_000 : 5 + random.nextInt(60);
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < words; k++) {
          text.append("w").append(random.nextInt(5_000)).append(' ');
        }
        d.add(new StoredField("text", text.toString()));
        d.add(new StoredField("start", i * 17));
        w.addDocument(d);
        if (i % 1_000 == 999) {
          w.commit();
        }
      }
      w.deleteDocuments(new Term("id", "p10"));
    }
    return dir;
  }
}
