package org.quarry.segment;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import org.quarry.model.TextSignature;

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

  /*
   * Locality-sensitive banding, so that only signatures sharing a band are compared. The signature
   * is cut into BANDS bands of ROWS consecutive entries; a band's key is its entries.
   *
   * Why 64 bands of 2 rows. Each entry of two signatures is equal with probability J, the Jaccard
   * similarity of the texts, independently of the others (independent hash functions), so a pair
   * shares a band with probability 1 - (1 - J^r)^b. At the threshold J = 0.5 that is, for r rows:
   *   r = 2, b = 64: 1 - 0.75^64      = 1 - 1.0e-8
   *   r = 3, b = 42: 1 - 0.875^42     = 0.9963  (below the 0.999 we ask for)
   *   r = 4, b = 32: 1 - 0.9375^32    = 0.873
   * so r = 2 is the most selective banding that finds pairs at the threshold with probability at
   * least 0.999. Against the test itself it is stronger still: nearDuplicate needs k >= 64 of the 128
   * entries equal, and given k, which entries are equal is uniform over the C(128, k) choices. The
   * 64 bands all hold an unequal entry only if the 128 - k unequal ones cover them, impossible for
   * k > 64 and, for k = 64, one entry of each band equal: 2^64 / C(128, 64) = 7.7e-19. The cost is
   * candidates that the exact test then rejects: unrelated texts with J = 0.05 share a band with
   * probability 0.15, texts with J = 0.2 with probability 0.93.
   */
  /** Entries of the signature per band of {@link #bandKeys}. */
  public static final int ROWS = 2;

  /** Bands of {@link #bandKeys}: the {@value #HASHES} hash entries, {@value #ROWS} to a band. */
  public static final int BANDS = HASHES / ROWS;

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
    return similarity(f -> a[f], f -> b[f]);
  }

  /** True when two signatures belong to near-duplicate texts of comparable length. */
  public boolean nearDuplicate(int[] a, int[] b) {
    requireSignature(a);
    requireSignature(b);
    return nearDuplicate(f -> a[f], f -> b[f]);
  }

  /**
   * {@link #nearDuplicate(int[], int[])} on signatures as stored, read in place: the banded search
   * tests millions of pairs, and copying both signatures' values out cost more than the test.
   */
  public boolean nearDuplicate(TextSignature a, TextSignature b) {
    requireSignature(a.length());
    requireSignature(b.length());
    return nearDuplicate(a::get, b::get);
  }

  // the entries are read through a function so that arrays and stored signatures share one test
  private static double similarity(IntUnaryOperator a, IntUnaryOperator b) {
    if (a.applyAsInt(HASHES) == 0 || b.applyAsInt(HASHES) == 0) {
      return 0;
    }
    int equal = 0;
    for (int f = 0; f < HASHES; f++) {
      if (a.applyAsInt(f) == b.applyAsInt(f)) {
        equal++;
      }
    }
    return equal / (double) HASHES;
  }

  private static boolean nearDuplicate(IntUnaryOperator a, IntUnaryOperator b) {
    double similarity = similarity(a, b);
    int small = Math.min(a.applyAsInt(HASHES), b.applyAsInt(HASHES));
    int large = Math.max(a.applyAsInt(HASHES), b.applyAsInt(HASHES));
    return similarity >= THRESHOLD && small >= MIN_LENGTH_RATIO * large;
  }

  /**
   * The keys of a signature's {@value #BANDS} bands of {@value #ROWS} entries, in band order: two
   * near duplicates (by {@link #nearDuplicate}) have an equal key in the same band but with
   * probability below 1e-18, so only signatures that do need comparing. Empty for a text too short
   * for a shingle, which is nobody's near duplicate.
   */
  public long[] bandKeys(int[] signature) {
    requireSignature(signature);
    if (signature[HASHES] == 0) {
      return new long[0];
    }
    long[] keys = new long[BANDS];
    for (int b = 0; b < BANDS; b++) {
      // a collision of two different bands' keys only adds a candidate, which the test rejects
      long key = b;
      for (int r = b * ROWS; r < (b + 1) * ROWS; r++) {
        key = mix(key * 0x9e3779b97f4a7c15L + signature[r]);
      }
      keys[b] = key;
    }
    return keys;
  }

  private static void requireSignature(int[] s) {
    if (s == null) {
      throw new IllegalArgumentException("a signature has " + (HASHES + 1) + " entries, not null");
    }
    requireSignature(s.length);
  }

  private static void requireSignature(int length) {
    if (length != HASHES + 1) {
      throw new IllegalArgumentException(
          "a signature has " + (HASHES + 1) + " entries, not " + length);
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
