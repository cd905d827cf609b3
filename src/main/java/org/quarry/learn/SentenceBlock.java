package org.quarry.learn;

/**
 * The sentence-vector block of a {@link Vocabulary}: a passage's {@link SentenceEncoder} vector
 * less the training passages' mean, at unit length times {@code weight}. Sentence encoders give
 * every text a large shared direction (any two passages have a cosine well above zero); taking the
 * mean away leaves what tells passages apart, which is what a linear model can weigh.
 *
 * @param encoder the encoder's name ({@link SentenceEncoder#named})
 * @param weight the block's length, positive
 * @param mean the training passages' mean vector
 */
public record SentenceBlock(String encoder, double weight, float[] mean) {
  public SentenceBlock {
    if (!(weight > 0)) {
      throw new IllegalArgumentException("sentence vector weight must be positive, got " + weight);
    }
    mean = mean.clone();
  }

  @Override
  public float[] mean() {
    return mean.clone();
  }

  /** Length of the block: the encoder's dimensions. */
  int dimensions() {
    return mean.length;
  }

  /**
   * The block of {@code vector}: centred, at unit length times the weight; zeros when it is the
   * mean.
   */
  double[] features(float[] vector) {
    if (vector.length != mean.length) {
      throw new IllegalArgumentException(
          "sentence vector of " + vector.length + " dimensions, the model has " + mean.length);
    }
    double[] c = new double[mean.length];
    double n = 0;
    for (int d = 0; d < c.length; d++) {
      c[d] = (double) vector[d] - mean[d];
      n += c[d] * c[d];
    }
    if (n > 0) {
      double s = weight / Math.sqrt(n);
      for (int d = 0; d < c.length; d++) {
        c[d] *= s;
      }
    }
    return c;
  }

  /** The mean of {@code vectors}, which must all be as long. */
  static float[] mean(Iterable<float[]> vectors, int dimensions) {
    double[] sum = new double[dimensions];
    int n = 0;
    for (float[] v : vectors) {
      for (int d = 0; d < dimensions; d++) {
        sum[d] += v[d];
      }
      n++;
    }
    float[] m = new float[dimensions];
    for (int d = 0; n > 0 && d < dimensions; d++) {
      m[d] = (float) (sum[d] / n);
    }
    return m;
  }
}
