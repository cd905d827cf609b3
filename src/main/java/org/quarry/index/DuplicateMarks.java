package org.quarry.index;

import java.util.Arrays;
import java.util.List;
import org.quarry.model.TextSignature;

/**
 * Which earlier source each source is a near duplicate of. Sources come in id order; a source is
 * marked with the first earlier source whose signature is its near duplicate by the finder's test.
 *
 * <p>Only pairs that share a band key ({@link DuplicateFinder#bandKeys}) are tested, so the work
 * grows with the sources and the pairs that collide rather than with every pair. The marks are the
 * ones testing every pair gives ({@link #exhaustive}) whenever every near-duplicate pair shares a
 * key, which the finder's banding makes all but certain.
 */
public final class DuplicateMarks {
  /** No earlier near duplicate. */
  public static final int NONE = -1;

  private DuplicateMarks() {}

  /**
   * For each signature, the position of the first earlier signature it is a near duplicate of, or
   * {@link #NONE}; found through the finder's band keys.
   *
   * @param signatures the sources' signatures, in id order; empty ones are nobody's duplicates
   */
  public static int[] of(List<TextSignature> signatures, DuplicateFinder finder) {
    int n = signatures.size();
    int[] marks = new int[n];
    Arrays.fill(marks, NONE);
    if (n < 2) {
      return marks;
    }
    // each (key, position) as one long: a hash of both above, the source below, so that one sort
    // brings the sources sharing a key together, each group in source order; cutting the hash to
    // the bits left over only adds candidates, which the test rejects
    int sourceBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
    long sourceMask = (1L << sourceBits) - 1;
    long[] entries = new long[16];
    int size = 0;
    for (int s = 0; s < n; s++) {
      TextSignature signature = signatures.get(s);
      if (signature.isEmpty()) {
        continue;
      }
      long[] keys = finder.bandKeys(signature);
      if (size + keys.length > entries.length) {
        entries = Arrays.copyOf(entries, Math.max(entries.length * 2, size + keys.length));
      }
      for (int position = 0; position < keys.length; position++) {
        long hash = spread(keys[position] + 0x9e3779b97f4a7c15L * (position + 1));
        entries[size++] = (hash << sourceBits) | s;
      }
    }
    Arrays.sort(entries, 0, size);
    int[] group = new int[16];
    for (int start = 0; start < size; ) {
      long key = entries[start] >>> sourceBits;
      int end = start + 1;
      while (end < size && entries[end] >>> sourceBits == key) {
        end++;
      }
      if (end - start > 1) {
        if (group.length < end - start) {
          group = new int[Math.max(group.length * 2, end - start)];
        }
        for (int k = start; k < end; k++) {
          group[k - start] = (int) (entries[k] & sourceMask);
        }
        markGroup(group, end - start, signatures, finder, marks);
      }
      start = end;
    }
    return marks;
  }

  /**
   * The same marks by testing every pair: the quadratic reference that {@link #of} must agree with,
   * for tests and the benchmark.
   */
  public static int[] exhaustive(List<TextSignature> signatures, DuplicateFinder finder) {
    int[] marks = new int[signatures.size()];
    Arrays.fill(marks, NONE);
    for (int j = 0; j < signatures.size(); j++) {
      TextSignature later = signatures.get(j);
      for (int i = 0; i < j && marks[j] == NONE; i++) {
        TextSignature earlier = signatures.get(i);
        if (!later.isEmpty() && !earlier.isEmpty() && finder.nearDuplicate(earlier, later)) {
          marks[j] = i;
        }
      }
    }
    return marks;
  }

  // Within one group sharing a key (sources ascending), lowers each source's mark to the first
  // earlier member that passes the test. Its mark is the least over all its groups, which is the
  // exhaustive mark when the pair behind it shares a key. A member at or past the mark found so far
  // cannot lower it, which also stops a group of copies after one test each.
  private static void markGroup(
      int[] group, int size, List<TextSignature> signatures, DuplicateFinder finder, int[] marks) {
    for (int b = 1; b < size; b++) {
      int later = group[b];
      for (int a = 0; a < b; a++) {
        int earlier = group[a];
        if (marks[later] != NONE && earlier >= marks[later]) {
          break;
        }
        if (finder.nearDuplicate(signatures.get(earlier), signatures.get(later))) {
          marks[later] = earlier;
          break;
        }
      }
    }
  }

  // SplitMix64's finaliser, so that keys differing in few bits land far apart
  private static long spread(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
