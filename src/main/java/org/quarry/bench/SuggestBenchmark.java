package org.quarry.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.quarry.analysis.Glossary;
import org.quarry.analysis.LemmaAnnotator;
import org.quarry.coding.CodeSuggester;
import org.quarry.coding.KeywordBaseline;
import org.quarry.index.DuplicateFinder;
import org.quarry.index.Fields;
import org.quarry.index.Indexer;
import org.quarry.index.SequentialStoredFields;
import org.quarry.index.SourcePassages;
import org.quarry.ingest.ContentHash;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.model.SuggestionRun;

/**
 * Bulk suggestion at scale: a seeded synthetic corpus (words drawn with their frequencies from a
 * word list, 40 to 120 a passage, 100 passages a source, shaped as interviews: a question, then two
 * answers whose context it is) indexed with untagged lemmas (no CoreNLP), and a seeded synthetic
 * codebook (per code: eight words drawn from the vocabulary, two phrases from the running text and
 * one wildcard). Measures suggestion with and without evidence against same-run baselines: the
 * plain keyword baseline over stored text (passages × codes in Java, on a sample), one pass over
 * every passage's stored text (the least any per-passage method must do), and suggestion from the
 * passage alone (context weight 0), and suggestion on {@code threads} threads against one thread.
 */
public final class SuggestBenchmark {
  private static final int PER_SOURCE = 100;

  private SuggestBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param words the word stream to draw from, in text order (frequencies and phrases come from it)
   * @param work a folder for the index
   * @param passages synthetic passages
   * @param codes synthetic codes
   * @param rounds measured runs of each side (after one warm-up)
   */
  public static BenchReport run(
      List<String> words, Path work, int passages, int codes, int rounds, long seed)
      throws IOException {
    return run(words, work, passages, codes, rounds, seed, SuggestOptions.defaultThreads());
  }

