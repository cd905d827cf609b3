package org.quarry.bench;

import org.quarry.index.DuplicateFinder;
import org.quarry.model.TextSignature;
import org.quarry.segment.DuplicateDetector;

/**
 * The MinHash {@link DuplicateDetector} as the index's {@link DuplicateFinder}, as the api layer
 * adapts it for indexing; that adapter is package-private there (a public class of the exported api
 * package may not name the index's types), so the benchmark makes its own of the same calls.
 */
final class MinHashFinder implements DuplicateFinder {
  private final DuplicateDetector detector = new DuplicateDetector();

  @Override
  public TextSignature signature(String text) {
    return new TextSignature(detector.signature(text));
  }

  @Override
  public boolean nearDuplicate(TextSignature a, TextSignature b) {
    return detector.nearDuplicate(a, b);
  }

  @Override
  public long[] bandKeys(TextSignature signature) {
    return detector.bandKeys(signature.values());
  }
}
