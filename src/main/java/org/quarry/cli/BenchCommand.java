package org.quarry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quarry.api.QuarryException;
import org.quarry.bench.BenchReport;
import org.quarry.bench.Benchmarks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quarry bench}: index and search timings, each against a same-run baseline. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Time indexing (CoreNLP vs untagged lemmas) and warm searches (Quarry vs bare Lucene) "
            + "on a corpus (default seeds/), in temporary indexes; prints medians and ratios.")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "CORPUS",
      description = "Folder to index (default: seeds/).")
  Path corpus;

  @Option(
      names = "--index-runs",
      defaultValue = "3",
      description = "Index runs per side (default ${DEFAULT-VALUE}).")
  int indexRuns;

  @Option(
      names = "--search-rounds",
      defaultValue = "30",
      description = "Rounds of the query mix (default ${DEFAULT-VALUE}).")
  int searchRounds;

  // read by QuarryCommand before parsing; declared here so that every verb takes it, as an internal
  // error's message asks
  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;

  @Option(
      names = "--warm-up-rounds",
      paramLabel = "N",
      description =
          "With --scale: rounds of the query mix before measuring (default: at least"
              + " --search-rounds, then on until the JIT compiler settles, as in a running server).")
  Integer warmUpRounds;

  @Option(
      names = "--suggest",
      description = "Run the bulk-suggestion benchmark on a synthetic corpus instead.")
  boolean suggest;

  @Option(
      names = "--learn",
      description =
          "Run the learned suggester's benchmark (training and applying) on synthetic coded passages instead.")
  boolean learn;

  @Option(
      names = "--near-duplicates",
      description =
          "Time near-duplicate marking of synthetic sources' signatures instead: banded (LSH) on "
              + "--sources, against every pair on the first --exhaustive-sources.")
  boolean nearDuplicates;

  @Option(
      names = "--sources",
      paramLabel = "N",
      defaultValue = "100000",
      description = "Synthetic sources for --near-duplicates (default ${DEFAULT-VALUE}).")
  int sources;

  @Option(
      names = "--exhaustive-sources",
      paramLabel = "N",
      defaultValue = "5000",
      description =
          "Sources also compared pair by pair for --near-duplicates (default ${DEFAULT-VALUE}).")
  int exhaustiveSources;

  // null: 200,000 for --suggest, 20,000 for --learn
  @Option(
      names = "--passages",
      paramLabel = "N",
      description = "Synthetic passages (default 200000 for --suggest, 20000 for --learn).")
  Integer passagesOption;

  // null: 100 for --suggest, 50 for --learn
  @Option(
      names = "--codes",
      paramLabel = "N",
      description = "Synthetic codes (default 100 for --suggest, 50 for --learn).")
  Integer codesOption;

  private int passages;
  private int codes;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description =
          "Measured runs per side for --suggest and --near-duplicates (default ${DEFAULT-VALUE});"
              + " cold searches for --cold-start and --scale (default 10; with --scale, 0 leaves"
              + " cold start out).")
  int rounds;

  // null: as many as there are processors
  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Threads of suggest for --suggest (default: the number of processors), compared with 1.")
  Integer threads;

  @Option(
      names = "--cold-start",
      description =
          "Time cold processes instead: bin/quarry search (--rounds, default 10 here) and serve"
              + " (launch to first answer, 5) on an index of CORPUS, each paired with a plain"
              + " java -jar run.")
  boolean coldStart;

  @Option(
      names = "--scale",
      paramLabel = "N",
      description =
          "Run the benchmark at scale instead: a seeded synthetic study of N passages (interviews"
              + " and surveys) indexed with CoreNLP and untagged lemmas, searched and coded, each"
              + " figure against a same-run baseline; prints a Markdown table (or --format json).")
  Integer scale;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text (a Markdown table for --scale) or json (--scale only).")
  String format;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the synthetic corpus and codebook (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--solr",
      paramLabel = "URL",
      description =
          "With --scale: index N synthetic passages locally and send them to this SolrCloud collection (http://host:8983/solr/COLLECTION, which they replace) with one and two workers, then time the query mix through Solr against the local index.")
  String solr;

  @Option(
      names = "--sentence-passages",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "With --learn: also encode N generated passages with the opt-in sentence encoder"
              + " (learn --sentence-vectors), against applying the model to as many (default 0: skip).")
  int sentencePassages;

  @Override
  public Integer call() throws IOException {
    passages = passagesOption != null ? passagesOption : learn ? 20_000 : 200_000;
    codes = codesOption != null ? codesOption : learn ? 50 : 100;
    if (!format.equals("text") && !format.equals("json")) {
      throw new QuarryException("--format must be text or json, got " + format);
    }
    if (solr != null) {
      if (warmUpRounds != null) {
        throw new QuarryException(
            "--warm-up-rounds is for --scale without --solr (the Solr bench warms up as many rounds"
                + " as it measures)");
      }
      return solrBench();
    }
    if (scale != null) {
      return scaleBench();
    }
    if (warmUpRounds != null) {
      throw new QuarryException("--warm-up-rounds is for --scale only");
    }
    if (format.equals("json")) {
      throw new QuarryException("--format json is for --scale only");
    }
    if (coldStart) {
      return coldStartBench();
    }
    if (learn) {
      if (passages < 1 || codes < 1 || rounds < 1 || (threads != null && threads < 1)) {
        throw new QuarryException("--passages, --codes, --rounds and --threads must be 1 or more");
      }
      if (sentencePassages < 0) {
        throw new QuarryException("--sentence-passages must be 0 or more");
      }
      BenchReport report =
          org.quarry.bench.LearnBenchmark.run(
              passages,
              codes,
              rounds,
              seed,
              threads == null ? org.quarry.model.SuggestOptions.defaultThreads() : threads,
              sentencePassages);
      spec.commandLine().getOut().print(report.table());
      return 0;
    }
    if (suggest) {
      return suggestBench();
    }
    if (nearDuplicates) {
      if (sources < 2 || exhaustiveSources < 2 || rounds < 1) {
        throw new QuarryException(
            "--sources and --exhaustive-sources must be 2 or more, --rounds 1 or more");
      }
      spec.commandLine()
          .getOut()
          .print(
              org.quarry.bench.NearDuplicateBenchmark.run(sources, exhaustiveSources, rounds, seed)
                  .table());
      return 0;
    }
    if (indexRuns < 1 || searchRounds < 1) {
      throw new QuarryException("--index-runs and --search-rounds must be 1 or more");
    }
    QuarryHome home = QuarryHome.fromSystem();
    Path target = corpus == null ? home.seeds() : corpus;
    if (!Files.isDirectory(target)) {
      throw new QuarryException(target + ": no such folder");
    }
    Path glossary = home.seeds().resolve("nhs-glossary.txt");
    Path work = Files.createTempDirectory("quarry-bench");
    try {
      BenchReport report =
          Benchmarks.run(
              target,
              Files.isRegularFile(glossary) ? glossary : null,
              work,
              indexRuns,
              searchRounds);
      spec.commandLine().getOut().print(report.table());
    } finally {
      deleteQuietly(work);
    }
    return 0;
  }

  private Integer coldStartBench() throws IOException {
    int runs = spec.commandLine().getParseResult().hasMatchedOption("--rounds") ? rounds : 10;
    if (runs < 1) {
      throw new QuarryException("--rounds must be 1 or more");
    }
    QuarryHome home = QuarryHome.fromSystem();
    Path words = corpus == null ? home.seeds() : corpus;
    if (!Files.isDirectory(words)) {
      throw new QuarryException(words + ": no such folder");
    }
    org.quarry.bench.ColdStartBenchmark.missing(home.root())
        .ifPresent(
            m -> {
              throw new QuarryException(m);
            });
    Path work = Files.createTempDirectory("quarry-cold");
    try {
      spec.commandLine()
          .getOut()
          .print(
              org.quarry.bench.ColdStartBenchmark.run(
                      home.root(), words, work, runs, Math.min(runs, 5))
                  .table());
    } finally {
      deleteQuietly(work);
    }
    return 0;
  }

  private Integer solrBench() throws IOException {
    if (scale == null || scale < 1 || searchRounds < 1) {
      throw new QuarryException("--solr needs --scale N (passages), and --search-rounds 1 or more");
    }
    if (format.equals("json")) {
      throw new QuarryException("--format json is for --scale without --solr");
    }
    Path work = Files.createTempDirectory("quarry-solr-bench");
    java.io.PrintWriter err = spec.commandLine().getErr();
    try {
      String table =
          org.quarry.bench.SolrBenchmark.run(
              solr,
              scale,
              seed,
              searchRounds,
              work,
              phase -> {
                err.println("bench: " + phase);
                err.flush();
              });
      spec.commandLine().getOut().print(table);
    } finally {
      deleteQuietly(work);
    }
    return 0;
  }

  private Integer scaleBench() throws IOException {
    if (scale < 1 || searchRounds < 1) {
      throw new QuarryException("--scale and --search-rounds must be 1 or more");
    }
    if (warmUpRounds != null && warmUpRounds < 0) {
      throw new QuarryException("--warm-up-rounds must be 0 or more");
    }
    // --rounds counts the cold searches here, as with --cold-start; 0 leaves cold start out
    int coldSearches =
        spec.commandLine().getParseResult().hasMatchedOption("--rounds") ? rounds : 10;
    if (coldSearches < 0) {
      throw new QuarryException("--rounds must be 0 or more with --scale (0: no cold start)");
    }
    QuarryHome home = QuarryHome.fromSystem();
    Path work = Files.createTempDirectory("quarry-scale");
    java.io.PrintWriter err = spec.commandLine().getErr();
    try {
      org.quarry.bench.ScaleReport report =
          org.quarry.bench.ScaleBenchmark.run(
              new org.quarry.bench.ScaleBenchmark.Options(
                  scale,
                  seed,
                  searchRounds,
                  warmUpRounds == null ? org.quarry.bench.SearchMix.UNTIL_SETTLED : warmUpRounds,
                  true,
                  coldSearches,
                  home.root()),
              work,
              phase -> {
                err.println("bench: " + phase);
                err.flush();
              });
      spec.commandLine().getOut().print(format.equals("json") ? report.json() : report.markdown());
    } finally {
      deleteQuietly(work);
    }
    return 0;
  }

  private Integer suggestBench() throws IOException {
    if (passages < 1 || codes < 1 || rounds < 1 || (threads != null && threads < 1)) {
      throw new QuarryException("--passages, --codes, --rounds and --threads must be 1 or more");
    }
    QuarryHome home = QuarryHome.fromSystem();
    Path words = corpus == null ? home.seeds() : corpus;
    if (!Files.isDirectory(words)) {
      throw new QuarryException(
          words + ": no such folder (the synthetic words are drawn from its .txt files)");
    }
    Path work = Files.createTempDirectory("quarry-bench");
    try {
      BenchReport report =
          org.quarry.bench.SuggestBenchmark.run(
              org.quarry.bench.SuggestBenchmark.words(words),
              work,
              passages,
              codes,
              rounds,
              seed,
              threads == null ? org.quarry.model.SuggestOptions.defaultThreads() : threads);
      spec.commandLine().getOut().print(report.table());
    } finally {
      deleteQuietly(work);
    }
    return 0;
  }

  private static void deleteQuietly(Path work) throws IOException {
    try (var files = Files.walk(work)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