  /**
   * Runs the benchmark with suggestion on {@code threads} threads (the pairs other than the thread
   * pairs, whose baseline is one thread, use them too).
   */
  public static BenchReport run(
      List<String> words, Path work, int passages, int codes, int rounds, long seed, int threads)
      throws IOException {
    Random random = new Random(seed);
    Path dir = work.resolve("suggest-index");
    Benchmarks.deleteTree(dir);
    long t0 = System.nanoTime();
    try (Indexer indexer = Indexer.open(dir, LemmaAnnotator.untagged(), DuplicateFinder.none())) {
      Random r = new Random(seed);
      indexer.update(
          Stream.iterate(0, s -> s < (passages + PER_SOURCE - 1) / PER_SOURCE, s -> s + 1)
              .map(s -> source(words, r, s, Math.min(PER_SOURCE, passages - s * PER_SOURCE))));
    }
    long indexNanos = System.nanoTime() - t0;
    Codebook book = codebook(words, random, codes);
    CodeSuggester suggester = new CodeSuggester(book, Glossary.empty());
    KeywordBaseline keywords = new KeywordBaseline(book.codes());
    // every passage, the questions too, as the throughput figures count them all
    String all = SuggestOptions.ALL_KINDS;
    SuggestOptions withEvidence = SuggestOptions.builder().kind(all).build().withThreads(threads);
    SuggestOptions scoresOnly =
        SuggestOptions.builder()
            .minScore(withEvidence.minScore())
            .top(withEvidence.top())
            .kind(all)
            .evidence(false)
            .build()
            .withThreads(threads);
    SuggestOptions passageOnly =
        SuggestOptions.builder()
            .minScore(withEvidence.minScore())
            .top(withEvidence.top())
            .kind(all)
            .evidence(false)
            .contextWeight(0)
            .build()
            .withThreads(threads);
    List<String> notes = new ArrayList<>();
    long[] full = new long[rounds];
    long[] scoring = new long[rounds];
    long[] noContext = new long[rounds];
    long[] scan = new long[rounds];
    long[] keyword = new long[rounds];
    long[] fullOneThread = new long[rounds];
    long[] scoringOneThread = new long[rounds];
    int sample = Math.min(passages, 5_000);
    SuggestionRun last = null;
    try (FSDirectory d = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      for (int round = -1; round < rounds; round++) {
        long a = System.nanoTime();
        last = suggester.suggest(reader, withEvidence, SuggestProgress.NONE);
        long b = System.nanoTime();
        suggester.suggest(reader, scoresOnly, SuggestProgress.NONE);
        long c = System.nanoTime();
        suggester.suggest(reader, passageOnly, SuggestProgress.NONE);
        long c2 = System.nanoTime();
        long chars = scanStoredText(reader, reader.maxDoc(), null);
        long e = System.nanoTime();
        scanStoredText(reader, sample, keywords);
        long f = System.nanoTime();
        SuggestionRun single =
            suggester.suggest(reader, withEvidence.withThreads(1), SuggestProgress.NONE);
        long g = System.nanoTime();
        suggester.suggest(reader, scoresOnly.withThreads(1), SuggestProgress.NONE);
        long h = System.nanoTime();
        if (!single.passages().equals(last.passages())) {
          throw new IllegalStateException(
              "suggestions on " + threads + " threads differ from those on one thread");
        }
        if (round >= 0) {
          full[round] = b - a;
          scoring[round] = c - b;
          noContext[round] = c2 - c;
          scan[round] = e - c2;
          // per-passage cost of the keyword baseline, scaled from the sample to the corpus
          keyword[round] = (long) ((f - e) * ((double) passages / sample));
          fullOneThread[round] = g - f;
          scoringOneThread[round] = h - g;
        }
        if (round == -1) {
          notes.add(String.format(Locale.ROOT, "stored text: %.1f MB", chars / 1e6));
        }
      }
    }
    List<Timing[]> pairs = new ArrayList<>();
    pairs.add(
        new Timing[] {
          Timing.of("suggest, scores only (" + codes + " codes)", scoring),
          Timing.of("  baseline: keyword regexes over stored text*", keyword)
        });
    pairs.add(
        new Timing[] {
          Timing.of("suggest with evidence, top 3, score >= 0.3", full),
          Timing.of("  baseline: keyword regexes over stored text*", keyword)
        });
    pairs.add(
        new Timing[] {
          Timing.of("suggest, scores only", scoring),
          Timing.of("  baseline: read every stored text once", scan)
        });
    pairs.add(
        new Timing[] {
          Timing.of("suggest, scores only, context " + scoresOnly.contextWeight(), scoring),
          Timing.of("  baseline: passage alone (context 0)", noContext)
        });
    pairs.add(
        new Timing[] {
          Timing.of("suggest, scores only, " + threads + " threads", scoring),
          Timing.of("  baseline: 1 thread", scoringOneThread)
        });
    pairs.add(
        new Timing[] {
          Timing.of("suggest with evidence, " + threads + " threads", full),
          Timing.of("  baseline: 1 thread", fullOneThread)
        });
    int suggestions = last.passages().stream().mapToInt(p -> p.suggestions().size()).sum();
    notes.add(
        0,
        String.format(
            Locale.ROOT,
            "synthetic interviews: %d passages (a question, two answers, …) in %d sources, seed %d, indexed with untagged lemmas in %.1f s (%.0f passages/s)",
            passages,
            (passages + PER_SOURCE - 1) / PER_SOURCE,
            seed,
            indexNanos / 1e9,
            passages / (indexNanos / 1e9)));
    notes.add(
        String.format(
            Locale.ROOT,
            "codebook: %d synthetic codes (8 words, 2 phrases, 1 wildcard each); last run kept %d suggestions on %d passages",
            codes,
            suggestions,
            last.passages().size()));
    notes.add(
        String.format(
            Locale.ROOT,
            "throughput (medians): scores only %.0f passages/s; with evidence %.0f passages/s; keyword baseline %.0f passages/s",
            passages / (Timing.of("", scoring).medianMs() / 1000),
            passages / (Timing.of("", full).medianMs() / 1000),
            passages / (Timing.of("", keyword).medianMs() / 1000)));
    notes.add(
        String.format(
            Locale.ROOT,
            "threads: %d for every suggest run but the 1-thread baselines (%d processors); same suggestions on both",
            threads,
            Runtime.getRuntime().availableProcessors()));
    notes.add("* measured on the first " + sample + " passages and scaled to the corpus");
    Benchmarks.deleteTree(dir);
    return new BenchReport(pairs, notes);
  }

