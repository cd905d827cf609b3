package org.quarry.index;

/**
 * Finds near-duplicate sources (the same article as web page and as PDF text, say) from a compact
 * signature of each source's text. Segmentation supplies the real one; the indexer only stores
 * signatures and compares them.
 */
public interface DuplicateFinder {

  /** A signature of {@code text}, stored with the source. */
  int[] signature(String text);

  /** True when two signatures belong to near-duplicate texts. */
  boolean nearDuplicate(int[] a, int[] b);

  /** A finder that never finds a duplicate. */
  static DuplicateFinder none() {
    return new DuplicateFinder() {
      @Override
      public int[] signature(String text) {
        return new int[0];
      }

      @Override
      public boolean nearDuplicate(int[] a, int[] b) {
        return false;
      }
    };
  }
}
