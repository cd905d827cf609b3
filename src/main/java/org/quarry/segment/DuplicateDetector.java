package org.quarry.segment;

import java.util.Arrays;
import java.util.Locale;

/**
 * Finds near-duplicate sources (the same article as web page and as PDF text) by MinHash over word
 * shingles: {@value #SHINGLE}-word shingles of lowercased letters-only tokens, {@value #HASHES}
 * seeded hash functions, so the fraction of equal signature entries estimates the Jaccard
 * similarity of two texts' shingle sets. Deterministic: the seeds are fixed.
 *
 * <p>Two texts are near duplicates when the estimated Jaccard similarity is at least {@value
 * #THRESHOLD} <em>and</em> their shingle counts are within a factor of two. The second rule is why
 * Jaccard and not containment: a repository record quoting an article's abstract is contained in
 * the article but is a different, much shorter source, and must stay apart.
 */
public final class DuplicateDetector {
  /** Words per shingle. */
  public static final int SHINGLE = 5;

  /** Hash functions, and so signature entries before the length entry. */
  public static final int HASHES = 128;

  /** Least estimated Jaccard similarity of near duplicates. */
  public static final double THRESHOLD = 0.5;

  /** Least ratio of the smaller to the larger shingle count of near duplicates. */
  public static final double MIN_LENGTH_RATIO = 0.5;

  private static final long[] SEEDS = seeds();

  /**
   * The signature of {@code text}: {@value #HASHES} minimum hashes, then the number of shingles
   * (distinct or not) as a last entry.
   */
  public int[] signature(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
    words = Arrays.stream(words).filter(w -> !w.isEmpty()).toArray(String[]::new);
    int[] sig = new int[HASHES + 1];
    Arrays.fill(sig, 0, HASHES, Integer.MAX_VALUE);
    int shingles = Math.max(0, words.length - SHINGLE + 1);
    for (int i = 0; i < shingles; i++) {
      long h = 1125899906842597L;
      for (int k = i; k < i + SHINGLE; k++) {
        h = 31 * h + words[k].hashCode();
        h = 31 * h + ' ';
      }
      for (int f = 0; f < HASHES; f++) {
        int v = (int) (mix(h ^ SEEDS[f]) >>> 33);
        if (v < sig[f]) {
          sig[f] = v;
        }
      }
    }
    sig[HASHES] = shingles;
    return sig;
  }

  /** Estimated Jaccard similarity of the shingle sets behind two signatures (0 to 1). */
  public double similarity(int[] a, int[] b) {
    requireSignature(a);
    requireSignature(b);
    if (a[HASHES] == 0 || b[HASHES] == 0) {
      return 0;
    }
    int equal = 0;
    for (int f = 0; f < HASHES; f++) {
      if (a[f] == b[f]) {
        equal++;
      }
    }
    return equal / (double) HASHES;
  }

  /** True when two signatures belong to near-duplicate texts of comparable length. */
  public boolean nearDuplicate(int[] a, int[] b) {
    double similarity = similarity(a, b);
    int small = Math.min(a[HASHES], b[HASHES]);
    int large = Math.max(a[HASHES], b[HASHES]);
    return similarity >= THRESHOLD && small >= MIN_LENGTH_RATIO * large;
  }

  private static void requireSignature(int[] s) {
    if (s == null || s.length != HASHES + 1) {
      throw new IllegalArgumentException(
          "a signature has " + (HASHES + 1) + " entries, not " + (s == null ? "null" : s.length));
    }
  }

  /** SplitMix64's finaliser: spreads one 64-bit value over all bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long[] seeds() {
    long[] s = new long[HASHES];
    long x = 0x5157A11EL;
    for (int i = 0; i < HASHES; i++) {
      x += 0x9e3779b97f4a7c15L;
      s[i] = mix(x);
    }
    return s;
  }
}
