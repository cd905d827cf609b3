package org.quarry.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.store.FSDirectory;
import org.quarry.analysis.Glossary;
import org.quarry.api.Analysis;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexReport;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.SuggestMethod;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.search.PassageSearcher;

/**
 * The benchmark at scale ({@code quarry bench --scale N}): a {@link ScaleCorpus} of N passages
 * written as files, then, each against a baseline run in the same process on the same text:
 *
 * <ul>
 *   <li>indexing with CoreNLP lemmas vs CoreNLP's own pipeline ({@link CoreNlpBaseline}), and with
 *       untagged lemmas vs plain Lucene ({@link LuceneBaseline}), on the same threads;
 *   <li>search latency percentiles of the {@link SearchMix} vs the same queries on bare Lucene;
 *   <li>suggesting a {@link ScaleCodebook} of 100 codes for every passage vs the same lexicons as
 *       bare Lucene queries, and the learned suggester's throughput ({@link LearnBenchmark});
 *   <li>index size vs the raw text, peak heap, and whether search and suggest run in a child JVM
 *       with {@code -Xmx1g};
 *   <li>cold start ({@link ColdStartBenchmark}): {@code bin/quarry search} and {@code serve} as
 *       whole processes on an index of the Quarry folder's {@code seeds/}, each against a plain
 *       {@code java -jar}.
 * </ul>
 */
public final class ScaleBenchmark {
  /** Codes of the synthetic codebook. */
  public static final int CODES = 100;

  /** The heap of the child JVM that checks search and suggest, in MiB. */
  public static final int SMALL_HEAP_MIB = 1024;

  // Quarry.index's default threads (one per processor): the baselines get as many
  private static final int INDEX_THREADS = Runtime.getRuntime().availableProcessors();

  private static final int WARM_PASSAGES = 600;
  private static final int LEARN_PASSAGES = 5_000;

  private ScaleBenchmark() {}

  /**
   * Options of a run.
   *
   * @param passages passages to generate
   * @param seed the generator's seed
   * @param searchRounds rounds of the query mix measured
   * @param warmUpRounds rounds of the mix before measuring, or {@link SearchMix#UNTIL_SETTLED}
   * @param smallHeapCheck whether to run the {@code -Xmx1g} child JVM
   * @param coldSearches cold searches per side (server starts: at most 5); 0: no cold start
   * @param home the Quarry checkout, for the git commit and the cold start's launcher; null when
   *     unknown
   */
  public record Options(
      int passages,
      long seed,
      int searchRounds,
      int warmUpRounds,
      boolean smallHeapCheck,
      int coldSearches,
      Path home) {}

