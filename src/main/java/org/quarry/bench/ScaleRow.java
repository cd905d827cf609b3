package org.quarry.bench;

/**
 * One figure of the scale benchmark next to its same-run baseline.
 *
 * @param figure what is measured
 * @param unit its unit
 * @param measured Quarry's figure
 * @param baselineName what the baseline is
 * @param baseline the baseline's figure, in the same unit; NaN when the row has none
 * @param target the target, or empty
 * @param pass whether the target is met; null when the row has no target or it is not judged at
 *     this size
 */
public record ScaleRow(
    String figure,
    String unit,
    double measured,
    String baselineName,
    double baseline,
    String target,
    Boolean pass) {

  /** Measured over baseline; NaN without a baseline. */
  public double ratio() {
    return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : measured / baseline;
  }
}
