package org.quarry.coding;

import java.util.List;
import org.quarry.learn.RankingMetrics;
import org.quarry.learn.Thresholds;
import org.quarry.learn.TopCodes;
import org.quarry.model.CrossValidationReport;
import org.quarry.model.EvalReport;

/**
 * The figures of one method's scores, pooled over the folds, against the coding: the predictions
 * (the passage's {@code top} best codes at or above the passage's threshold; for the keyword
 * baseline, any literal hit), their micro and macro precision, recall and F1, MAP, and the
 * threshold that would have been best.
 */
final class PooledScores {
  private PooledScores() {}

  /**
   * Measures scores {@code s[c][i]} (code c on passage i) with threshold {@code t[i]} against
   * {@code truth[c][i]}.
   *
   * @param ids the passages' ids, which break ties in the rankings of MAP
   * @param anyHit whether the scores are literal hit counts, any of which is a prediction
   */
  static CrossValidationReport.MethodResult measure(
      double[][] s, double[] t, boolean[][] truth, List<String> ids, boolean anyHit, int top) {
    boolean[][] inTop = anyHit ? null : TopCodes.mark(s, top);
    EvalReport.Scores[] perCode = new EvalReport.Scores[s.length];
    int[] sum = new int[3];
    for (int c = 0; c < s.length; c++) {
      int[] cnt = new int[3];
      for (int i = 0; i < t.length; i++) {
        boolean pred = s[c][i] > 0 && s[c][i] >= t[i] && (inTop == null || inTop[c][i]);
        if (pred && truth[c][i]) {
          cnt[0]++;
        } else if (pred) {
          cnt[1]++;
        } else if (truth[c][i]) {
          cnt[2]++;
        }
      }
      perCode[c] = EvalReport.Scores.of(cnt[0], cnt[1], cnt[2]);
      for (int j = 0; j < 3; j++) {
        sum[j] += cnt[j];
      }
    }
    double[] macro = new double[3];
    int withGold = 0;
    double apSum = 0;
    int apCount = 0;
    for (int c = 0; c < s.length; c++) {
      int pos = count(truth[c]);
      if (pos > 0) {
        withGold++;
        macro[0] += perCode[c].precision();
        macro[1] += perCode[c].recall();
        macro[2] += perCode[c].f1();
      }
      if (pos >= CrossValidation.MAP_MIN_PASSAGES) {
        apSum += RankingMetrics.averagePrecision(s[c], truth[c], ids);
        apCount++;
      }
    }
    int w = Math.max(1, withGold);
    EvalReport.Scores micro = EvalReport.Scores.of(sum[0], sum[1], sum[2]);
    EvalReport.Scores mac =
        new EvalReport.Scores(sum[0], sum[1], sum[2], macro[0] / w, macro[1] / w, macro[2] / w);
    double meanT = 0;
    for (double x : t) {
      meanT += x;
    }
    meanT = t.length == 0 ? 0 : meanT / t.length;
    double bestT = meanT;
    double bestF1 = micro.f1();
    if (!anyHit) {
      List<boolean[]> labels = List.of(truth);
      bestT = Thresholds.bestMicroF1(s, labels, top);
      bestF1 = Thresholds.microF1(s, inTop, labels, bestT);
    }
    return new CrossValidationReport.MethodResult(
        org.quarry.model.Scores.round(meanT),
        micro,
        mac,
        apCount == 0 ? 0 : apSum / apCount,
        bestT,
        bestF1);
  }

  /** How many are true. */
  static int count(boolean[] b) {
    int n = 0;
    for (boolean x : b) {
      n += x ? 1 : 0;
    }
    return n;
  }
}
