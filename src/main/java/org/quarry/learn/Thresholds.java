package org.quarry.learn;

import java.util.List;

/** Chooses a score threshold from held-out scores. */
public final class Thresholds {
  private Thresholds() {}

  /**
   * The threshold in {@code 0.05, 0.06, … 0.95} with the best micro-F1 when each passage keeps its
   * {@code top} highest-scoring codes at or above it (the lowest such threshold on ties).
   *
   * @param scores {@code scores[c][i]}: code c's held-out score on passage i
   * @param labels {@code labels.get(c)[i]}: whether passage i has code c
   */
  public static double bestMicroF1(double[][] scores, List<boolean[]> labels, int top) {
    if (scores.length == 0) {
      return 0.5;
    }
    boolean[][] inTop = TopCodes.mark(scores, top);
    double best = -1;
    double bestT = 0.5;
    for (int step = 5; step <= 95; step++) {
      double t = step / 100.0;
      double f1 = microF1(scores, inTop, labels, t);
      if (f1 > best + 1e-12) {
        best = f1;
        bestT = t;
      }
    }
    return bestT;
  }

  /**
   * Micro-F1 when code c is predicted for passage i if {@code inTop[c][i]} and its score is above 0
   * and at or above {@code t}.
   */
  public static double microF1(
      double[][] scores, boolean[][] inTop, List<boolean[]> labels, double t) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int c = 0; c < scores.length; c++) {
      boolean[] y = labels.get(c);
      for (int i = 0; i < scores[c].length; i++) {
        boolean pred = inTop[c][i] && scores[c][i] > 0 && scores[c][i] >= t;
        if (pred && y[i]) {
          tp++;
        } else if (pred) {
          fp++;
        } else if (y[i]) {
          fn++;
        }
      }
    }
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }
}
