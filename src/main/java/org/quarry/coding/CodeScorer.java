package org.quarry.coding;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

/**
 * Scores codes over every document of an index and keeps the best {@code k} codes per document, for
 * one thread: the arrays it writes are its own, what it reads (searcher, queries, selection,
 * contexts) is shared and never written. Scorers that each ran some of the codes are merged into
 * one ({@link #mergeFrom}) with the same order as one scorer that ran them all.
 *
 * <p>The order of a document's codes is total: score descending, then codebook order on equal
 * scores. So the best {@code k} of a union of codes are the best {@code k} of the per-scorer bests,
 * whichever codes each scorer ran and in whichever order.
 */
final class CodeScorer {
  private final IndexSearcher searcher;
  private final List<CodeQueryBuilder.CodeQuery> queries;
  private final FixedBitSet selected;
  private final Slots slots;
  private final FixedBitSet scored;
  private final PassageContexts contexts;
  private final double contextWeight;
  private final double minScore;
  private final int k;

  // the best codes of the passage in slot s are bestCodes[s * k ..], -1 past the last, scores alike
  private final int[] bestCodes;
  private final float[] bestScores;
  private final float[] raw; // one code's raw score per document, 0 where it did not match
  private final int[] matched; // the documents it matched, raw[] > 0
  private final int[] lastCode; // the last code a document was ranked for, + 1

  /**
   * A scorer of {@code queries} (by index, codebook order) on the {@code selected} passages
   * (numbered by {@code slots}), which scores the documents in {@code scored} (the selection and
   * the selection's contexts).
   *
   * @param contexts the passages' contexts, or null to leave context out
   */
  CodeScorer(
      IndexSearcher searcher,
      List<CodeQueryBuilder.CodeQuery> queries,
      FixedBitSet selected,
      Slots slots,
      FixedBitSet scored,
      PassageContexts contexts,
      double contextWeight,
      double minScore,
      int k) {
    this(
        searcher,
        searcher.getIndexReader().maxDoc(),
        queries,
        selected,
        slots,
        scored,
        contexts,
        contextWeight,
        minScore,
        k);
  }

  /**
   * A scorer of documents {@code 0 .. maxDoc} that a store scored itself, for {@link #rankScored};
   * {@code searcher} is null then, and {@link #score} cannot be called.
   */
  CodeScorer(
      IndexSearcher searcher,
      int maxDoc,
      List<CodeQueryBuilder.CodeQuery> queries,
      FixedBitSet selected,
      Slots slots,
      FixedBitSet scored,
      PassageContexts contexts,
      double contextWeight,
      double minScore,
      int k) {
    this.searcher = searcher;
    this.queries = queries;
    this.selected = selected;
    this.slots = slots;
    this.scored = scored;
    this.contexts = contexts;
    this.contextWeight = contextWeight;
    this.minScore = minScore;
    this.k = k;
    this.bestCodes = new int[slots.size() * k];
    this.bestScores = new float[slots.size() * k];
    Arrays.fill(bestCodes, -1);
    this.raw = new float[maxDoc];
    this.matched = new int[maxDoc];
    this.lastCode = new int[maxDoc];
  }

  /** A scorer of the same run with arrays of its own, for another thread. */
  CodeScorer sibling() {
    return new CodeScorer(
        searcher,
        raw.length,
        queries,
        selected,
        slots,
        scored,
        contexts,
        contextWeight,
        minScore,
        k);
  }

  /**
   * The best codes per selected passage: those of slot {@code s} from {@code s * k}, -1 past the
   * last.
   */
  int[] bestCodes() {
    return bestCodes;
  }

  /** The calibrated scores of {@link #bestCodes()}, alike. */
  float[] bestScores() {
    return bestScores;
  }