  /** Runs the benchmark with its files under {@code work}; {@code progress} hears each phase. */
  public static ScaleReport run(Options o, Path work, Consumer<String> progress)
      throws IOException {
    Map<String, Double> phases = new LinkedHashMap<>();
    List<ScaleRow> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, String> env = environment(o.home());
    long start = System.nanoTime();

    progress.accept("generating " + o.passages() + " passages");
    long t = System.nanoTime();
    Path study = work.resolve("study");
    Path lines = work.resolve("passages.txt");
    ScaleCorpus.Written w = new ScaleCorpus(o.seed(), o.passages()).write(study, lines);
    phases.put("generate", seconds(t));

    progress.accept("warming up (models, JIT) on " + WARM_PASSAGES + " passages");
    t = System.nanoTime();
    CoreNlpBaseline coreNlp = new CoreNlpBaseline();
    Path warmStudy = work.resolve("warm");
    Path warmLines = work.resolve("warm.txt");
    new ScaleCorpus(o.seed() + 1, WARM_PASSAGES).write(warmStudy, warmLines);
    index(warmStudy, work.resolve("warm-tagged"), Analysis.TAGGED);
    index(warmStudy, work.resolve("warm-untagged"), Analysis.UNTAGGED);
    coreNlp.annotate(warmLines, INDEX_THREADS);
    LuceneBaseline.index(warmLines, work.resolve("warm-lucene"), INDEX_THREADS);
    phases.put("warm-up", seconds(t));

    progress.accept("indexing with CoreNLP lemmas");
    HeapPeak.reset();
    double cpu0 = processCpuSeconds();
    t = System.nanoTime();
    Path tagged = work.resolve("index-tagged");
    IndexReport taggedReport = index(study, tagged, Analysis.TAGGED);
    double taggedS = seconds(t);
    double taggedCpu = processCpuSeconds() - cpu0;
    double indexHeap = HeapPeak.mib();
    phases.put("index, CoreNLP lemmas", taggedS);

    progress.accept("CoreNLP pipeline baseline");
    cpu0 = processCpuSeconds();
    t = System.nanoTime();
    long coreTokens = coreNlp.annotate(lines, INDEX_THREADS);
    double coreS = seconds(t);
    double coreCpu = processCpuSeconds() - cpu0;
    phases.put("CoreNLP pipeline", coreS);

    progress.accept("indexing with untagged lemmas");
    t = System.nanoTime();
    Path untagged = work.resolve("index-untagged");
    index(study, untagged, Analysis.UNTAGGED);
    double untaggedS = seconds(t);
    phases.put("index, untagged lemmas", untaggedS);

    progress.accept("Lucene StandardAnalyzer baseline");
    t = System.nanoTime();
    Path lucene = work.resolve("index-lucene");
    LuceneBaseline.index(lines, lucene, INDEX_THREADS);
    double luceneS = seconds(t);
    phases.put("Lucene StandardAnalyzer", luceneS);

    throughput(rows, "index, CoreNLP lemmas", taggedS, "CoreNLP pipeline", coreS, w, ">= 0.85x");
    // both cores busy: the CPU time of the process over the wall time of the phase
    rows.add(
        new ScaleRow(
            "index, CoreNLP lemmas: CPU time / wall time",
            "cores",
            taggedCpu / taggedS,
            "CoreNLP pipeline",
            coreCpu / coreS,
            ">= " + String.format(Locale.ROOT, "%.1f", 0.85 * INDEX_THREADS) + " (0.85 a core)",
            taggedCpu / taggedS >= 0.85 * INDEX_THREADS));
    throughput(
        rows,
        "index, untagged lemmas",
        untaggedS,
        "Lucene StandardAnalyzer",
        luceneS,
        w,
        ">= 0.50x");

    progress.accept("search mix");
    t = System.nanoTime();
    SearchMix.Latencies lat = SearchMix.run(tagged, o.searchRounds(), o.warmUpRounds());
    phases.put("search", seconds(t));
    for (int p : new int[] {50, 95, 99}) {
      double q = SearchMix.percentileMs(lat.quarry(), p);
      rows.add(
          new ScaleRow(
              "search p" + p + " (4 facets, highlights)",
              "ms",
              q,
              "bare Lucene top 10",
              SearchMix.percentileMs(lat.lucene(), p),
              p == 99 ? "<= 20 ms at 1M" : "",
              p == 99 ? q <= 20 : null));
    }

    progress.accept("suggesting " + CODES + " codes");
    Codebook book = ScaleCodebook.of(o.seed(), CODES);
    t = System.nanoTime();
    long suggested = suggestAll(tagged, book);
    double suggestS = seconds(t);
    t = System.nanoTime();
    int hits = bareLexicons(tagged, book);
    double bareS = seconds(t);
    phases.put("suggest", suggestS + bareS);
    rows.add(
        new ScaleRow(
            "suggest " + CODES + " codes, every passage",
            "s",
            suggestS,
            "same lexicons, bare Lucene, every hit scored",
            bareS,
            "<= 10 s at 1M (2 cores)",
            suggestS <= 10));

    progress.accept("learned suggester");
    t = System.nanoTime();
    int learnPassages = Math.min(o.passages(), LEARN_PASSAGES);
    BenchReport learned =
        LearnBenchmark.run(learnPassages, CODES, 3, o.seed(), SuggestOptions.defaultThreads());
    phases.put("learned suggester", seconds(t));
    Timing[] apply = learned.pairs().get(1);
    rows.add(
        new ScaleRow(
            "learned suggester, apply (" + CODES + " codes)",
            "passages/s",
            learnPassages / (apply[0].medianMs() / 1000),
            "tf-idf vectors alone",
            learnPassages / (apply[1].medianMs() / 1000),
            "",
            null));

    long rawBytes = w.bytes();
    double mb = 1e6;
    rows.add(
        new ScaleRow(
            "index size, CoreNLP lemmas",
            "MB",
            folderBytes(tagged) / mb,
            "raw text (the study's files)",
            rawBytes / mb,
            "<= 1.5x",
            folderBytes(tagged) <= 1.5 * rawBytes));
    rows.add(
        new ScaleRow(
            "index size, Lucene StandardAnalyzer (text stored)",
            "MB",
            folderBytes(lucene) / mb,
            "raw text (the study's files)",
            rawBytes / mb,
            "",
            null));
    rows.add(
        new ScaleRow(
            "peak heap, index with CoreNLP lemmas",
            "MiB",
            indexHeap,
            "max heap of this JVM",
            HeapPeak.maxMib(),
            "",
            null));

    if (o.smallHeapCheck()) {
      progress.accept("search and suggest in a child JVM with -Xmx" + SMALL_HEAP_MIB + "m");
      t = System.nanoTime();
      smallHeap(rows, tagged, o, notes);
      phases.put("-Xmx1g child", seconds(t));
    }
    if (o.coldSearches() > 0) {
      t = System.nanoTime();
      coldStart(rows, o, work, notes, progress);
      phases.put("cold start", seconds(t));
    }
    phases.put("total", seconds(start));

    notes.add(
        String.format(
            Locale.ROOT,
            "study: %,d passages asked, %,d generated in %,d files (interviews and surveys), %.1f MB"
                + " of files, %.1f MB of passage text, %,d tokens; indexed: %,d passages",
            o.passages(),
            w.passages(),
            w.sources(),
            w.bytes() / mb,
            w.passageBytes() / mb,
            w.tokens(),
            taggedReport.passagesInIndex()));
    notes.add(
        String.format(
            Locale.ROOT,
            "indexing throughput: passages, MB of passage text and generated tokens over wall"
                + " time, one run each after a warm-up; Quarry reads, segments and indexes the"
                + " files, the baselines read the passages' text one a line; %d thread(s) each"
                + " (Quarry's indexing threads in this build); CoreNLP counted %,d tokens;"
                + " Quarry's tagger time %.1f s of %.1f s",
            INDEX_THREADS,
            coreTokens,
            taggedReport.annotation().toMillis() / 1000.0,
            taggedS));
    notes.add(
        "search: "
            + o.searchRounds()
            + " rounds of "
            + SearchMix.QUERIES.stream()
                .map(
                    m ->
                        m.kind()
                            + " `"
                            + m.query()
                            + "`"
                            + (m.filterKind() == null ? "" : " + kind=" + m.filterKind()))
                .collect(Collectors.joining(", "))
            + ", after "
            + lat.warmUpRounds()
            + " warm-up rounds ("
            + (o.warmUpRounds() != SearchMix.UNTIL_SETTLED
                ? "as asked"
                : (lat.settled() ? "until" : "stopped before")
                    + " the JIT compiler settled: a window of "
                    + SearchMix.SETTLE_WINDOW
                    + " rounds compiling for under "
                    + Math.round(SearchMix.SETTLED_SHARE * 100)
                    + "% of its wall time")
            + "), on the CoreNLP-lemma index; facets "
            + String.join(", ", SearchMix.FACETS)
            + "; "
            + VectorApi.describe());
    notes.add(
        String.format(
            Locale.ROOT,
            "suggest: %d codes (4 health-services terms or phrases, a wildcard in one code of"
                + " four), every kind of passage, with evidence, on %d threads; %,d passages got"
                + " a suggestion; the bare Lucene baseline found %,d hits",
            CODES,
            SuggestOptions.defaultThreads(),
            suggested,
            hits));
    notes.add(
        "learned suggester: LearnBenchmark's synthetic bags ("
            + learnPassages
            + " passages, "
            + CODES
            + " codes), not the study's text; "
            + learned.notes().get(0));
    notes.add(
        "peak heap: the sum of the heap pools' peaks (an upper bound); the machine's other"
            + " work shares its cores, so figures vary run to run");
    return new ScaleReport(o.passages(), o.seed(), env, rows, phases, notes);
  }

