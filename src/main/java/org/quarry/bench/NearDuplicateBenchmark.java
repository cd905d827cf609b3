package org.quarry.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.quarry.index.DuplicateFinder;
import org.quarry.index.DuplicateMarks;
import org.quarry.model.TextSignature;

/**
 * Near-duplicate marking of many sources from their MinHash signatures alone (no index): the banded
 * search ({@link DuplicateMarks#of}) on the whole {@link NearDuplicateCorpus}, against testing
 * every pair ({@link DuplicateMarks#exhaustive}) on its first sources, and the banded search on
 * those same first sources, whose marks must equal the exhaustive ones.
 */
public final class NearDuplicateBenchmark {
  private NearDuplicateBenchmark() {}

  /**
   * Runs it.
   *
   * @param sources synthetic sources marked by the banded search
   * @param exhaustiveSources the first sources also marked by testing every pair (at most {@code
   *     sources})
   * @param rounds timed runs of each side
   * @param seed the corpus's seed
   */
  public static BenchReport run(int sources, int exhaustiveSources, int rounds, long seed) {
    int small = Math.min(sources, exhaustiveSources);
    DuplicateFinder finder = new MinHashFinder();
    NearDuplicateCorpus corpus = new NearDuplicateCorpus(seed);
    long t0 = System.nanoTime();
    // signing is part of indexing, not of marking: done once, on every core, and reported apart
    List<TextSignature> all =
        IntStream.range(0, sources)
            .parallel()
            .mapToObj(i -> finder.signature(corpus.text(i)))
            .toList();
    long signing = System.nanoTime() - t0;
    List<TextSignature> first = all.subList(0, small);

    Run bandedSmall = time(rounds, first, finder, DuplicateMarks::of);
    Run exhaustive = time(rounds, first, finder, DuplicateMarks::exhaustive);
    Run bandedAll = time(rounds, all, finder, DuplicateMarks::of);

    // the tests each side makes, counted once outside the timed runs
    CountingFinder counting = new CountingFinder(finder);
    DuplicateMarks.of(all, counting);
    long bandedTests = counting.tests.get();

    List<Timing[]> pairs =
        List.of(
            new Timing[] {
              Timing.of(
                  String.format(Locale.ROOT, "mark, banded, %,d sources", small),
                  bandedSmall.nanos),
              Timing.of(
                  String.format(Locale.ROOT, "  baseline: every pair, %,d sources", small),
                  exhaustive.nanos)
            },
            new Timing[] {
              Timing.of(
                  String.format(Locale.ROOT, "mark, banded, %,d sources", sources),
                  bandedAll.nanos),
              Timing.of(
                  String.format(Locale.ROOT, "  baseline: every pair, %,d sources", small),
                  exhaustive.nanos)
            });
    double exhaustiveMs = Timing.of("", exhaustive.nanos).medianMs();
    double scale = (double) sources * (sources - 1) / ((double) small * (small - 1));
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "near duplicates: %,d synthetic sources (seed %d, %d%% planted variants), signed in %.1f s on %d threads (not in the timings)",
            sources,
            seed,
            NearDuplicateCorpus.PLANTED_PERCENT,
            signing / 1e9,
            Runtime.getRuntime().availableProcessors()));
    notes.add(
        String.format(
            Locale.ROOT,
            "first %,d sources: banded marks %s the exhaustive ones (%,d sources marked duplicates)",
            small,
            Arrays.equals(bandedSmall.marks, exhaustive.marks) ? "equal" : "DIFFER FROM",
            marked(exhaustive.marks)));
    notes.add(
        String.format(
            Locale.ROOT,
            "all %,d sources: %,d marked duplicates; %,d pair tests banded vs %,d for every pair (%.4f%%)",
            sources,
            marked(bandedAll.marks),
            bandedTests,
            (long) sources * (sources - 1) / 2,
            100.0 * bandedTests / ((double) sources * (sources - 1) / 2)));
    notes.add(
        String.format(
            Locale.ROOT,
            "CPU time of the marking thread, median (less disturbed by other load than wall time): banded %,d: %.2f s; every pair %,d: %.2f s; banded %,d: %.2f s",
            small,
            bandedSmall.medianCpuSeconds(),
            small,
            exhaustive.medianCpuSeconds(),
            sources,
            bandedAll.medianCpuSeconds()));
    notes.add(
        String.format(
            Locale.ROOT,
            "every pair of all %,d sources, extrapolated from %,d by pair count (not measured): %.0f s wall, %.0f s CPU",
            sources,
            small,
            exhaustiveMs * scale / 1000,
            exhaustive.medianCpuSeconds() * scale));
    return new BenchReport(pairs, notes);
  }

  // wall-clock and this thread's CPU time of each round (the marking runs on one thread)
  private record Run(long[] nanos, long[] cpuNanos, int[] marks) {
    double medianCpuSeconds() {
      return Timing.of("", cpuNanos).medianMs() / 1000;
    }
  }

  private static Run time(
      int rounds,
      List<TextSignature> signatures,
      DuplicateFinder finder,
      BiFunction<List<TextSignature>, DuplicateFinder, int[]> marking) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] nanos = new long[rounds];
    long[] cpuNanos = new long[rounds];
    int[] marks = null;
    for (int round = 0; round < rounds; round++) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      marks = marking.apply(signatures, finder);
      nanos[round] = System.nanoTime() - t0;
      cpuNanos[round] = threads.getCurrentThreadCpuTime() - cpu0;
    }
    return new Run(nanos, cpuNanos, marks);
  }

  private static int marked(int[] marks) {
    return (int) Arrays.stream(marks).filter(m -> m != DuplicateMarks.NONE).count();
  }

  // counts the pair tests a marking makes
  private static final class CountingFinder implements DuplicateFinder {
    private final DuplicateFinder finder;
    private final AtomicLong tests = new AtomicLong();

    CountingFinder(DuplicateFinder finder) {
      this.finder = finder;
    }

    @Override
    public TextSignature signature(String text) {
      return finder.signature(text);
    }

    @Override
    public boolean nearDuplicate(TextSignature a, TextSignature b) {
      tests.incrementAndGet();
      return finder.nearDuplicate(a, b);
    }

    @Override
    public long[] bandKeys(TextSignature signature) {
      return finder.bandKeys(signature);
    }
  }
}
