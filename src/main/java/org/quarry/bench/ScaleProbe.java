package org.quarry.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The scale benchmark's memory check, run in a child JVM with a small heap ({@code -Xmx1g}): the
 * search mix and the bulk suggestion on an existing index, then one line {@code peakMib=… p99Ms=…
 * suggestSeconds=…} on stdout. A heap too small ends the JVM with a non-zero exit.
 */
public final class ScaleProbe {
  private ScaleProbe() {}

  /**
   * Arguments: index folder, seed, codes, search rounds, warm-up rounds ({@link
   * SearchMix#UNTIL_SETTLED}: until the JIT settles).
   */
  public static void main(String[] args) throws IOException {
    Path index = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    int codes = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    int warmUp = Integer.parseInt(args[4]);
    HeapPeak.reset();
    SearchMix.Latencies l = SearchMix.run(index, rounds, warmUp);
    long t0 = System.nanoTime();
    ScaleBenchmark.suggestAll(index, ScaleCodebook.of(seed, codes));
    long suggest = System.nanoTime() - t0;
    System.out.println(
        String.format(
            Locale.ROOT,
            "peakMib=%.1f p99Ms=%.3f suggestSeconds=%.3f",
            HeapPeak.mib(),
            SearchMix.percentileMs(l.quarry(), 99),
            suggest / 1e9));
  }
}
