package org.quarry.learn;

/**
 * One code's learned classifier: a linear decision function over a {@link Vocabulary}'s features
 * and the Platt sigmoid that turns its value into a calibrated probability, {@code 1 / (1 + exp(a *
 * f + b))}.
 *
 * @param code the code id
 * @param weights one weight per feature ({@code weights[i - 1]} for feature i)
 * @param bias the decision function's intercept
 * @param a Platt slope (negative: a higher decision value is a higher probability)
 * @param b Platt offset
 * @param positives training passages with the code
 */
public record CodeClassifier(
    String code, double[] weights, double bias, double a, double b, int positives) {
  /** The decision value of {@code x}. */
  public double decision(SparseVector x) {
    return x.dot(weights, bias);
  }

  /** The calibrated probability that {@code x} has the code. */
  public double probability(SparseVector x) {
    return sigmoid(a, b, decision(x));
  }

  /** Platt's sigmoid of decision value {@code f}. */
  static double sigmoid(double a, double b, double f) {
    double z = a * f + b;
    // the two forms avoid overflow of exp for large |z|
    return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
  }
}
