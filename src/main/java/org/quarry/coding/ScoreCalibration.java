package org.quarry.coding;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Turns a code's raw BM25 score on a passage into a score in [0, 1] that means the same for every
 * code and passage.
 *
 * <p>A code's raw score is the sum of its matching lexicon entries' BM25 scores, so it grows with
 * how rare the matched words are (idf) and is not comparable between a code of rare words and one
 * of common words. Each code gets a ruler: {@code R}, the mean over its entries that occur in the
 * index of the highest score the entry can give ({@link EntryCeiling}: for BM25 the entry's idf,
 * the sum of idfs for a phrase, one word's for a wildcard). One mention of a typical entry in a
 * passage of average length scores {@code R / (1 + k1)} (BM25 with tf = 1 and document length =
 * average), so
 *
 * <pre>  x = raw / (R / (1 + k1))</pre>
 *
 * counts "typical mentions", and the calibrated score saturates in it:
 *
 * <pre>  score = 1 - exp(-weight * x / {@value #MENTIONS})</pre>
 *
 * One typical mention gives 0.39, two 0.63, three 0.78; repeated or rarer words count for more,
 * longer passages for less, as BM25 has them. The constants are BM25's defaults and a choice of
 * scale, not fitted to any data.
 */
public final class ScoreCalibration {
  /** Lucene's default BM25 k1. */
  public static final double K1 = 1.2;

  /**
   * BM25's length normalisation for code queries, below Lucene's 0.75: with 0.75 the top of a
   * code's list filled with very short passages holding one lexicon word, where coders code the
   * substantive turns. Measured by cross-validated MAP on the development sets (README): 0.3 ranked
   * better than 0.75 on the interviews (0.229 against 0.187) at a small cost on short comments.
   */
  public static final double B = 0.3;

  /** The similarity code queries are scored with. */
  public static org.apache.lucene.search.similarities.Similarity similarity() {
    return new org.apache.lucene.search.similarities.BM25Similarity((float) K1, (float) B);
  }

  /** Typical mentions that bring a score to 1 - 1/e (0.63). */
  public static final double MENTIONS = 2.0;

  private final double reference;
  private final double weight;

  /**
   * A calibration with ruler {@code reference} (R above) and the code's weight.
   *
   * @throws IllegalArgumentException when either is not a positive finite number
   */
  public ScoreCalibration(double reference, double weight) {
    if (!(reference > 0) || Double.isInfinite(reference)) {
      throw new IllegalArgumentException("reference must be positive, got " + reference);
    }
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight must be positive, got " + weight);
    }
    this.reference = reference;
    this.weight = weight;
  }

  /** The calibrated score of a raw BM25 score, in [0, 1]. */
  public double calibrate(double raw) {
    if (!(raw > 0)) {
      return 0;
    }
    double mentions = raw / (reference / (1 + K1));
    return 1 - Math.exp(-weight * mentions / MENTIONS);
  }

  /** The ruler R. */
  public double reference() {
    return reference;
  }

  /**
   * R for entries over the searcher's index: the mean over entries that occur of their ceilings
   * ({@link EntryCeiling}: the highest score the entry can give, from the index's term statistics,
   * as Lucene bounds it); 0 when no entry occurs.
   */
  public static double reference(IndexSearcher searcher, List<Query> entries) throws IOException {
    return reference(entries, q -> EntryCeiling.of(searcher, q));
  }

  /**
   * R for entries from a store's statistics ({@link IndexStatistics}), with the code similarity:
   * the ruler {@link #reference(IndexSearcher, List)} gives on a local index of the same passages.
   * The entries hold no wildcard left to expand ({@link StoreQueries}).
   */
  static double reference(IndexStatistics statistics, List<Query> entries) throws IOException {
    org.apache.lucene.search.similarities.Similarity similarity = similarity();
    return reference(entries, q -> EntryCeiling.of(statistics, similarity, q));
  }

  private interface Ceiling {
    double of(Query q) throws IOException;
  }

  private static double reference(List<Query> entries, Ceiling ceiling) throws IOException {
    double sum = 0;
    int n = 0;
    for (Query q : entries) {
      double max = ceiling.of(q);
      if (max > 0 && !Double.isInfinite(max)) {
        sum += max;
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }
}
