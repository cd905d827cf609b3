package org.quarry.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule for scores in every output: half up, on the decimal value (so 0.125 is 0.13
 * and 0.0005 is 0.001, which binary arithmetic would not give). Data outputs (JSON, JSON Lines, the
 * cross-validation figures) carry {@link #DECIMALS} decimals; tables and text for people print
 * fewer with {@link #format}, from the same rule.
 */
public final class Scores {
  /** Decimals a score keeps in data outputs: stable output, no float noise in golden files. */
  public static final int DECIMALS = 4;

  private Scores() {}

  /** {@code score} to {@value #DECIMALS} decimals, half up. */
  public static double round(double score) {
    if (Double.isNaN(score) || Double.isInfinite(score)) {
      return score;
    }
    return BigDecimal.valueOf(score).setScale(DECIMALS, RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * {@code score} printed with {@code decimals} decimals, half up (e.g. {@code 0.70} for 0.705 at
   * 2).
   */
  public static String format(double score, int decimals) {
    return BigDecimal.valueOf(score).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }
}
