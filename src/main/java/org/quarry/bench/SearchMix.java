package org.quarry.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.quarry.analysis.Glossary;
import org.quarry.api.Quarry;
import org.quarry.model.SearchRequest;
import org.quarry.search.PassageSearcher;

/**
 * The scale benchmark's fixed query mix, one of each kind a researcher types (term, AND, OR,
 * phrase, proximity, wildcard, field, filter), in the words of a {@link ScaleCorpus}; each runs in
 * Quarry with {@link #FACETS} and highlights, and as the same parsed query on bare Lucene (top 10,
 * nothing else), on the same index.
 */
public final class SearchMix {
  /** The facets every Quarry search of the mix counts. */
  public static final List<String> FACETS = List.of("participant", "source", "kind", "section");

  /**
   * One query of the mix.
   *
   * @param kind what it exercises
   * @param query the query
   * @param filterKind a drill-down filter on the kind facet, or null
   */
  public record MixQuery(String kind, String query, String filterKind) {
    SearchRequest request() {
      SearchRequest.Builder b = SearchRequest.builder(query).facets(FACETS);
      return filterKind == null ? b.build() : b.filter("kind", filterKind).build();
    }

    // the filter as a clause of the bare query: the same passages, without drill-down's machinery
    String bareQuery() {
      return filterKind == null ? query : "(" + query + ") AND kind:" + filterKind;
    }
  }

  /** The mix, in the order it runs. */
  public static final List<MixQuery> QUERIES =
      List.of(
          new MixQuery("term", "appointment", null),
          new MixQuery("AND", "nurse AND discharge", null),
          new MixQuery("OR", "receptionist OR pharmacist OR locum", null),
          new MixQuery("phrase", "\"continuity of care\"", null),
          new MixQuery("proximity", "\"waiting appointment\"~5", null),
          new MixQuery("wildcard", "physio*", null),
          new MixQuery("field", "kind:interviewer AND referral", null),
          new MixQuery("filter", "medication", "response"));

  /**
   * Latencies, in nanoseconds, of each side, one per query run.
   *
   * @param quarry Quarry's searches
   * @param lucene bare Lucene's
   * @param warmUpRounds the rounds run before measuring
   * @param settled whether the warm-up saw the JIT compiler settle (false: a fixed warm-up, none
   *     within {@link #MAX_WARM_UP_ROUNDS}, or a JVM that does not report its compilation time)
   */
  public record Latencies(long[] quarry, long[] lucene, int warmUpRounds, boolean settled) {}

  /**
   * Rounds of a warm-up window: warming up ends with the first window in which the JIT compiled for
   * less than {@link #SETTLED_SHARE} of the window's wall time.
   */
  static final int SETTLE_WINDOW = 10;

  /** Share of a window's wall time spent compiling below which the JIT has settled. */
  static final double SETTLED_SHARE = 0.05;

  /** Warm-up rounds at most, settled or not. */
  static final int MAX_WARM_UP_ROUNDS = 1_000;

  /** {@link #run}'s warm-up that goes on until the JIT compiler settles. */
  public static final int UNTIL_SETTLED = -1;

  private SearchMix() {}

  /**
   * Runs the mix {@code rounds} times on each side, alternating the sides query by query so both
   * see the same cache state, after {@code warmUpRounds} rounds, or with {@link #UNTIL_SETTLED}
   * after at least {@code rounds} rounds and on until the JIT compiler settles (see {@link
   * #SETTLE_WINDOW}). Settled latencies are those of a long-running process such as {@code serve}:
   * on two cores, a JIT still compiling takes most of a core from the searches (at 1M passages it
   * compiled for about 270 rounds, 25 s), a cost of the process's first minute, not of a search.
   *
   * @throws IllegalArgumentException when {@code rounds} is below 1 or {@code warmUpRounds} below 0
   *     and not {@link #UNTIL_SETTLED}
   */
  public static Latencies run(Path index, int rounds, int warmUpRounds) throws IOException {
    if (rounds < 1 || (warmUpRounds < 0 && warmUpRounds != UNTIL_SETTLED)) {
      throw new IllegalArgumentException(
          "rounds must be 1 or more and warm-up rounds 0 or more, got "
              + rounds
              + " and "
              + warmUpRounds);
    }
    int n = QUERIES.size();
    long[] quarry = new long[n * rounds];
    long[] lucene = new long[n * rounds];
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean reported = jit != null && jit.isCompilationTimeMonitoringSupported();
    try (Quarry q = Quarry.open(index);
        FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir);
        PassageSearcher parser = PassageSearcher.open(dir, Glossary.empty())) {
      IndexSearcher raw = new IndexSearcher(reader);
      long[] ignored = new long[n];
      boolean untilSettled = warmUpRounds == UNTIL_SETTLED;
      int warmUp = 0;
      while (warmUp < (untilSettled ? rounds : warmUpRounds)) {
        round(q, raw, parser, ignored, ignored, 0);
        warmUp++;
      }
      boolean settled = false;
      while (untilSettled && reported && !settled && warmUp < MAX_WARM_UP_ROUNDS) {
        long compiled = jit.getTotalCompilationTime();
        long start = System.nanoTime();
        for (int r = 0; r < SETTLE_WINDOW; r++) {
          round(q, raw, parser, ignored, ignored, 0);
        }
        warmUp += SETTLE_WINDOW;
        double wallMs = (System.nanoTime() - start) / 1e6;
        settled = jit.getTotalCompilationTime() - compiled < SETTLED_SHARE * wallMs;
      }
      for (int round = 0; round < rounds; round++) {
        round(q, raw, parser, quarry, lucene, round * n);
      }
      return new Latencies(quarry, lucene, warmUp, settled);
    }
  }

  // one round of the mix on both sides, their latencies written from index at
  private static void round(
      Quarry q, IndexSearcher raw, PassageSearcher parser, long[] quarry, long[] lucene, int at)
      throws IOException {
    for (int i = 0; i < QUERIES.size(); i++) {
      MixQuery m = QUERIES.get(i);
      long t0 = System.nanoTime();
      q.search(m.request());
      long t1 = System.nanoTime();
      raw.search(parser.parse(m.bareQuery()), 10);
      long t2 = System.nanoTime();
      quarry[at + i] = t1 - t0;
      lucene[at + i] = t2 - t1;
    }
  }

  /** The {@code p}th percentile (0 to 100, nearest rank) of {@code nanos}, in milliseconds. */
  public static double percentileMs(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    java.util.Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }
}
