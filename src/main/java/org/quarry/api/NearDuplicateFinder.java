package org.quarry.api;

import org.quarry.index.DuplicateFinder;
import org.quarry.model.TextSignature;
import org.quarry.segment.DuplicateDetector;

/**
 * The index's near-duplicate test, done by the segment stage's MinHash {@link DuplicateDetector}:
 * the index must not know the segment stage, so this adapter joins them where both are visible.
 */
final class NearDuplicateFinder implements DuplicateFinder {
  private final DuplicateDetector detector = new DuplicateDetector();

  @Override
  public TextSignature signature(String text) {
    return new TextSignature(detector.signature(text));
  }

  @Override
  public boolean nearDuplicate(TextSignature a, TextSignature b) {
    // a signature stored by another version of the detector cannot be compared
    return current(a) && current(b) && detector.nearDuplicate(a, b);
  }

  @Override
  public long[] bandKeys(TextSignature signature) {
    return current(signature) ? detector.bandKeys(signature.values()) : new long[0];
  }

  private static boolean current(TextSignature s) {
    return s.length() == DuplicateDetector.HASHES + 1;
  }
}
