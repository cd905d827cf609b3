package org.quarry.learn;

import java.util.List;

/**
 * Fits one linear decision function to sparse vectors with yes/no labels. The learning library sits
 * behind this, so another can be tried under the same training and calibration.
 */
public interface BinaryLearner {
  /**
   * A linear fit.
   *
   * @param weights one weight per feature, {@code weights[i - 1]} for feature i
   * @param bias the intercept
   */
  record Fit(double[] weights, double bias) {}

  /** Training vectors in the library's own form, built once and fitted to many codes' labels. */
  interface Matrix {
    /** Number of rows. */
    int rows();
  }

  /** The rows {@code x}, vectors over {@code features} features, in the library's form. */
  Matrix matrix(List<SparseVector> x, int features);

  /**
   * Fits the rows of {@code m} to {@code y} (one label per row); both classes must occur. Safe to
   * call from several threads on the same matrix.
   */
  Fit fit(Matrix m, boolean[] y);

  /** A short name, for reports. */
  String name();
}
