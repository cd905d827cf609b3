package org.quarry.coding;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Whether one lexicon entry matches a passage, for passages asked in increasing document order: one
 * iterator per segment, advanced, instead of the postings that {@link Weight#matches} opens anew on
 * every call. Evidence asks {@code matches} only of the entries this says match, and most entries
 * of a kept code do not match a given passage. Not thread-safe: one per thread.
 */
final class EntryCursor {
  private final Weight weight;
  private LeafReaderContext leaf;
  private DocIdSetIterator approximation; // null: no document of the segment matches
  private TwoPhaseIterator twoPhase;
  private int lastDoc = -1;
  private boolean lastMatch;

  EntryCursor(Weight weight) {
    this.weight = weight;
  }

  /** Whether the entry matches document {@code doc} (within {@code leaf}). */
  boolean matches(LeafReaderContext leaf, int doc) throws IOException {
    if (leaf != this.leaf || doc < lastDoc) {
      open(leaf);
    } else if (doc == lastDoc) {
      return lastMatch; // a two-phase match may be confirmed only once per document
    }
    lastDoc = doc;
    lastMatch = false;
    if (approximation == null) {
      return false;
    }
    int d = approximation.docID();
    if (d < doc) {
      d = approximation.advance(doc);
    }
    lastMatch = d == doc && (twoPhase == null || twoPhase.matches());
    return lastMatch;
  }

  private void open(LeafReaderContext leaf) throws IOException {
    this.leaf = leaf;
    lastDoc = -1;
    approximation = null;
    twoPhase = null;
    ScorerSupplier supplier = weight.scorerSupplier(leaf);
    if (supplier == null) {
      return;
    }
    Scorer scorer = supplier.get(Long.MAX_VALUE);
    twoPhase = scorer.twoPhaseIterator();
    approximation = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
  }
}
