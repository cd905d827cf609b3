package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterDirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.analysis.Glossary;
import org.quarry.analysis.LemmaAnnotator;
import org.quarry.api.Analysis;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;
import org.quarry.index.DuplicateFinder;
import org.quarry.index.Fields;
import org.quarry.index.Indexer;
import org.quarry.index.SourcePassages;
import org.quarry.ingest.ContentHash;
import org.quarry.model.Code;
import org.quarry.model.CodeScore;
import org.quarry.model.Codebook;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.model.Suggestion;
import org.quarry.model.SuggestionRun;

/**
 * Suggestion on several threads gives what one thread gives: the same passages, codes, scores,
 * order and evidence, on indexes of several segments whose passages can have their context in
 * another segment; and a thread's failure reaches the caller as it was thrown.
 */
class ParallelSuggestionTest {
  @TempDir static Path tmp;

  static Path seedsIndex;
  static Path syntheticIndex;

  static final List<String> VOCABULARY =
      List.of(
          "workload",
          "pressure",
          "practice",
          "manager",
          "winter",
          "building",
          "roof",
          "budget",
          "funding",
          "staff",
          "nurse",
          "doctor",
          "patient",
          "waiting",
          "referral",
          "pharmacy",
          "contract",
          "meeting",
          "board",
          "voice",
          "system",
          "leader",
          "partner",
          "network",
          "housing",
          "transport",
          "school",
          "parent",
          "carer",
          "training",
          "digital",
          "record",
          "access",
          "appointment",
          "telephone",
          "queue",
          "the",
          "and",
          "of",
          "to",
          "we",
          "it",
          "was",
          "very",
          "really",
          "always",
          "never",
          "again");

  // codes in threes with one lexicon score alike on every passage: their order is the codebook's,
  // whichever threads ran them, only if the merge keeps the order rule
  static final Codebook SYNTHETIC = syntheticCodebook();

