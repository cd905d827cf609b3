package org.quarry.learn;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Ranking quality of scores against yes/no labels. */
public final class RankingMetrics {
  private RankingMetrics() {}

  /**
   * Average precision of ranking passages by {@code scores} (highest first, ties by {@code ids})
   * for the passages {@code labels} mark: the mean over those passages of the precision at the rank
   * each comes. A passage with score 0 is not retrieved and adds 0; NaN when none is marked.
   */
  public static double averagePrecision(double[] scores, boolean[] labels, List<String> ids) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(ids::get));
    int positives = 0;
    for (boolean l : labels) {
      positives += l ? 1 : 0;
    }
    if (positives == 0) {
      return Double.NaN;
    }
    double sum = 0;
    int hits = 0;
    for (int r = 0; r < order.length && scores[order[r]] > 0; r++) {
      if (labels[order[r]]) {
        hits++;
        sum += (double) hits / (r + 1);
      }
    }
    return sum / positives;
  }
}
