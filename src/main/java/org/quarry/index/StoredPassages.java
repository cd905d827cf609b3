package org.quarry.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * Reads back every passage an index holds, as it was indexed: text, annotation, codes and near
 * duplicate mark. What another store (a SolrCloud collection) is filled from, so that the CoreNLP
 * annotation is made once, by Quarry.
 */
public final class StoredPassages {
  private StoredPassages() {}

  /** What is done with each passage. */
  @FunctionalInterface
  public interface Visitor {
    /** Called with one stored passage. */
    void visit(IndexedPassage passage) throws IOException;
  }

  /** Calls {@code visitor} with each passage of the index in {@code dir}, in index order. */
  public static void forEach(Path dir, Visitor visitor) throws IOException {
    try (FSDirectory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      forEach(reader, visitor);
    }
  }

  /** Calls {@code visitor} with each live passage {@code reader} sees, in index order. */
  static void forEach(IndexReader reader, Visitor visitor) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    StoredFields stored = SequentialStoredFields.of(reader);
    DocumentWalk.forEach(
        searcher,
        new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)),
        doc -> visitor.visit(PassageDocuments.fromStored(stored.document(doc))));
  }
}
