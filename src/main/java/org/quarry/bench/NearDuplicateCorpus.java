package org.quarry.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded synthetic set of sources with planted near duplicates, for testing and timing
 * near-duplicate detection without indexing. Each source is drawn on its own from the seed and its
 * number, so any one can be made alone, in any order, on any thread.
 *
 * <p>Most sources are unrelated texts of 150 to 450 words from a Zipf-skewed vocabulary of 20,000
 * letters-only words (so common five-word phrases do recur between unrelated texts), a fifth of
 * them opening with one of eight shared boilerplate paragraphs (a consent statement, say). About
 * {@value #PLANTED_PERCENT}% are variants of an earlier source's text: each word replaced, dropped
 * or joined by an inserted word with an edit rate drawn from 0 to 0.16 (a twentieth left exact
 * copies), and a quarter cut to a stretch of 35% to 100% of it. Five-word shingles survive an edit
 * rate p with probability (1 - p)^5, so the Jaccard similarity of a variant and its original runs
 * from 1 to about 0.2, across the near-duplicate threshold of 0.5 at p = 0.08, and the cut ones
 * cross the length-ratio rule too. Variants of one original are each other's near duplicates.
 */
public final class NearDuplicateCorpus {
  /** Percentage of sources that are variants of an earlier one. */
  public static final int PLANTED_PERCENT = 15;

  private static final int VOCABULARY = 20_000;
  private static final int BOILERPLATES = 8;
  private static final String CONSONANTS = "bcdfghjklmnprstvwxyz";
  private static final String VOWELS = "aeiou";

  private final long seed;
  private final double[] cumulative = zipf(VOCABULARY);
  private final List<int[]> boilerplates = new ArrayList<>();

  /** The set drawn from {@code seed}. */
  public NearDuplicateCorpus(long seed) {
    this.seed = seed;
    SplittableRandom r = new SplittableRandom(seed ^ 0xB01E4F1A7EL);
    for (int b = 0; b < BOILERPLATES; b++) {
      boilerplates.add(words(r, 30 + r.nextInt(31)));
    }
  }

  /** The text of source {@code i} (0 or more). */
  public String text(int i) {
    int of = plantedOf(i);
    int[] words = of < 0 ? original(i) : variant(original(of), random(i, 2));
    StringBuilder sb = new StringBuilder(words.length * 7);
    for (int k = 0; k < words.length; k++) {
      if (k > 0) {
        sb.append(k % 17 == 0 ? ". " : " ");
      }
      sb.append(word(words[k]));
    }
    return sb.append('.').toString();
  }

  /**
   * The earlier source whose text source {@code i} is a variant of, or -1 for an unrelated one. A
   * planted variant is not always a near duplicate: that depends on how far it was changed.
   */
  public int plantedOf(int i) {
    SplittableRandom r = random(i, 1);
    if (i == 0 || r.nextInt(100) >= PLANTED_PERCENT) {
      return -1;
    }
    return r.nextInt(i);
  }

  // the text source i has when it is not a variant: words, after a boilerplate for some
  private int[] original(int i) {
    SplittableRandom r = random(i, 0);
    int[] body = words(r, 150 + r.nextInt(301));
    if (r.nextInt(5) > 0) {
      return body;
    }
    int[] head = boilerplates.get(r.nextInt(BOILERPLATES));
    int[] text = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, text, head.length, body.length);
    return text;
  }

  private int[] variant(int[] original, SplittableRandom r) {
    int[] text = original;
    if (r.nextInt(4) == 0) {
      int keep = Math.max(1, (int) Math.round(text.length * (0.35 + 0.65 * r.nextDouble())));
      int from = r.nextInt(text.length - keep + 1);
      text = Arrays.copyOfRange(text, from, from + keep);
    }
    double rate = r.nextInt(20) == 0 ? 0 : 0.16 * r.nextDouble();
    int[] out = new int[text.length * 2];
    int n = 0;
    for (int w : text) {
      if (r.nextDouble() >= rate) {
        out[n++] = w;
        continue;
      }
      switch (r.nextInt(3)) {
        case 0 -> out[n++] = draw(r);
        case 1 -> {}
        default -> {
          out[n++] = w;
          out[n++] = draw(r);
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  private int[] words(SplittableRandom r, int count) {
    int[] words = new int[count];
    for (int k = 0; k < count; k++) {
      words[k] = draw(r);
    }
    return words;
  }

  // a word rank, rank k with probability proportional to 1 / (k + 1)
  private int draw(SplittableRandom r) {
    int at = Arrays.binarySearch(cumulative, r.nextDouble());
    return Math.min(VOCABULARY - 1, at < 0 ? -at - 1 : at);
  }

  // one stream per source and purpose, so that a source is drawn alike whoever asks first
  private SplittableRandom random(int i, int purpose) {
    return new SplittableRandom(seed * 0x9e3779b97f4a7c15L + i * 4L + purpose);
  }

  // a pronounceable letters-only word per rank: the signature's tokens are runs of letters
  private static String word(int rank) {
    StringBuilder sb = new StringBuilder();
    int x = rank;
    do {
      sb.append(CONSONANTS.charAt(x % 20)).append(VOWELS.charAt((x / 20) % 5));
      x /= 100;
    } while (x > 0);
    return sb.toString();
  }

  private static double[] zipf(int n) {
    double[] c = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1.0 / (k + 1);
      c[k] = sum;
    }
    for (int k = 0; k < n; k++) {
      c[k] /= sum;
    }
    return c;
  }
}
