package org.quarry.coding;

import java.io.IOException;
import java.util.TreeSet;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * An {@link EntryCursor} for any entry (wildcards, synonyms, wildcard phrases, raw queries): an
 * iterator per segment, advanced, says whether the entry matches a passage, and only then is {@link
 * Weight#matches} asked for its offsets, field by field in name order. Most entries of a kept code
 * do not match a given passage.
 */
final class MatchesCursor extends EntryCursor {
  private final Weight weight;
  private LeafReaderContext leaf;
  private DocIdSetIterator approximation; // null: no document of the segment matches
  private TwoPhaseIterator twoPhase;

  MatchesCursor(Weight weight) {
    this.weight = weight;
  }

  @Override
  void open(LeafReaderContext leaf) throws IOException {
    this.leaf = leaf;
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

  @Override
  void read(int doc) throws IOException {
    if (!advanceTo(approximation, doc) || (twoPhase != null && !twoPhase.matches())) {
      return;
    }
    Matches m = weight.matches(leaf, doc);
    if (m == null) {
      return;
    }
    TreeSet<String> fields = new TreeSet<>();
    m.forEach(fields::add);
    for (String field : fields) {
      MatchesIterator it = m.getMatches(field);
      while (it != null && it.next()) {
        if (it.startOffset() >= 0) { // -1: a field without offsets, so no words to show
          add(it.startOffset(), it.endOffset());
        }
      }
    }
  }
}