  @BeforeAll
  static void index() throws IOException {
    // the seeds one file at a time: a commit, so a segment, per file
    Path seeds = Files.createDirectories(tmp.resolve("seeds"));
    seedsIndex = tmp.resolve("seeds-index");
    try (Stream<Path> files = Files.list(Path.of("seeds"))) {
      for (Path f : files.sorted().toList()) {
        Files.copy(f, seeds.resolve(f.getFileName()));
        if (f.toString().endsWith(".txt")
            && !f.getFileName().toString().equals("nhs-glossary.txt")) {
          try (Quarry q = Quarry.open(seedsIndex, Analysis.UNTAGGED)) {
            q.index(IndexRequest.of(seeds), IndexProgress.NONE);
          }
        }
      }
    }
    // storing suggestions rewrites the coded passages into a new segment, away from the
    // narratives and questions that are their context; only the few at 0.9 or above, as deleting
    // most documents of the first segments would have the merge policy merge them all into one
    try (Quarry q = Quarry.open(seedsIndex, Analysis.UNTAGGED)) {
      q.suggest(
          seedsCodebook("codebook-commissioners.yaml"),
          SuggestOptions.defaults().withThreads(1),
          java.util.OptionalDouble.of(0.9),
          SuggestProgress.NONE);
    }
    // Quarry expunges the copies it deletes; some uncoded passages written again by a plain
    // writer leave deleted copies behind in the first segments
    rewriteWithoutExpunging(seedsIndex, p -> p.codes().isEmpty(), 9, 2);

    syntheticIndex = tmp.resolve("synthetic-index");
    Random r = new Random(7);
    List<String> answers = new ArrayList<>();
    try (Indexer indexer =
        Indexer.open(syntheticIndex, LemmaAnnotator.untagged(), DuplicateFinder.none())) {
      for (int batch = 0; batch < 5; batch++) { // update() commits: a segment per batch
        List<SourcePassages> sources = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
          sources.add(interview(r, batch * 6 + s, answers));
        }
        indexer.update(sources.stream());
      }
      // every fifth answer rewritten into a last segment, its question left where it was
      Map<String, List<CodeScore>> moved = new HashMap<>();
      for (int i = 0; i < answers.size(); i += 5) {
        moved.put(answers.get(i), List.of(new CodeScore("moved", 0.5, CodeScore.SUGGESTED)));
      }
      indexer.setCodes(moved);
    }
    rewriteWithoutExpunging(syntheticIndex, p -> p.codes().isEmpty(), 10, 3);
  }

  private static Codebook seedsCodebook(String file) {
    Codebook book = CodebookReader.read(Path.of("seeds", file));
    // each code three times: equal scores on every passage, so the order rule decides between
    // them; in threes, some copies run on a thread merged before the thread of an earlier copy
    List<Code> codes = new ArrayList<>();
    for (Code c : book.codes()) {
      codes.add(c);
      for (String copy : List.of("-again", "-once-more")) {
        codes.add(
            new Code(
                c.id() + copy,
                c.name(),
                null,
                null,
                c.terms(),
                c.exclude(),
                c.query(),
                c.weight()));
      }
    }
    return new Codebook(book.name(), book.glossary(), codes);
  }

  private static Codebook syntheticCodebook() {
    Random r = new Random(11);
    List<Code> codes = new ArrayList<>();
    for (int c = 0; c < 15; c++) {
      List<String> terms = new ArrayList<>();
      while (terms.size() < 3) {
        String t = VOCABULARY.get(r.nextInt(36)); // content words only
        if (!terms.contains(t)) {
          terms.add(t);
        }
      }
      if (c % 4 == 0) {
        terms.add(
            "\"" + VOCABULARY.get(r.nextInt(36)) + " " + VOCABULARY.get(r.nextInt(36)) + "\"");
      }
      List<String> exclude = c % 5 == 1 ? List.of(VOCABULARY.get(r.nextInt(36))) : List.of();
      int copies = c % 3 == 0 ? 3 : 1;
      for (int i = 0; i < copies; i++) {
        codes.add(
            new Code(
                String.format(Locale.ROOT, "code-%02d-%d", c, i),
                "Code " + c,
                null,
                null,
                terms,
                exclude,
                null,
                1.0));
      }
    }
    return new Codebook("synthetic", null, codes);
  }

  // an interview: questions, each followed by two answers whose context it is
  private static SourcePassages interview(Random r, int s, List<String> answers) {
    String id = String.format(Locale.ROOT, "interviews/%03d.txt", s);
    StringBuilder text = new StringBuilder();
    List<int[]> spans = new ArrayList<>();
    for (int p = 0; p < 12; p++) {
      if (p > 0) {
        text.append("\n\n");
      }
      int start = text.length();
      int n = 6 + r.nextInt(20);
      for (int w = 0; w < n; w++) {
        text.append(w == 0 ? "" : " ").append(VOCABULARY.get(r.nextInt(VOCABULARY.size())));
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
      boolean question = passages.size() % 3 == 0;
      Passage p =
          Passage.of(
              id,
              question ? PassageKind.INTERVIEWER : PassageKind.TURN,
              question ? null : "P" + s,
              null,
              sp[0],
              sp[1],
              t.substring(sp[0], sp[1]));
      passages.add(p);
      if (!question) {
        answers.add(p.id());
      }
    }
    return new SourcePassages(source, passages);
  }

  private static SuggestionRun seedsRun(Codebook book, SuggestOptions options) {
    try (Quarry q = Quarry.open(seedsIndex, Analysis.UNTAGGED)) {
      return q.suggest(book, options, java.util.OptionalDouble.empty(), SuggestProgress.NONE);
    }
  }

  private static SuggestionRun syntheticRun(SuggestOptions options, UnaryOperator<LeafReader> wrap)
      throws IOException {
    try (FSDirectory d = FSDirectory.open(syntheticIndex);
        DirectoryReader reader = new Wrapped(DirectoryReader.open(d), wrap)) {
      return new CodeSuggester(SYNTHETIC, Glossary.empty())
          .suggest(reader, options, SuggestProgress.NONE);
    }
  }

  // writes every n-th passage that {@code which} takes again, in {@code segments} new segments,
  // leaving the old copies deleted in theirs, as an index updated by another writer may be
  private static void rewriteWithoutExpunging(
      Path index,
      java.util.function.Predicate<org.quarry.index.IndexedPassage> which,
      int n,
      int segments)
      throws IOException {
    List<org.quarry.index.IndexedPassage> chosen = new ArrayList<>();
    int[] seen = {0};
    org.quarry.index.StoredPassages.forEach(
        index,
        p -> {
          if (which.test(p) && seen[0]++ % n == 0) {
            chosen.add(p);
          }
        });
    assertTrue(!chosen.isEmpty(), "passages to rewrite in " + index);
    try (FSDirectory d = FSDirectory.open(index);
        org.apache.lucene.index.IndexWriter w =
            new org.apache.lucene.index.IndexWriter(
                d,
                new org.apache.lucene.index.IndexWriterConfig(
                        org.quarry.analysis.QuarryAnalyzer.forIndexing())
                    .setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.APPEND)
                    .setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < chosen.size(); i++) {
        org.quarry.index.IndexedPassage p = chosen.get(i);
        w.updateDocument(
            new org.apache.lucene.index.Term(org.quarry.index.Fields.ID, p.passage().id()),
            org.quarry.index.PassageDocuments.toDocument(p));
        if ((i + 1) % Math.max(1, chosen.size() / segments) == 0) {
          w.commit(); // a segment
        }
      }
      w.commit();
    }
  }

  // the index has several segments, and a passage whose context lies in another one
  private static void assertSeveralSegmentsWithAContextInAnother(Path index) throws IOException {
    try (FSDirectory d = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(d)) {
      assertTrue(reader.leaves().size() >= 4, index + ": " + reader.leaves().size() + " segments");
      assertTrue(reader.numDeletedDocs() > 0, index + ": no deleted documents");
      PassageContexts contexts = PassageContexts.of(reader);
      boolean across = false;
      for (int doc = 0; doc < reader.maxDoc() && !across; doc++) {
        int c = contexts.contextOf(doc);
        across =
            c != PassageContexts.NONE
                && ReaderUtil.subIndex(c, reader.leaves())
                    != ReaderUtil.subIndex(doc, reader.leaves());
      }
      assertTrue(across, index + ": every context in its passage's segment");
    }
  }

  // passage by passage, so that a difference is shown alone
  private static void assertSameSuggestions(
      SuggestionRun expected, SuggestionRun actual, String what) {
    for (int i = 0; i < Math.min(expected.passages().size(), actual.passages().size()); i++) {
      assertEquals(expected.passages().get(i), actual.passages().get(i), what + ", passage " + i);
    }
    assertEquals(expected.passages().size(), actual.passages().size(), what);
  }

  // equal scores on a passage, so that the test sees the order rule; with evidence, some of it
  // from a context
  private static void assertTiesAndContextEvidence(SuggestionRun run, boolean evidence) {
    boolean tie = false;
    boolean context = false;
    for (PassageSuggestions ps : run.passages()) {
      List<Suggestion> list = ps.suggestions();
      for (int i = 1; i < list.size(); i++) {
        tie |= list.get(i).score() == list.get(i - 1).score();
      }
      context |= list.stream().anyMatch(s -> s.evidence().stream().anyMatch(e -> e.inContext()));
    }
    assertTrue(tie, "no equal scores on a passage");
    assertEquals(evidence, context, "evidence from a context");
  }

  @Test
  void theSeedsGetTheSameSuggestionsOnOneTwoAndFourThreads() throws IOException {
    assertSeveralSegmentsWithAContextInAnother(seedsIndex);
    for (String file :
        List.of("codebook-commissioners.yaml", "codebook-policy-stakeholders.yaml")) {
      Codebook book = seedsCodebook(file);
      for (SuggestOptions options :
          List.of(
              SuggestOptions.defaults().with(0, 3),
              SuggestOptions.defaults().with(0.3, 1),
              SuggestOptions.builder()
                  .minScore(0)
                  .top(4)
                  .includeDuplicates(true)
                  .evidence(false)
                  .contextWeight(1.0)
                  .build())) {
        SuggestionRun one = seedsRun(book, options.withThreads(1));
        assertTrue(one.passages().size() > 50, file + ": " + one.passages().size() + " passages");
        if (options.top() > 1) {
          assertTiesAndContextEvidence(one, options.evidence());
        }
        for (int threads : new int[] {2, 4}) {
          SuggestionRun many = seedsRun(book, options.withThreads(threads));
          assertSameSuggestions(one, many, file + ", " + options);
          assertEquals(one.considered(), many.considered());
        }
      }
    }
  }

  @Test
  void aSyntheticIndexOfSeveralSegmentsGetsTheSameSuggestionsOnOneTwoAndFourThreads()
      throws IOException {
    assertSeveralSegmentsWithAContextInAnother(syntheticIndex);
    for (SuggestOptions options :
        List.of(
            SuggestOptions.defaults().with(0, 3),
            SuggestOptions.defaults().with(0, 2),
            SuggestOptions.builder()
                .minScore(0.2)
                .top(5)
                .evidence(false)
                .contextWeight(0)
                .build())) {
      SuggestionRun one = syntheticRun(options.withThreads(1), UnaryOperator.identity());
      assertTrue(one.passages().size() > 100, one.passages().size() + " passages");
      assertTiesAndContextEvidence(one, options.evidence());
      for (int threads : new int[] {2, 4}) {
        SuggestionRun many = syntheticRun(options.withThreads(threads), UnaryOperator.identity());
        assertSameSuggestions(one, many, options.toString());
      }
    }
  }

  @Test
  void progressIsToldOnTheCallingThreadOnly() throws IOException {
    Thread caller = Thread.currentThread();
    List<String> elsewhere = new ArrayList<>();
    long[] last = new long[2];
    SuggestProgress progress =
        (done, total, what) -> {
          if (Thread.currentThread() != caller) {
            synchronized (elsewhere) {
              elsewhere.add(Thread.currentThread().getName());
            }
          }
          last[0] = done;
          last[1] = total;
        };
    try (FSDirectory d = FSDirectory.open(syntheticIndex);
        DirectoryReader reader = DirectoryReader.open(d)) {
      new CodeSuggester(SYNTHETIC, Glossary.empty())
          .suggest(reader, SuggestOptions.defaults().withThreads(4), progress);
    }
    assertEquals(List.of(), elsewhere);
    assertTrue(last[1] > 0);
    assertEquals(last[1], last[0], "the last update is not the end");
  }

  @Test
  void aFailingEvidenceThreadThrowsItsOwnIOExceptionToTheCaller() {
    // every read of a stored document in the second half of a segment fails
    UnaryOperator<LeafReader> failing =
        leaf ->
            new FilterLeafReader(leaf) {
              @Override
              public StoredFields storedFields() throws IOException {
                StoredFields in = super.storedFields();
                return new StoredFields() {
                  @Override
                  public void document(int docID, StoredFieldVisitor visitor) throws IOException {
                    if (docID >= leaf.maxDoc() / 2) {
                      throw new IOException("disk on fire at doc " + docID);
                    }
                    in.document(docID, visitor);
                  }
                };
              }

              @Override
              public CacheHelper getCoreCacheHelper() {
                return null;
              }

              @Override
              public CacheHelper getReaderCacheHelper() {
                return null;
              }
            };
    for (int threads : new int[] {1, 4}) {
      IOException e =
          assertThrows(
              IOException.class,
              () ->
                  syntheticRun(SuggestOptions.defaults().with(0, 3).withThreads(threads), failing));
      assertEquals(IOException.class, e.getClass());
      assertTrue(e.getMessage().startsWith("disk on fire at doc "), e.getMessage());
      assertNull(e.getCause());
      assertEquals(0, e.getSuppressed().length);
    }
  }

  @Test
  void aFailingScoringThreadThrowsItsOwnIOExceptionToTheCaller() {
    UnaryOperator<LeafReader> failing =
        leaf ->
            new FilterLeafReader(leaf) {
              @Override
              public Terms terms(String field) throws IOException {
                if (field.equals(Fields.TEXT_LEMMA)) {
                  throw new IOException("cannot read the lemmas");
                }
                return super.terms(field);
              }

              @Override
              public CacheHelper getCoreCacheHelper() {
                return null;
              }

              @Override
              public CacheHelper getReaderCacheHelper() {
                return null;
              }
            };
    for (int threads : new int[] {1, 4}) {
      IOException e =
          assertThrows(
              IOException.class,
              () ->
                  syntheticRun(SuggestOptions.defaults().with(0, 3).withThreads(threads), failing));
      assertEquals("cannot read the lemmas", e.getMessage());
      assertNull(e.getCause());
    }
  }

  @Test
  void workersRethrowTheFirstFailureItselfAndStopTheOtherTasks() {
    Workers workers = new Workers();
    IOException boom = new IOException("boom");
    AtomicInteger stoppedEarly = new AtomicInteger();
    List<Workers.Task<Integer>> tasks =
        List.of(
            () -> {
              while (!workers.stopped()) {
                Thread.onSpinWait();
              }
              stoppedEarly.incrementAndGet();
              return 0;
            },
            () -> {
              throw boom;
            });
    IOException thrown =
        assertThrows(IOException.class, () -> workers.run("test", tasks, () -> {}));
    assertSame(boom, thrown);
    assertEquals(1, stoppedEarly.get(), "the other task ran on after the failure");
    IllegalStateException bug = new IllegalStateException("bug");
    IllegalStateException rethrown =
        assertThrows(
            IllegalStateException.class,
            () ->
                new Workers()
                    .run(
                        "test",
                        List.<Workers.Task<Integer>>of(
                            () -> 1,
                            () -> {
                              throw bug;
                            }),
                        () -> {}));
    assertSame(bug, rethrown);
  }

  // a directory reader whose segments are wrapped, for readers that fail on purpose
  private static final class Wrapped extends FilterDirectoryReader {
    Wrapped(DirectoryReader in, UnaryOperator<LeafReader> wrap) throws IOException {
      super(
          in,
          new SubReaderWrapper() {
            @Override
            public LeafReader wrap(LeafReader reader) {
              return wrap.apply(reader);
            }
          });
    }

    @Override
    protected DirectoryReader doWrapDirectoryReader(DirectoryReader in) {
      throw new UnsupportedOperationException("never reopened");
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }
  }
}
