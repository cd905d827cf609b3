package org.quarry.coding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.quarry.analysis.Glossary;
import org.quarry.index.Fields;
import org.quarry.index.PassageDocuments;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.PassageKind;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.SuggestMethod;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.model.SuggestionRun;

/**
 * Suggests codes for passages in bulk, through the index: one query per code (see {@link
 * CodeQueryBuilder}) runs once over the passages a run selects, its BM25 score on each passage is
 * calibrated into [0, 1] ({@link ScoreCalibration}) and the best {@code top} codes per passage at
 * or above the floor are kept. Only then, for the kept suggestions, Lucene's Matches API finds the
 * words each lexicon entry matched, with offsets that are mapped to the source file as read.
 *
 * <p>A quote or turn also draws on its context ({@link PassageContexts}: the narrative that
 * introduces a quote, the question before a turn): a code's raw score on it adds the code's score
 * on the context times {@link SuggestOptions#contextWeight()}, and the context's matched words come
 * back as evidence that names the context passage.
 *
 * <p>The cost is one search per code plus the evidence of what is kept; passages are never scored
 * one by one against stored text. Both parts can run on several threads ({@link
 * SuggestOptions#threads()}): the codes are split among threads ({@link CodeScorer}), then the kept
 * passages ({@link SuggestionGatherer}); the output is the same on any number of threads.
 */
public final class CodeSuggester implements Suggester {

  // runs of kept documents per evidence thread: enough to even out slow runs, few enough that a
  // run's first passage rarely has to find its context's evidence again
  private static final int RUNS_PER_THREAD = 4;

  // at most this many kept documents in a run: what a thread holds before its run is handed on
  static final int MAX_RUN_DOCS = 2048;

  // how far a thread may run ahead of the run the sink waits for, in runs per thread: bounds what
  // waits in memory when one run is slow
  private static final int RUNS_AHEAD_PER_THREAD = 2;

  private final List<CodeQueryBuilder.CodeQuery> queries = new ArrayList<>();
  private final double defaultMinScore;

  /**
   * A suggester for the codes of {@code codebook} that have terms or a query, with glossary
   * synonyms.
   *
   * @throws IllegalArgumentException naming a term or query that cannot be used
   */
  public CodeSuggester(Codebook codebook, Glossary glossary) {
    this(codebook, glossary, SuggestOptions.DEFAULT_MIN_SCORE);
  }

  /**
   * A suggester whose default threshold is {@code defaultMinScore} (chosen on coded passages, see
   * {@link org.quarry.learn.LearnedModel#lexiconThreshold()}).
   *
   * @throws IllegalArgumentException naming a term or query that cannot be used
   */
  public CodeSuggester(Codebook codebook, Glossary glossary, double defaultMinScore) {
    this.defaultMinScore = defaultMinScore;
    CodeQueryBuilder builder = new CodeQueryBuilder(glossary);
    for (Code c : codebook.codes()) {
      if (!c.terms().isEmpty() || (c.query() != null && !c.query().isBlank())) {
        queries.add(builder.build(c));
      }
    }
  }

  @Override
  public SuggestMethod method() {
    return SuggestMethod.LEXICON;
  }

  @Override
  public double defaultMinScore() {
    return defaultMinScore;
  }

  /** The codes this suggester runs, in codebook order. */
  @Override
  public List<Code> codes() {
    return queries.stream().map(CodeQueryBuilder.CodeQuery::code).toList();
  }

