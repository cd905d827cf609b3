package org.quarry.coding;

import java.util.Arrays;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * Numbers the selected passages of a run 0, 1, … in document order, so that the per-passage arrays
 * of a run (the best codes of each passage, per thread) are as long as the selection, not the
 * index: suggesting for the quotes, or evaluating on the gold passages, of a large index needs
 * memory for those passages only.
 */
final class Slots {
  /** The slot of a document that is not selected. */
  static final int NONE = -1;

  private final int[] slotOf;
  private final int[] docs;

  private Slots(int[] slotOf, int[] docs) {
    this.slotOf = slotOf;
    this.docs = docs;
  }

  /**
   * The slots of the documents set in {@code selected}, of an index of {@code maxDoc} documents.
   */
  static Slots of(FixedBitSet selected, int maxDoc) {
    int[] slotOf = new int[maxDoc];
    Arrays.fill(slotOf, NONE);
    int[] docs = new int[selected.cardinality()];
    int n = 0;
    for (int d = maxDoc == 0 ? DocIdSetIterator.NO_MORE_DOCS : selected.nextSetBit(0);
        d != DocIdSetIterator.NO_MORE_DOCS;
        d = d + 1 < maxDoc ? selected.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
      slotOf[d] = n;
      docs[n++] = d;
    }
    return new Slots(slotOf, docs);
  }

  /** The slot of document {@code doc}, or {@link #NONE}. */
  int slotOf(int doc) {
    return slotOf[doc];
  }

  /** The document in slot {@code slot}. */
  int doc(int slot) {
    return docs[slot];
  }

  /** How many documents are selected. */
  int size() {
    return docs.length;
  }
}
