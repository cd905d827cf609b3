package org.quarry.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Summary of repeated timings.
 *
 * @param name what was timed
 * @param runs how many timings
 * @param medianMs median, milliseconds
 * @param p90Ms 90th percentile, milliseconds
 */
public record Timing(String name, int runs, double medianMs, double p90Ms) {

  /** Summarises nanosecond timings. */
  public static Timing of(String name, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new Timing(
        name,
        sorted.length,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.floor(sorted.length * 0.9)] / 1e6);
  }

  /** One table row. */
  String row() {
    return String.format(Locale.ROOT, "%-44s %6d %10.2f %10.2f", name, runs, medianMs, p90Ms);
  }
}
