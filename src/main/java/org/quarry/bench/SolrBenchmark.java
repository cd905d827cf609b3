package org.quarry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.quarry.api.Analysis;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.api.SolrIndex;
import org.quarry.model.SearchResult;

/**
 * The SolrCloud benchmark ({@code quarry bench --solr URL --scale N}): a {@link ScaleCorpus} of N
 * passages indexed locally (untagged lemmas, so the figure is about storing, not CoreNLP), then
 * sent to the collection by one worker and by two workers at once (each its share), and the {@link
 * SearchMix} run through Solr and through the local index, alternately, query by query. Every
 * figure is measured in the same run as its baseline, the local index.
 */
public final class SolrBenchmark {
  private SolrBenchmark() {}

  /** Runs the benchmark in {@code work} and returns its Markdown table. */
  public static String run(
      String solrUrl, int passages, long seed, int rounds, Path work, Consumer<String> phase)
      throws IOException {
    Path study = work.resolve("study");
    Files.createDirectories(study);
    phase.accept("generating " + passages + " passages");
    ScaleCorpus.Written w = new ScaleCorpus(seed, passages).write(study, work.resolve("lines.txt"));
    Path index = work.resolve("index");
    try (Quarry local = Quarry.open(index, Analysis.UNTAGGED);
        SolrIndex solr = SolrIndex.at(solrUrl)) {
      phase.accept("indexing locally");
      long t0 = System.nanoTime();
      local.index(IndexRequest.of(study), IndexProgress.NONE);
      double localS = (System.nanoTime() - t0) / 1e9;

      phase.accept("sending to " + solr + " with one worker");
      long t1 = System.nanoTime();
      SolrIndex.Sent one = solr.send(local, null);
      double oneS = (System.nanoTime() - t1) / 1e9;

      phase.accept("sending with two workers at once");
      long t2 = System.nanoTime();
      int twoPassages = 0;
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<SolrIndex.Sent>> shares = new ArrayList<>();
        for (String share : List.of("1/2", "2/2")) {
          shares.add(pool.submit(() -> solr.send(local, share)));
        }
        for (Future<SolrIndex.Sent> f : shares) {
          twoPassages += f.get().passages();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof QuarryException q) {
          throw q;
        }
        throw new IOException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
      double twoS = (System.nanoTime() - t2) / 1e9;

      phase.accept("searching: " + rounds + " rounds of the query mix on each side");
      int n = SearchMix.QUERIES.size();
      long[] viaSolr = new long[n * rounds];
      long[] viaLocal = new long[n * rounds];
      for (int round = -rounds; round < rounds; round++) {
        for (int i = 0; i < n; i++) {
          var request = SearchMix.QUERIES.get(i).request();
          long a = System.nanoTime();
          SearchResult r1 = local.search(request);
          long b = System.nanoTime();
          SearchResult r2 = solr.search(local, request);
          long c = System.nanoTime();
          if (r1.total() != r2.total()) {
            throw new QuarryException(
                "bench: '"
                    + request.query()
                    + "' finds "
                    + r1.total()
                    + " passages locally and "
                    + r2.total()
                    + " in Solr");
          }
          if (round >= 0) {
            viaLocal[round * n + i] = b - a;
            viaSolr[round * n + i] = c - b;
          }
        }
      }
      phase.accept("suggesting " + ScaleBenchmark.CODES + " codes on each side");
      org.quarry.model.Codebook book = ScaleCodebook.of(seed, ScaleBenchmark.CODES);
      org.quarry.model.SuggestOptions options = org.quarry.model.SuggestOptions.defaults();
      // alternately, twice each, the second counted: the first warms each side's caches
      double suggestLocalS = 0;
      double suggestSolrS = 0;
      org.quarry.model.SuggestionRun lastLocal = null;
      org.quarry.model.SuggestionRun lastSolr = null;
      for (int round = 0; round < 2; round++) {
        long a = System.nanoTime();
        org.quarry.model.SuggestionRun mine =
            local.suggest(
                book,
                options,
                java.util.OptionalDouble.empty(),
                org.quarry.model.SuggestProgress.NONE);
        long b = System.nanoTime();
        org.quarry.model.SuggestionRun theirs =
            solr.suggest(
                    local,
                    book,
                    options,
                    java.util.OptionalDouble.empty(),
                    org.quarry.model.SuggestProgress.NONE)
                .run();
        long c = System.nanoTime();
        if (suggestions(mine) != suggestions(theirs)
            || mine.passages().size() != theirs.passages().size()) {
          throw new QuarryException(
              "bench: "
                  + suggestions(mine)
                  + " suggestions locally and "
                  + suggestions(theirs)
                  + " through Solr");
        }
        suggestLocalS = (b - a) / 1e9;
        suggestSolrS = (c - b) / 1e9;
        lastLocal = mine;
        lastSolr = theirs;
      }
      StringBuilder t = new StringBuilder();
      t.append(
          String.format(
              Locale.ROOT,
              "SolrCloud benchmark: %,d passages of %,d sources (%,d bytes of passage text), seed %d, %s%n%n",
              w.passages(),
              w.sources(),
              w.passageBytes(),
              seed,
              solr));
      t.append(
          "| figure | Solr | local index (baseline) | ratio |\n| --- | ---: | ---: | ---: |\n");
      row(
          t,
          "index, 1 worker: passages/s (local: annotate and write; Solr: send)",
          one.passages() / oneS,
          w.passages() / localS);
      row(
          t,
          "index, 2 workers at once: passages/s (send)",
          twoPassages / twoS,
          w.passages() / localS);
      for (double p : new double[] {50, 95, 99}) {
        row(
            t,
            "search p"
                + (int) p
                + " (ms), "
                + n
                + " queries x "
                + rounds
                + " rounds, 4 facets, highlights",
            SearchMix.percentileMs(viaSolr, p),
            SearchMix.percentileMs(viaLocal, p));
      }
      row(
          t,
          "suggest "
              + ScaleBenchmark.CODES
              + " codes, every passage, with evidence (s; Solr: one query per code)",
          suggestSolrS,
          suggestLocalS);
      t.append(
          String.format(
              Locale.ROOT,
              "%nWall s: local index %.1f; send, 1 worker %.1f; send, 2 workers %.1f; suggest:"
                  + " local scoring %.1f + evidence %.1f, Solr scoring %.1f + evidence %.1f;"
                  + " %,d suggestions on %,d passages each side.%n",
              localS,
              oneS,
              twoS,
              lastLocal.scoringNanos() / 1e9,
              lastLocal.evidenceNanos() / 1e9,
              lastSolr.scoringNanos() / 1e9,
              lastSolr.evidenceNanos() / 1e9,
              suggestions(lastLocal),
              lastLocal.passages().size()));
      return t.toString();
    }
  }

  private static int suggestions(org.quarry.model.SuggestionRun run) {
    return run.passages().stream().mapToInt(p -> p.suggestions().size()).sum();
  }

  private static void row(StringBuilder t, String figure, double solr, double local) {
    t.append(
        String.format(
            Locale.ROOT, "| %s | %,.1f | %,.1f | %.2fx |%n", figure, solr, local, solr / local));
  }
}