  /**
   * The query of every passage the options select (type, duplicates, kind, passage ids, drill-down
   * filters). Without a kind, interviewer turns are left out unless passage ids are given (see
   * {@link SuggestOptions#kind()}).
   *
   * @throws IllegalArgumentException naming an unknown kind or filter dimension
   */
  public static Query selection(IndexReader reader, SuggestOptions options) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)), BooleanClause.Occur.FILTER);
    if (!options.includeDuplicates()) {
      b.add(new TermQuery(new Term(Fields.DUPLICATE, "true")), BooleanClause.Occur.MUST_NOT);
    }
    String kind = options.kind();
    if (kind == null && options.passages() == null) {
      // a researcher codes what participants say; the questions still count as the context of
      // the answers (PassageContexts covers the whole index, not the selection)
      b.add(
          new TermQuery(new Term(Fields.KIND, PassageKind.INTERVIEWER.label())),
          BooleanClause.Occur.MUST_NOT);
    } else if (kind != null && !kind.equals(SuggestOptions.ALL_KINDS)) {
      checkKind(kind);
      b.add(new TermQuery(new Term(Fields.KIND, kind)), BooleanClause.Occur.FILTER);
    }
    if (options.passages() != null) {
      List<org.apache.lucene.util.BytesRef> ids =
          options.passages().stream().sorted().map(org.apache.lucene.util.BytesRef::new).toList();
      b.add(
          new org.apache.lucene.search.TermInSetQuery(Fields.ID, ids), BooleanClause.Occur.FILTER);
    }
    Query base = b.build();
    if (options.filters().isEmpty()) {
      return base;
    }
    FieldInfos infos = FieldInfos.getMergedFieldInfos(reader);
    DrillDownQuery drill = new DrillDownQuery(PassageDocuments.facetsConfig(), base);
    for (Map.Entry<String, List<String>> f : new TreeMap<>(options.filters()).entrySet()) {
      if (!Fields.FIXED_FACETS.contains(f.getKey()) && infos.fieldInfo(f.getKey()) == null) {
        throw unknownDimension(f.getKey());
      }
      for (String v : f.getValue()) {
        drill.add(f.getKey(), v);
      }
    }
    return drill;
  }

  /** The error of a filter on a dimension no passage has. */
  public static IllegalArgumentException unknownDimension(String dimension) {
    return new IllegalArgumentException(
        "unknown filter dimension '"
            + dimension
            + "'; known: "
            + String.join(", ", Fields.FIXED_FACETS)
            + " and the participant attributes");
  }

  /**
   * Checks a run's passage kind: null, {@link SuggestOptions#ALL_KINDS} or a kind's label.
   *
   * @throws IllegalArgumentException naming an unknown kind
   */
  static void checkKind(String kind) {
    if (kind != null
        && !kind.equals(SuggestOptions.ALL_KINDS)
        && java.util.Arrays.stream(PassageKind.values()).noneMatch(k -> k.label().equals(kind))) {
      throw new IllegalArgumentException(
          "unknown passage kind '"
              + kind
              + "' (use quote, narrative, turn, interviewer, response, or "
              + SuggestOptions.ALL_KINDS
              + " for every kind)");
    }
  }

  /**
   * Suggests codes for the passages of {@code reader} that {@code options} select, on up to {@link
   * SuggestOptions#threads()} threads, by source and position; the result does not depend on how
   * many threads. {@code progress} is called on the calling thread only.
   *
   * @throws IllegalArgumentException naming an unknown kind or filter dimension
   */
  @Override
  public SuggestionRun suggest(IndexReader reader, SuggestOptions options, SuggestProgress progress)
      throws IOException {
    List<PassageSuggestions> out = new ArrayList<>();
    SuggestionRun totals = suggestEach(reader, options, progress, out::add);
    out.sort(
        Comparator.comparing((PassageSuggestions s) -> s.passage().source())
            .thenComparingInt(s -> s.passage().start())
            .thenComparing(s -> s.passage().id()));
    return new SuggestionRun(
        out, totals.considered(), totals.codes(), totals.scoringNanos(), totals.evidenceNanos(), 0);
  }

  /**
   * Suggests codes as {@link #suggest} does, handing each passage's suggestions to {@code sink} in
   * index order, one at a time, as soon as the passages before it are handed over; on any number of
   * threads the sink sees the same passages in the same order. What is held at once is the codes'
   * best scores per selected passage and a few runs of {@value #MAX_RUN_DOCS} passages per thread,
   * not the whole run.
   */
  @Override
  public SuggestionRun suggestEach(
      IndexReader reader,
      SuggestOptions options,
      SuggestProgress progress,
      Consumer<PassageSuggestions> sink)
      throws IOException {
    long t0 = System.nanoTime();
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setSimilarity(ScoreCalibration.similarity());
    searcher.setQueryCache(null); // each query runs once
    Query selection = selection(reader, options);
    int considered = searcher.count(selection);
    int k = Math.max(1, Math.min(options.top(), queries.size()));
    int maxDoc = reader.maxDoc();
    FixedBitSet selected = selectedDocs(searcher, selection);
    Slots slots = Slots.of(selected, maxDoc);
    double contextWeight = options.contextWeight();
    PassageContexts contexts = contextWeight > 0 ? PassageContexts.of(reader) : null;
    // the documents a code is scored on: the selection and the contexts of selected passages
    FixedBitSet scored = selected.clone();
    if (contexts != null) {
      for (int d = selected.nextSetBit(0);
          d != DocIdSetIterator.NO_MORE_DOCS;
          d = d + 1 < maxDoc ? selected.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
        int c = contexts.contextOf(d);
        if (c != PassageContexts.NONE) {
          scored.set(c);
        }
      }
    }
    CodeScorer scorer =
        score(
            new CodeScorer(
                searcher,
                queries,
                selected,
                slots,
                scored,
                contexts,
                contextWeight,
                options.minScore(),
                k),
            options.threads(),
            progress);
    progress.update(queries.size(), queries.size(), "");
    long t1 = System.nanoTime();
    SuggestionGatherer gatherer =
        new SuggestionGatherer(
            searcher,
            queries,
            slots,
            scorer.bestCodes(),
            scorer.bestScores(),
            k,
            options.evidence(),
            contexts);
    gather(gatherer, options.threads(), progress, sink);
    return new SuggestionRun(
        List.of(), considered, queries.size(), t1 - t0, System.nanoTime() - t1, 0);
  }

  // runs every code, on the calling thread or split among threads: code c on thread c mod n, a
  // fixed assignment (codes cost alike on average, and which thread ranks a code never depends on
  // timing); each thread keeps its own best codes per document, merged by the same order after
  private CodeScorer score(CodeScorer first, int threads, SuggestProgress progress)
      throws IOException {
    int codes = queries.size();
    int n = Math.min(threads, codes);
    if (n <= 1) {
      for (int c = 0; c < codes; c++) {
        progress.update(c, codes, queries.get(c).code().id());
        first.score(c);
      }
      return first;
    }
    Workers workers = new Workers();
    AtomicInteger done = new AtomicInteger();
    AtomicReference<String> current = new AtomicReference<>("");
    List<Workers.Task<CodeScorer>> tasks = new ArrayList<>(n);
    for (int t = 0; t < n; t++) {
      int offset = t;
      tasks.add(
          () -> {
            CodeScorer mine = offset == 0 ? first : first.sibling();
            for (int c = offset; c < codes && !workers.stopped(); c += n) {
              current.set(queries.get(c).code().id());
              mine.score(c);
              done.incrementAndGet();
            }
            return mine;
          });
    }
    List<CodeScorer> scorers =
        workers.run("score", tasks, () -> progress.update(done.get(), codes, current.get()));
    for (int t = 1; t < n; t++) {
      first.mergeFrom(scorers.get(t));
    }
    return first;
  }

  // the suggestions of every document with a kept code, to the sink in document order: on the
  // calling thread, or in runs of consecutive kept documents that threads take in turn
  // (consecutive, so passages that share a context share its evidence; several per thread, so a
  // slow run does not leave the other threads idle), handed over in run order
  private static void gather(
      SuggestionGatherer gatherer,
      int threads,
      SuggestProgress progress,
      Consumer<PassageSuggestions> sink)
      throws IOException {
    int[] docs = gatherer.keptDocs();
    int n = Math.min(threads, docs.length);
    if (n <= 1) {
      int[] done = {0};
      gatherer
          .pass()
          .gather(
              docs,
              0,
              docs.length,
              ps -> {
                sink.accept(ps);
                if (++done[0] % 1000 == 0) {
                  progress.update(done[0], docs.length, ps.passage().id());
                }
              },
              () -> false);
      return;
    }
    int runs =
        Math.min(
            docs.length,
            Math.max(n * RUNS_PER_THREAD, (docs.length + MAX_RUN_DOCS - 1) / MAX_RUN_DOCS));
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicReference<String> current = new AtomicReference<>("");
    Workers workers = new Workers();
    RunsInOrder inOrder = new RunsInOrder(sink, n * RUNS_AHEAD_PER_THREAD, workers::stopped);
    List<Workers.Task<Void>> tasks = new ArrayList<>(n);
    for (int t = 0; t < n; t++) {
      tasks.add(
          () -> {
            SuggestionGatherer.Pass pass = gatherer.pass();
            for (int r = next.getAndIncrement();
                r < runs && !workers.stopped();
                r = next.getAndIncrement()) {
              if (!inOrder.awaitTurn(r)) {
                break;
              }
              int from = (int) ((long) r * docs.length / runs);
              int to = (int) ((long) (r + 1) * docs.length / runs);
              List<PassageSuggestions> part = new ArrayList<>(to - from);
              pass.gather(
                  docs,
                  from,
                  to,
                  ps -> {
                    part.add(ps);
                    done.incrementAndGet();
                    current.lazySet(ps.passage().id());
                  },
                  workers::stopped);
              inOrder.complete(r, part);
            }
            return null;
          });
    }
    workers.run("evidence", tasks, () -> progress.update(done.get(), docs.length, current.get()));
  }

  // the selected documents, by global document number
  static FixedBitSet selectedDocs(IndexSearcher searcher, Query selection) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    FixedBitSet bits = new FixedBitSet(Math.max(1, reader.maxDoc()));
    Weight w = searcher.createWeight(searcher.rewrite(selection), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : reader.leaves()) {
      Scorer s = w.scorer(leaf);
      if (s == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = s.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live == null || live.get(doc)) {
          bits.set(leaf.docBase + doc);
        }
      }
    }
    return bits;
  }

  /** Scores are reported to four decimals, so output is the same on every platform. */
  static double round(double score) {
    return org.quarry.model.Scores.round(score);
  }
}