  // the CPU time of this process so far (every thread, the JIT and the collector too)
  private static double processCpuSeconds() {
    return ProcessHandle.current()
            .info()
            .totalCpuDuration()
            .map(java.time.Duration::toNanos)
            .orElse(0L)
        / 1e9;
  }

  /**
   * Suggests {@code book}'s codes for every passage of the index at {@code index}, with evidence,
   * as a streaming consumer would (each passage's suggestions handed over, then let go); returns
   * how many passages got a suggestion.
   */
  static long suggestAll(Path index, Codebook book) {
    try (Quarry q = Quarry.open(index)) {
      long[] passages = {0};
      q.suggestEach(
          q.suggester(book, SuggestMethod.LEXICON),
          SuggestOptions.builder().kind(SuggestOptions.ALL_KINDS).build(),
          SuggestProgress.NONE,
          ps -> passages[0]++);
      return passages[0];
    }
  }

  private static void throughput(
      List<ScaleRow> rows,
      String figure,
      double seconds,
      String baseline,
      double baselineSeconds,
      ScaleCorpus.Written w,
      String target) {
    double min = Double.parseDouble(target.replaceAll("[^0-9.]", ""));
    boolean pass = baselineSeconds / seconds >= min;
    rows.add(
        new ScaleRow(
            figure,
            "passages/s",
            w.passages() / seconds,
            baseline,
            w.passages() / baselineSeconds,
            target,
            pass));
    rows.add(
        new ScaleRow(
            figure,
            "MB/s",
            w.passageBytes() / 1e6 / seconds,
            baseline,
            w.passageBytes() / 1e6 / baselineSeconds,
            target,
            pass));
    rows.add(
        new ScaleRow(
            figure,
            "tokens/s",
            w.tokens() / seconds,
            baseline,
            w.tokens() / baselineSeconds,
            target,
            pass));
  }

