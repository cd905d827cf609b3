package org.quarry.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.quarry.analysis.Glossary;
import org.quarry.api.Analysis;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexReport;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;
import org.quarry.model.SearchRequest;
import org.quarry.search.PassageSearcher;

/**
 * Quarry's benchmarks, each with a baseline measured in the same run:
 *
 * <ul>
 *   <li>indexing a corpus with CoreNLP's tagger vs. with untagged lemmas (what CoreNLP costs);
 *   <li>a warm search with facets and highlights vs. the same parsed query as a bare Lucene top-10
 *       search on the same index (what Quarry adds on top of Lucene).
 * </ul>
 */
public final class Benchmarks {
  /** The query mix: Boolean, lemma, synonym phrase, keyword wildcard, prefix, fuzzy, proximity. */
  public static final List<String> QUERIES =
      List.of(
          "voice AND ICS",
          "voices",
          "\"integrated care system\"",
          "participant:IDNS1*",
          "resilien*",
          "workload~1",
          "commissioner AND (STP OR ICS)",
          "kind:quote",
          "\"seat at the table\"~3");

  private Benchmarks() {}

  /**
   * Runs both benchmarks on {@code corpus}, with indexes under {@code work}.
   *
   * @param indexRuns index runs per annotator (each into a fresh folder)
   * @param searchRounds rounds of the query mix, after a warm-up of as many rounds
   */
  public static BenchReport run(
      Path corpus, Path glossary, Path work, int indexRuns, int searchRounds) throws IOException {
    List<Timing[]> pairs = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    // warm the JVM and load the tagger model once, so both sides run warm
    IndexReport warm = index(corpus, glossary, work.resolve("warm"), Analysis.TAGGED);
    notes.add(
        String.format(
            java.util.Locale.ROOT,
            "corpus: %s, %d passages; first (cold) run %.2f s, of it CoreNLP %.2f s with the model load",
            corpus,
            warm.passagesInIndex(),
            warm.elapsed().toMillis() / 1000.0,
            warm.annotation().toMillis() / 1000.0));
    long[] tagged = new long[indexRuns];
    long[] untagged = new long[indexRuns];
    long taggerNanos = 0;
    for (int i = 0; i < indexRuns; i++) {
      long t0 = System.nanoTime();
      IndexReport r = index(corpus, glossary, work.resolve("tagged" + i), Analysis.TAGGED);
      tagged[i] = System.nanoTime() - t0;
      taggerNanos += r.annotation().toNanos();
      t0 = System.nanoTime();
      index(corpus, glossary, work.resolve("untagged" + i), Analysis.UNTAGGED);
      untagged[i] = System.nanoTime() - t0;
    }
    pairs.add(
        new Timing[] {
          Timing.of("index, CoreNLP lemmas", tagged),
          Timing.of("  baseline: index, untagged lemmas", untagged)
        });
    notes.add(
        String.format(
            java.util.Locale.ROOT,
            "CoreNLP tagger share of warm index time: %.0f%%",
            100.0 * taggerNanos / java.util.Arrays.stream(tagged).sum()));

    Path index = work.resolve("tagged0");
    long[] quarry = new long[QUERIES.size() * searchRounds];
    long[] lucene = new long[QUERIES.size() * searchRounds];
    try (Quarry q = Quarry.open(index);
        FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir);
        PassageSearcher parser =
            PassageSearcher.open(
                dir, glossary == null ? Glossary.empty() : Glossary.load(glossary))) {
      IndexSearcher raw = new IndexSearcher(reader);
      List<String> facets = List.of("participant", "source", "kind", "section", "code");
      for (int round = -searchRounds; round < searchRounds; round++) {
        for (int i = 0; i < QUERIES.size(); i++) {
          String query = QUERIES.get(i);
          long t0 = System.nanoTime();
          q.search(SearchRequest.builder(query).facets(facets).build());
          long t1 = System.nanoTime();
          Query parsed = parser.parse(query);
          raw.search(parsed, 10);
          long t2 = System.nanoTime();
          if (round >= 0) {
            quarry[round * QUERIES.size() + i] = t1 - t0;
            lucene[round * QUERIES.size() + i] = t2 - t1;
          }
        }
      }
    }
    pairs.add(
        new Timing[] {
          Timing.of("search, warm (facets + highlights)", quarry),
          Timing.of("  baseline: same query, bare Lucene top 10", lucene)
        });
    notes.add("queries: " + String.join(" | ", QUERIES));
    return new BenchReport(pairs, notes);
  }

  private static IndexReport index(Path corpus, Path glossary, Path dir, Analysis analysis)
      throws IOException {
    deleteTree(dir);
    try (Quarry q = Quarry.open(dir, analysis)) {
      return q.index(new IndexRequest(List.of(corpus), null, glossary), IndexProgress.NONE);
    }
  }

  // Lucene's recursive delete: a folder and everything under it, nothing when it is not there
  static void deleteTree(Path dir) throws IOException {
    org.apache.lucene.util.IOUtils.rm(dir);
  }
}
