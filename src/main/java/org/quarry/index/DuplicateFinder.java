package org.quarry.index;

import org.quarry.model.TextSignature;

/**
 * Finds near-duplicate sources (the same article as web page and as PDF text, say) from a compact
 * signature of each source's text. Segmentation supplies the real one; the indexer only stores
 * signatures and compares them.
 */
public interface DuplicateFinder {

  /** A signature of {@code text}, stored with the source. */
  TextSignature signature(String text);

  /** True when two signatures belong to near-duplicate texts. */
  boolean nearDuplicate(TextSignature a, TextSignature b);

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
    };
  }
}