  private static IndexReport index(Path study, Path dir, Analysis analysis) {
    try (Quarry q = Quarry.open(dir, analysis)) {
      return q.index(IndexRequest.of(study).withThreads(INDEX_THREADS), IndexProgress.NONE);
    }
  }

  // each code's lexicon as one OR query, every matching passage scored: what suggestion must at
  // least do through the index
  private static int bareLexicons(Path index, Codebook book) throws IOException {
    int hits = 0;
    try (FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir);
        PassageSearcher parser = PassageSearcher.open(dir, Glossary.empty())) {
      IndexSearcher searcher = new IndexSearcher(reader);
      for (Code c : book.codes()) {
        String query =
            c.terms().stream()
                .map(term -> term.endsWith("*") ? term : "\"" + term + "\"")
                .collect(Collectors.joining(" OR "));
        hits += searcher.search(parser.parse(query), new ScoringCounter());
      }
    }
    return hits;
  }

  // cold start on the seeds, as `bench --cold-start` times it; a checkout without the launcher or
  // the built jar (a run from an IDE) gets a note instead of the rows
  private static void coldStart(
      List<ScaleRow> rows, Options o, Path work, List<String> notes, Consumer<String> progress)
      throws IOException {
    java.util.Optional<String> missing =
        o.home() == null
            ? java.util.Optional.of("the Quarry folder is unknown")
            : ColdStartBenchmark.missing(o.home());
    if (missing.isPresent()) {
      notes.add("cold start not measured: " + missing.get());
      return;
    }
    int serves = Math.min(o.coldSearches(), 5);
    progress.accept(
        "cold start: " + o.coldSearches() + " searches and " + serves + " server starts a side");
    Path seeds = o.home().resolve("seeds");
    ColdStartBenchmark.Result r =
        ColdStartBenchmark.measure(o.home(), seeds, work.resolve("cold"), o.coldSearches(), serves);
    rows.addAll(r.rows());
    notes.add("cold start: " + ColdStartBenchmark.floor(r, seeds));
  }

  private static void smallHeap(List<ScaleRow> rows, Path index, Options o, List<String> notes)
      throws IOException {
    String javaCommand =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> cmd = new ArrayList<>();
    cmd.addAll(
        List.of(
            javaCommand,
            "-Xmx" + SMALL_HEAP_MIB + "m",
            "-XX:+ExitOnOutOfMemoryError",
            "--enable-native-access=ALL-UNNAMED"));
    cmd.addAll(VectorApi.childFlags());
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            ScaleProbe.class.getName(),
            index.toString(),
            Long.toString(o.seed()),
            Integer.toString(CODES),
            Integer.toString(o.searchRounds()),
            Integer.toString(o.warmUpRounds())));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out;
    try {
      out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!p.waitFor(1, TimeUnit.HOURS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted waiting for the -Xmx1g child JVM", e);
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    for (String line : out.split("\\R")) {
      if (line.startsWith("peakMib=")) {
        for (String kv : line.split(" ")) {
          String[] pair = kv.split("=");
          figures.put(pair[0], Double.parseDouble(pair[1]));
        }
      }
    }
    boolean ok = p.exitValue() == 0 && figures.containsKey("peakMib");
    if (!ok) {
      String last = out.strip().lines().reduce((a, b) -> b).orElse("no output");
      notes.add("-Xmx1g child JVM failed (exit " + p.exitValue() + "): " + last);
    }
    rows.add(
        new ScaleRow(
            "peak heap, search mix + suggest in a -Xmx1g JVM",
            "MiB",
            figures.getOrDefault("peakMib", Double.NaN),
            "the heap it may use",
            SMALL_HEAP_MIB,
            "runs at -Xmx1g",
            ok));
    rows.add(
        new ScaleRow(
            "search p99 in the -Xmx1g JVM",
            "ms",
            figures.getOrDefault("p99Ms", Double.NaN),
            "",
            Double.NaN,
            "",
            null));
    rows.add(
        new ScaleRow(
            "suggest " + CODES + " codes in the -Xmx1g JVM",
            "s",
            figures.getOrDefault("suggestSeconds", Double.NaN),
            "",
            Double.NaN,
            "",
            null));
  }

  private static Map<String, String> environment(Path home) {
    Map<String, String> env = new LinkedHashMap<>();
    var os = ManagementFactory.getOperatingSystemMXBean();
    String memory = "unknown";
    try {
      Object bytes =
          ManagementFactory.getPlatformMBeanServer()
              .getAttribute(
                  new javax.management.ObjectName("java.lang:type=OperatingSystem"),
                  "TotalMemorySize");
      memory = String.format(Locale.ROOT, "%.1f GiB", ((Number) bytes).longValue() / 1073741824.0);
    } catch (javax.management.JMException | RuntimeException e) {
      // a JVM without the attribute: the memory stays unknown
    }
    env.put(
        "machine",
        String.format(
            Locale.ROOT,
            "%d cores, %s RAM, %s %s; load average at start %.2f",
            Runtime.getRuntime().availableProcessors(),
            memory,
            os.getName(),
            os.getArch(),
            os.getSystemLoadAverage()));
    env.put(
        "JDK",
        System.getProperty("java.vm.name")
            + " "
            + Runtime.version()
            + String.format(Locale.ROOT, ", max heap %.0f MiB", HeapPeak.maxMib()));
    env.put("Lucene", org.apache.lucene.util.Version.LATEST.toString());
    env.put("CoreNLP", jarVersion(edu.stanford.nlp.pipeline.StanfordCoreNLP.class));
    env.put("commit", commit(home));
    env.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    return env;
  }

  // the version in a jar's file name (stanford-corenlp-4.5.10.jar), which its manifest lacks
  private static String jarVersion(Class<?> type) {
    try {
      String name =
          Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
              .getFileName()
              .toString();
      var m = java.util.regex.Pattern.compile("-(\\d[\\w.]*)\\.jar$").matcher(name);
      return m.find() ? m.group(1) : name;
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String commit(Path home) {
    if (home == null) {
      return "unknown";
    }
    try {
      Process p =
          new ProcessBuilder("git", "-C", home.toString(), "describe", "--always", "--dirty")
              .redirectErrorStream(true)
              .start();
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .strip();
      return p.waitFor() == 0 && !out.isEmpty() ? out : "unknown";
    } catch (IOException e) {
      return "unknown (no git)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  static long folderBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      long sum = 0;
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        sum += Files.size(f);
      }
      return sum;
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  // counts the hits of a query, scoring each one, as a suggester must
  private static final class ScoringCounter implements CollectorManager<Collector, Integer> {
    @Override
    public Collector newCollector() {
      return new Collector() {
        int count;
        double sum;

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
          return new LeafCollector() {
            private Scorable scorer;

            @Override
            public void setScorer(Scorable s) {
              scorer = s;
            }

            @Override
            public void collect(int doc) throws IOException {
              sum += scorer.score();
              count++;
            }
          };
        }

        @Override
        public ScoreMode scoreMode() {
          return ScoreMode.COMPLETE;
        }

        @Override
        public String toString() {
          return count + " hits, score sum " + sum;
        }
      };
    }

    @Override
    public Integer reduce(java.util.Collection<Collector> collectors) {
      int n = 0;
      for (Collector c : collectors) {
        n += Integer.parseInt(c.toString().split(" ")[0]);
      }
      return n;
    }
  }
}
