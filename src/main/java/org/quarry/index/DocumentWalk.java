package org.quarry.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Visits every live document a query matches, in index order, without scoring and without
 * collecting them first: reading a whole index through {@code search(query, maxDoc)} sizes a
 * priority queue by the index and sorts by a score nobody reads.
 */
public final class DocumentWalk {
  private DocumentWalk() {}

  /** What is done with each matching document. */
  @FunctionalInterface
  public interface Visitor {
    /** Called with the index-wide id of one matching document. */
    void visit(int doc) throws IOException;
  }

  /** Calls {@code visitor} with each live document {@code query} matches, in increasing doc id. */
  public static void forEach(IndexSearcher searcher, Query query, Visitor visitor)
      throws IOException {
    Weight weight =
        searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      // a scorer also matches deleted documents; only the live ones are the index's
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = scorer.iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        if (live == null || live.get(d)) {
          visitor.visit(leaf.docBase + d);
        }
      }
    }
  }

  /** What is done with each matching document's stored fields. */
  @FunctionalInterface
  public interface StoredVisitor {
    /** Called with the stored fields of one matching document. */
    void visit(Document stored) throws IOException;
  }

  /**
   * Opens the index in {@code dir} and calls {@code visitor} with the stored fields of each live
   * document {@code query} matches, in index order, one at a time.
   */
  public static void forEachStored(Path dir, Query query, StoredVisitor visitor)
      throws IOException {
    try (FSDirectory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      forEachStored(reader, query, visitor);
    }
  }

  /**
   * Calls {@code visitor} with the stored fields of each live document of {@code reader} that
   * {@code query} matches, in index order, reading each stored-fields block once ({@link
   * SequentialStoredFields}).
   */
  public static void forEachStored(IndexReader reader, Query query, StoredVisitor visitor)
      throws IOException {
    StoredFields stored = SequentialStoredFields.of(reader);
    forEach(new IndexSearcher(reader), query, doc -> visitor.visit(stored.document(doc)));
  }
}
