package org.quarry.bench;

import java.util.List;
import java.util.Locale;

/**
 * Benchmark results: each measured figure next to its same-run baseline.
 *
 * @param pairs measured timing and its baseline, in order
 * @param notes what each pair means
 */
public record BenchReport(List<Timing[]> pairs, List<String> notes) {

  /** The ratio measured / baseline of pair {@code i}, by medians. */
  public double ratio(int i) {
    return pairs.get(i)[0].medianMs() / pairs.get(i)[1].medianMs();
  }

  /** A plain-text table. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT, "%-44s %6s %10s %10s%n", "timing", "runs", "median ms", "p90 ms"));
    for (int i = 0; i < pairs.size(); i++) {
      sb.append(pairs.get(i)[0].row()).append(System.lineSeparator());
      sb.append(pairs.get(i)[1].row()).append(System.lineSeparator());
      sb.append(
          String.format(Locale.ROOT, "%-44s %28.2fx%n", "  ratio (measured / baseline)", ratio(i)));
    }
    for (String n : notes) {
      sb.append(n).append(System.lineSeparator());
    }
    return sb.toString();
  }
}
