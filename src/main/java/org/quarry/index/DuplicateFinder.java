package org.quarry.index;

import org.quarry.model.TextSignature;

/**
 * Finds near-duplicate sources (the same article as web page and as PDF text, say) from a compact
 * signature of each source's text. Segmentation supplies the real one; the indexer only stores
 * signatures and compares them.
 */
public interface DuplicateFinder {

  /**
   * A signature of {@code text}, stored with the source. Called from several threads at once
   * ({@link Indexer#signed}), so an implementation keeps no state it changes.
   */
  TextSignature signature(String text);

  /** True when two signatures belong to near-duplicate texts. */
  boolean nearDuplicate(TextSignature a, TextSignature b);

  /**
   * The band keys of a signature, for locality-sensitive hashing: only two signatures with an equal
   * key at the same position are compared by {@link #nearDuplicate}, so a finder returns keys that
   * near duplicates share (with the probability it documents) and unrelated texts rarely do. Empty
   * for a signature that is nobody's near duplicate.
   *
   * <p>By default one key for every signature: every pair is compared, as a finder without banding
   * needs.
   */
  default long[] bandKeys(TextSignature signature) {
    return new long[] {0};
  }

  /** A finder that never finds a duplicate. */
  static DuplicateFinder none() {
    return new DuplicateFinder() {
      @Override
      public TextSignature signature(String text) {
        return TextSignature.none();
      }

      @Override
      public boolean nearDuplicate(TextSignature a, TextSignature b) {
        return false;
      }

      @Override
      public long[] bandKeys(TextSignature signature) {
        return new long[0];
      }
    };
  }
}
