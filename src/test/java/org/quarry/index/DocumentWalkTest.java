package org.quarry.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class DocumentWalkTest {
  private static Document doc(String id, String type) {
    Document d = new Document();
    d.add(new StringField("id", id, Field.Store.YES));
    d.add(new StringField("type", type, Field.Store.NO));
    return d;
  }

  private static List<String> walk(IndexWriter writer, String type) throws IOException {
    List<String> ids = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      DocumentWalk.forEach(
          searcher,
          new TermQuery(new Term("type", type)),
          d -> ids.add(reader.storedFields().document(d).get("id")));
    }
    return ids;
  }

  @Test
  void visitsEveryMatchingDocumentAcrossSegmentsInIndexOrder() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      writer.addDocument(doc("a", "passage"));
      writer.addDocument(doc("b", "source"));
      writer.commit(); // a second segment follows
      writer.addDocument(doc("c", "passage"));
      writer.addDocument(doc("d", "passage"));
      assertEquals(List.of("a", "c", "d"), walk(writer, "passage"));
    }
  }

  @Test
  void skipsDeletedDocuments() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      writer.addDocument(doc("a", "passage"));
      writer.addDocument(doc("b", "passage"));
      writer.commit();
      writer.deleteDocuments(new Term("id", "a"));
      assertEquals(List.of("b"), walk(writer, "passage"));
    }
  }

  @Test
  void visitsNothingWhenNothingMatches() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      writer.addDocument(doc("a", "passage"));
      assertEquals(List.of(), walk(writer, "cases"));
    }
  }
}