  /** Runs code {@code c} (its index in codebook order) and ranks it on the passages it concerns. */
  void score(int c) throws IOException {
    CodeQueryBuilder.CodeQuery cq = queries.get(c);
    List<Query> entryQueries = cq.entries().stream().map(CodeQueryBuilder.Entry::query).toList();
    double reference = ScoreCalibration.reference(searcher, entryQueries);
    if (reference <= 0) {
      return; // no entry occurs in this index
    }
    ScoreCalibration calibration = new ScoreCalibration(reference, cq.code().weight());
    Weight w = searcher.createWeight(searcher.rewrite(cq.query()), ScoreMode.COMPLETE, 1f);
    int[] count = {0};
    for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
      BulkScorer bulk = w.bulkScorer(ctx);
      if (bulk == null) {
        continue;
      }
      int base = ctx.docBase;
      // the bulk scorer scores a disjunction in windows, much faster than doc-at-a-time; the
      // documents to score are a bit set computed once rather than a filter intersected per code
      bulk.score(
          new LeafCollector() {
            private Scorable scorer;

            @Override
            public void setScorer(Scorable s) {
              scorer = s;
            }

            @Override
            public void collect(int doc) throws IOException {
              int g = base + doc;
              if (scored.get(g)) {
                float score = scorer.score();
                if (score > 0) {
                  raw[g] = score;
                  matched[count[0]++] = g;
                }
              }
            }
          },
          ctx.reader().getLiveDocs(),
          0,
          DocIdSetIterator.NO_MORE_DOCS);
    }
    FixedBitSet vetoed = contexts == null || cq.excludes().isEmpty() ? null : vetoed(cq);
    rankMatched(c, count[0], calibration, vetoed);
  }

  /**
   * Ranks code {@code c} as {@link #score} does, from raw scores a store gave: {@code scores[i]} of
   * document {@code docs[i]}, each document once, for {@code i < n}; {@code vetoed} holds the
   * documents with an exclude entry of the code (null when it has none, or without contexts).
   */
  void rankScored(
      int c, int[] docs, float[] scores, int n, ScoreCalibration calibration, FixedBitSet vetoed) {
    int count = 0;
    for (int i = 0; i < n; i++) {
      int g = docs[i];
      if (scored.get(g) && scores[i] > 0) {
        raw[g] = scores[i];
        matched[count++] = g;
      }
    }
    rankMatched(c, count, calibration, vetoed);
  }

  // a passage is ranked for the code when it or its context matched, unless its own words hold
  // an exclude entry (the code query vetoes those only where it matched); raw[] covers every
  // leaf, so a context in another segment than its passage counts too
  private void rankMatched(int c, int count, ScoreCalibration calibration, FixedBitSet vetoed) {
    int stamp = c + 1;
    for (int i = 0; i < count; i++) {
      int g = matched[i];
      if (selected.get(g) && lastCode[g] != stamp) {
        lastCode[g] = stamp;
        rank(g, c, calibration);
      }
      if (contexts != null) {
        contexts.forEachDependent(
            g,
            d -> {
              if (selected.get(d) && lastCode[d] != stamp && (vetoed == null || !vetoed.get(d))) {
                lastCode[d] = stamp;
                rank(d, stamp - 1, calibration);
              }
            });
      }
    }
    for (int i = 0; i < count; i++) {
      raw[matched[i]] = 0;
    }
  }

  /**
   * Adds the best codes of {@code other}, a scorer of the same run that ran other codes, to this
   * one's, keeping the best {@code k} of both by the same order.
   */
  void mergeFrom(CodeScorer other) {
    int[] codes = other.bestCodes;
    float[] scores = other.bestScores;
    for (int from = 0; from < codes.length; from += k) {
      for (int i = 0; i < k && codes[from + i] >= 0; i++) {
        keep(bestCodes, bestScores, from, k, codes[from + i], scores[from + i]);
      }
    }
  }

  // the documents that hold an exclude entry of the code
  private FixedBitSet vetoed(CodeQueryBuilder.CodeQuery cq) throws IOException {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    cq.excludes().forEach(e -> any.add(e.query(), BooleanClause.Occur.SHOULD));
    FixedBitSet bits = new FixedBitSet(Math.max(1, raw.length));
    Weight w =
        searcher.createWeight(searcher.rewrite(any.build()), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer s = w.scorer(leaf);
      if (s == null) {
        continue;
      }
      DocIdSetIterator it = s.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        bits.set(leaf.docBase + doc);
      }
    }
    return bits;
  }

  // ranks code c on passage g: its own raw score plus its context's, weighted, calibrated
  private void rank(int g, int c, ScoreCalibration calibration) {
    double r = raw[g];
    if (contexts != null) {
      int ctx = contexts.contextOf(g);
      if (ctx != PassageContexts.NONE) {
        r += contextWeight * raw[ctx];
      }
    }
    double score = calibration.calibrate(r);
    if (score >= minScore && score > 0) {
      keep(bestCodes, bestScores, slots.slotOf(g) * k, k, c, (float) score);
    }
  }

  /**
   * Inserts (code, score) into a document's slots {@code from .. from + k}, which are in order:
   * score descending, then the earlier code on equal scores; -1 marks a free slot.
   */
  static void keep(int[] codes, float[] scores, int from, int k, int code, float score) {
    int pos = k;
    while (pos > 0 && ahead(code, score, codes[from + pos - 1], scores[from + pos - 1])) {
      pos--;
    }
    if (pos == k) {
      return;
    }
    for (int i = k - 1; i > pos; i--) {
      codes[from + i] = codes[from + i - 1];
      scores[from + i] = scores[from + i - 1];
    }
    codes[from + pos] = code;
    scores[from + pos] = score;
  }

  // whether (code, score) goes before a slot holding (otherCode, otherScore)
  private static boolean ahead(int code, float score, int otherCode, float otherScore) {
    return otherCode < 0 || score > otherScore || (score == otherScore && code < otherCode);
  }
}