  // reads the stored text of the first `limit` passages; with a baseline, runs it on each; reads
  // as the suggester's own scans do (each compressed block once), so the baseline is not slowed
  // by a read path Quarry does not use
  private static long scanStoredText(DirectoryReader reader, int limit, KeywordBaseline baseline)
      throws IOException {
    StoredFields stored = SequentialStoredFields.of(reader);
    long chars = 0;
    int seen = 0;
    Set<String> textOnly = Set.of(Fields.TEXT);
    for (int doc = 0; doc < reader.maxDoc() && seen < limit; doc++) {
      String text = stored.document(doc, textOnly).get(Fields.TEXT);
      if (text == null) {
        continue; // a source record
      }
      seen++;
      chars += text.length();
      if (baseline != null) {
        chars += baseline.hits(text).length;
      }
    }
    return chars;
  }

  private static SourcePassages source(List<String> words, Random r, int s, int count) {
    String id = String.format(Locale.ROOT, "synthetic/%05d.txt", s);
    StringBuilder text = new StringBuilder();
    List<int[]> spans = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      if (p > 0) {
        text.append("\n\n");
      }
      int start = text.length();
      int n = 40 + r.nextInt(81);
      // runs of consecutive words from the word stream keep its phrases; jumps mix topics
      int at = r.nextInt(words.size());
      for (int w = 0; w < n; w++) {
        if (w > 0) {
          text.append(' ');
        }
        if (r.nextInt(8) == 0) {
          at = r.nextInt(words.size());
        }
        text.append(words.get(at));
        at = (at + 1) % words.size();
      }
      text.append('.');
      spans.add(new int[] {start, text.length()});
    }
    String t = text.toString();
    Source source =
        new Source(
            id,
            id,
            SourceKind.RECORD,
            t,
            OffsetMap.identity(t),
            ContentHash.of(t.getBytes(StandardCharsets.UTF_8)),
            Map.of());
    List<Passage> passages = new ArrayList<>();
    for (int[] sp : spans) {
      // an interview: a question, then two answer turns that have it as their context
      boolean question = passages.size() % 3 == 0;
      passages.add(
          Passage.of(
              id,
              question ? PassageKind.INTERVIEWER : PassageKind.TURN,
              question ? null : "P" + (s % 50),
              null,
              sp[0],
              sp[1],
              t.substring(sp[0], sp[1])));
    }
    return new SourcePassages(source, passages);
  }

  private static Codebook codebook(List<String> words, Random r, int count) {
    // terms are drawn from the vocabulary (each word once), not from the running text, so a code
    // holds rarer words as well as common ones, as a researcher's lexicon does
    List<String> content =
        new ArrayList<>(
            new java.util.TreeSet<>(words.stream().filter(w -> w.length() >= 5).toList()));
    List<Code> codes = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      Set<String> terms = new HashSet<>();
      while (terms.size() < 8) {
        terms.add(content.get(r.nextInt(content.size())));
      }
      List<String> list = new ArrayList<>(terms);
      list.sort(null);
      for (int i = 0; i < 2; i++) {
        int at = r.nextInt(words.size() - 1);
        list.add(words.get(at) + " " + words.get(at + 1));
      }
      String stem = content.get(r.nextInt(content.size()));
      list.add(stem.substring(0, 4) + "*");
      codes.add(
          new Code(
              String.format(Locale.ROOT, "code-%03d", c),
              "Code " + c,
              null,
              null,
              list,
              List.of(),
              null,
              1.0));
    }
    return new Codebook("synthetic", null, codes);
  }

  /** The words of the text files in {@code folder}, lower case, in text order. */
  public static List<String> words(Path folder) throws IOException {
    List<String> words = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        for (String w :
            Files.readString(f, StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT)
                .split("[^\\p{L}]+")) {
          if (w.length() >= 2) {
            words.add(w);
          }
        }
      }
    }
    if (words.size() < 100) {
      throw new IllegalArgumentException(
          folder + " has too few words to draw a synthetic corpus from");
    }
    return words;
  }
}
