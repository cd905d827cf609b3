package org.quarry.index;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
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
}
