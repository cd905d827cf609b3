package org.quarry.learn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A second calibration for codes that compete for a passage. Where the researcher's coding gives a
 * coded passage one code (single-label coding, as category schemes for survey comments are), one
 * code's probability should fall when another code fits the passage better, which one-vs-rest
 * classifiers cannot see: each was fitted alone.
 *
 * <p>For each code with enough positives, a logistic regression fitted on the held-out folds (as
 * Platt's sigmoid is, nearly unregularised) maps two inputs to the probability: the code's own
 * calibrated log-odds, and its log-odds over its rivals' soft maximum, {@code z_c - log sum_{d !=
 * c} exp(z_d)}. The data set the weights: a code whose rivals tell nothing gets a rival weight near
 * zero. Codes with fewer positives keep their calibrated probability.
 *
 * @param own per classifier, the weight of its own log-odds; NaN: the probability is kept as it is
 * @param rival per classifier, the weight of its log-odds over its rivals'
 * @param bias per classifier, the intercept
 */
public record CodeCompetition(double[] own, double[] rival, double[] bias) {
  /**
   * The most coded passages with two or more codes, as a share of the coded passages, for coding to
   * count as single-label. A few doubly coded passages (a slip, a duplicate comment) should not
   * turn the competition off; coding that gives one passage in five several codes is multi-label.
   */
  public static final double MAX_MULTI_CODED = 0.05;

  // log-odds are clipped here, so a probability of 0 or 1 stays finite
  private static final double CLIP = 1e-6;

  // nearly unregularised, as Platt's fit: three parameters on many held-out values
  private static final BinaryLearner FITTER = new LiblinearLearner(1000);

  public CodeCompetition {
    if (own.length != rival.length || own.length != bias.length) {
      throw new IllegalArgumentException(
          own.length + " own weights, " + rival.length + " rival, " + bias.length + " biases");
    }
    own = own.clone();
    rival = rival.clone();
    bias = bias.clone();
  }

  /**
   * Whether the coding of these passages is single-label over {@code codes}: at most {@link
   * #MAX_MULTI_CODED} of the passages with one of them have two or more.
   */
  public static boolean singleLabel(List<Set<String>> labels, Collection<String> codes) {
    int coded = 0;
    int multi = 0;
    for (Set<String> l : labels) {
      int n = 0;
      for (String c : l) {
        n += codes.contains(c) ? 1 : 0;
      }
      coded += n > 0 ? 1 : 0;
      multi += n > 1 ? 1 : 0;
    }
    return coded > 0 && multi <= MAX_MULTI_CODED * coded;
  }

  /**
   * Fits the competition on held-out probabilities.
   *
   * @param heldOut per classifier, each training passage's held-out calibrated probability; NaN
   *     where its fold could not fit the code (that passage is left out of the code's fit, and
   *     counts as probability 0 among its rivals)
   * @param y per classifier, each passage's label
   * @param minPositives positives a code needs for a fit of its own
   */
  public static CodeCompetition fit(double[][] heldOut, List<boolean[]> y, int minPositives) {
    int codes = heldOut.length;
    double[] own = new double[codes];
    double[] rival = new double[codes];
    double[] bias = new double[codes];
    java.util.Arrays.fill(own, Double.NaN);
    if (codes < 2) {
      return new CodeCompetition(own, rival, bias);
    }
    int n = heldOut[0].length;
    double[][] z = new double[n][codes];
    double[][] rivals = new double[n][];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < codes; c++) {
        double p = heldOut[c][i];
        z[i][c] = logOdds(Double.isNaN(p) ? 0 : p);
      }
      rivals[i] = overRivals(z[i]);
    }
    for (int c = 0; c < codes; c++) {
      boolean[] yc = y.get(c);
      List<SparseVector> x = new ArrayList<>(n);
      List<Boolean> labels = new ArrayList<>(n);
      int positives = 0;
      for (int i = 0; i < n; i++) {
        if (!Double.isNaN(heldOut[c][i])) {
          x.add(new SparseVector(new int[] {1, 2}, new double[] {z[i][c], rivals[i][c]}));
          labels.add(yc[i]);
          positives += yc[i] ? 1 : 0;
        }
      }
      if (positives < minPositives || positives == labels.size()) {
        continue;
      }
      boolean[] ys = new boolean[labels.size()];
      for (int i = 0; i < ys.length; i++) {
        ys[i] = labels.get(i);
      }
      BinaryLearner.Fit fit = FITTER.fit(FITTER.matrix(x, 2), ys);
      own[c] = fit.weights()[0];
      rival[c] = fit.weights()[1];
      bias[c] = fit.bias();
    }
    return new CodeCompetition(own, rival, bias);
  }

  /** The number of codes with a fit of their own. */
  public int fitted() {
    int n = 0;
    for (double w : own) {
      n += Double.isNaN(w) ? 0 : 1;
    }
    return n;
  }

  /** The probabilities {@code p} (one per classifier, calibrated alone) after the competition. */
  public double[] apply(double[] p) {
    if (p.length != own.length) {
      throw new IllegalArgumentException(p.length + " probabilities for " + own.length + " codes");
    }
    double[] z = new double[p.length];
    for (int c = 0; c < p.length; c++) {
      z[c] = logOdds(p[c]);
    }
    double[] over = p.length < 2 ? null : overRivals(z);
    double[] out = p.clone();
    for (int c = 0; c < p.length; c++) {
      if (!Double.isNaN(own[c]) && over != null) {
        double s = own[c] * z[c] + rival[c] * over[c] + bias[c];
        out[c] = CodeClassifier.sigmoid(-1, 0, s);
      }
    }
    return out;
  }

  private static double logOdds(double p) {
    double q = Math.min(1 - CLIP, Math.max(CLIP, p));
    return Math.log(q / (1 - q));
  }

  // per code, z[c] less the log-sum-exp of the other codes' log-odds; one pass over the codes, as
  // every code's rivals are all codes but itself: the largest's rivals are led by the second
  private static double[] overRivals(double[] z) {
    int top = 0;
    for (int d = 1; d < z.length; d++) {
      top = z[d] > z[top] ? d : top;
    }
    double second = Double.NEGATIVE_INFINITY;
    for (int d = 0; d < z.length; d++) {
      second = d != top ? Math.max(second, z[d]) : second;
    }
    double sumTop = 0;
    double sumSecond = 0;
    for (int d = 0; d < z.length; d++) {
      sumTop += Math.exp(z[d] - z[top]);
      sumSecond += d != top ? Math.exp(z[d] - second) : 0;
    }
    double[] out = new double[z.length];
    for (int c = 0; c < z.length; c++) {
      out[c] =
          c == top
              ? z[c] - (second + Math.log(sumSecond))
              // the others' sum is the whole less c's own term, which is at most the top's 1
              : z[c] - (z[top] + Math.log(sumTop - Math.exp(z[c] - z[top])));
    }
    return out;
  }
}
