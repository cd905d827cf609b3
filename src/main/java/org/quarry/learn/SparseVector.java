package org.quarry.learn;

/**
 * A sparse feature vector: increasing feature indices from 1 (LIBLINEAR's numbering) and their
 * values.
 *
 * @param indices feature indices, strictly increasing, each at least 1
 * @param values the value of each
 */
public record SparseVector(int[] indices, double[] values) {
  public SparseVector {
    if (indices.length != values.length) {
      throw new IllegalArgumentException("indices and values differ in length");
    }
  }

  /**
   * The dot product with dense weights {@code w} ({@code w[i - 1]} for index i) plus {@code bias}.
   */
  public double dot(double[] w, double bias) {
    double s = bias;
    for (int i = 0; i < indices.length; i++) {
      int f = indices[i] - 1;
      if (f < w.length) {
        s += w[f] * values[i];
      }
    }
    return s;
  }
}
