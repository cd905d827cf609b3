package org.quarry.learn;

import java.util.ArrayList;
import java.util.List;

/**
 * Platt's calibration: a one-feature logistic regression of held-out decision values onto the
 * labels, fitted by the same LIBLINEAR solver with almost no regularisation, giving {@code P(yes |
 * f) = 1 / (1 + exp(a * f + b))}.
 */
final class PlattScaling {
  // nearly unregularised: two parameters fitted to many held-out values need no shrinking
  private static final BinaryLearner FITTER = new LiblinearLearner(1000);

  private PlattScaling() {}

  /**
   * {@code {a, b}} for decision values {@code f} with labels {@code y}; {@code {-1, 0}} (the
   * logistic of the raw value) when one class is missing.
   */
  static double[] fit(double[] f, boolean[] y) {
    boolean yes = false;
    boolean no = false;
    for (boolean v : y) {
      yes |= v;
      no |= !v;
    }
    if (!yes || !no) {
      return new double[] {-1, 0};
    }
    List<SparseVector> x = new ArrayList<>(f.length);
    for (double v : f) {
      x.add(new SparseVector(new int[] {1}, new double[] {v}));
    }
    BinaryLearner.Fit fit = FITTER.fit(FITTER.matrix(x, 1), y);
    return new double[] {-fit.weights()[0], -fit.bias()};
  }
}
