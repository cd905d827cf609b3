package org.quarry.bench;

import java.io.IOException;
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
   */
  public record Latencies(long[] quarry, long[] lucene) {}

  private SearchMix() {}

  /**
   * Runs the mix {@code rounds} times on each side, after as many warm-up rounds, alternating the
   * sides query by query so both see the same cache state.
   */
  public static Latencies run(Path index, int rounds) throws IOException {
    int n = QUERIES.size();
    long[] quarry = new long[n * rounds];
    long[] lucene = new long[n * rounds];
    try (Quarry q = Quarry.open(index);
        FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir);
        PassageSearcher parser = PassageSearcher.open(dir, Glossary.empty())) {
      IndexSearcher raw = new IndexSearcher(reader);
      for (int round = -rounds; round < rounds; round++) {
        for (int i = 0; i < n; i++) {
          MixQuery m = QUERIES.get(i);
          long t0 = System.nanoTime();
          q.search(m.request());
          long t1 = System.nanoTime();
          raw.search(parser.parse(m.bareQuery()), 10);
          long t2 = System.nanoTime();
          if (round >= 0) {
            quarry[round * n + i] = t1 - t0;
            lucene[round * n + i] = t2 - t1;
          }
        }
      }
    }
    return new Latencies(quarry, lucene);
  }

  /** The {@code p}th percentile (0 to 100, nearest rank) of {@code nanos}, in milliseconds. */
  public static double percentileMs(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    java.util.Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }
}
