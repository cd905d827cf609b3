package org.quarry.coding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;

/**
 * The highest score a lexicon entry's query can give a passage, from the index's term statistics
 * alone: for BM25 a word's idf, a phrase's sum of idfs, a synonym's one pseudo-word, the clauses of
 * a disjunction (a wildcard's words among them) added up. It is what {@link ScoreCalibration}'s
 * ruler is made of.
 *
 * <p>The ruler used before was the largest bound Lucene gives a scorer over one segment ({@code
 * Scorer.getMaxScore} to the last document). Measured on Lucene 10.6 (this class's test), that
 * bound is the similarity's own limit, not a maximum read from the postings' impacts: for a word or
 * a phrase the same as this ceiling, in one segment or many. It differed only where an entry's
 * words fell into different segments: a segment's bound on a disjunction adds up the clauses
 * present in that segment, and a phrase whose words were in no one segment together counted as
 * absent. Here every clause and word counts wherever it is, so the ruler no longer depends on how
 * the index is cut into segments; and a store that returns document frequencies and field
 * statistics but no impacts (a SolrCloud collection) can make the same ruler.
 */
final class EntryCeiling {
  // where the statistics come from: a local searcher (which can also rewrite a query and give
  // Lucene's own bound), or a store's statistics (queries resolved beforehand, see StoreQueries)
  private final IndexSearcher searcher;
  private final IndexStatistics statistics;
  private final Similarity similarity;

  private EntryCeiling(IndexSearcher searcher, IndexStatistics statistics, Similarity similarity) {
    this.searcher = searcher;
    this.statistics = statistics;
    this.similarity = similarity;
  }

  /**
   * The ceiling of {@code q} on {@code searcher}'s index, scored by the searcher's similarity: 0
   * when it cannot match there (a word of it does not occur).
   */
  static double of(IndexSearcher searcher, Query q) throws IOException {
    return new EntryCeiling(searcher, null, searcher.getSimilarity()).of(q);
  }

  /**
   * The ceiling of {@code q} from a store's {@code statistics}, scored by {@code similarity}: the
   * same as {@link #of(IndexSearcher, Query)} on a local index with those statistics. {@code q}
   * holds no wildcard left to expand ({@link StoreQueries} resolves them).
   *
   * @throws UnsupportedOperationException for a query shape that needs an index to be weighed
   */
  static double of(IndexStatistics statistics, Similarity similarity, Query q) throws IOException {
    return new EntryCeiling(null, statistics, similarity).of(q);
  }

  private double of(Query q) throws IOException {
    if (q instanceof BoostQuery b) {
      return b.getBoost() * of(b.getQuery());
    }
    if (q instanceof TermQuery t) {
      TermStates given = t.getTermStates();
      return given != null && searcher != null
          ? ceiling(t.getTerm().field(), stats(t.getTerm(), given))
          : ceiling(t.getTerm().field(), stats(t.getTerm()));
    }
    if (q instanceof PhraseQuery p) {
      return ceiling(p.getField(), stats(List.of(p.getTerms())));
    }
    if (q instanceof MultiPhraseQuery p) {
      // as Lucene's own weight: the statistics of every word at every position
      List<Term> all = new ArrayList<>();
      for (Term[] position : p.getTermArrays()) {
        if (position.length == 0) {
          return 0;
        }
        all.addAll(List.of(position));
      }
      return all.isEmpty() ? 0 : ceiling(all.get(0).field(), stats(all));
    }
    if (q instanceof SynonymQuery s) {
      return synonyms(s);
    }
    if (q instanceof MultiTermQuery m) {
      // rewritten to its words, blended, as a disjunction: Lucene's bound adds up their bounds
      return of(rewrite(m));
    }
    if (q instanceof BooleanQuery b) {
      double sum = 0;
      for (BooleanClause c : b.clauses()) {
        if (c.occur() == BooleanClause.Occur.MUST || c.occur() == BooleanClause.Occur.SHOULD) {
          sum += of(c.query());
        }
      }
      return sum;
    }
    if (q instanceof DisjunctionMaxQuery d) {
      double max = 0;
      double sum = 0;
      for (Query disjunct : d.getDisjuncts()) {
        double c = of(disjunct);
        max = Math.max(max, c);
        sum += c;
      }
      return max + d.getTieBreakerMultiplier() * (sum - max);
    }
    if (q instanceof WildcardPhraseQuery w) {
      return searcher != null ? w.weight(searcher) : w.resolvedWeight();
    }
    if (q instanceof MatchNoDocsQuery) {
      return 0; // a wildcard that matches no word of the index
    }
    Query rewritten = rewrite(q);
    if (!rewritten.equals(q)) {
      return of(rewritten);
    }
    return luceneBound(q);
  }

  private Query rewrite(Query q) throws IOException {
    if (searcher == null) {
      throw new UnsupportedOperationException("cannot be weighed outside an index: " + q);
    }
    return searcher.rewrite(q);
  }

  // a query of no shape known here (a constant score, a range): the bound Lucene gives its scorer
  // on each segment, the largest (0 where it matches nothing)
  private double luceneBound(Query q) throws IOException {
    if (searcher == null) {
      throw new UnsupportedOperationException("cannot be weighed outside an index: " + q);
    }
    Weight w = searcher.createWeight(q, ScoreMode.TOP_SCORES, 1f);
    double max = 0;
    for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
      Scorer s = w.scorer(ctx);
      if (s != null) {
        s.advanceShallow(0);
        max = Math.max(max, s.getMaxScore(DocIdSetIterator.NO_MORE_DOCS));
      }
    }
    return max;
  }

  /**
   * As {@link #of}, but a wildcard counts its best word, as one of its words matches at a time,
   * where {@link #of} adds them up (the parts of a wildcard phrase are weighed so).
   */
  static double oneWord(IndexSearcher searcher, Query q) throws IOException {
    EntryCeiling c = new EntryCeiling(searcher, null, searcher.getSimilarity());
    return q instanceof MultiTermQuery m ? c.best(searcher.rewrite(m)) : c.of(q);
  }

  /**
   * The ceiling of one word with document frequency {@code docFreq} in {@code field}, from a
   * store's statistics: what a blended wildcard gives each of its words (see {@link StoreQueries}).
   */
  static double ofWord(IndexStatistics statistics, Similarity similarity, Term word, long docFreq)
      throws IOException {
    EntryCeiling c = new EntryCeiling(null, statistics, similarity);
    return c.ceiling(word.field(), new TermStatistics(word.bytes(), docFreq, Math.max(1, docFreq)));
  }

  // the best clause of a rewritten wildcard (its words as SHOULD clauses, each maybe boosted)
  private double best(Query rewritten) throws IOException {
    if (rewritten instanceof BooleanQuery b) {
      double best = 0;
      for (BooleanClause c : b.clauses()) {
        best = Math.max(best, of(c.query()));
      }
      return best;
    }
    return of(rewritten);
  }

  // as Lucene's synonym weight: one pseudo-word, the largest document frequency of its words
  private double synonyms(SynonymQuery s) throws IOException {
    long docFreq = 0;
    long totalTermFreq = 0;
    for (Term t : s.getTerms()) {
      TermStatistics ts = stats(t);
      if (ts != null) {
        docFreq = Math.max(docFreq, ts.docFreq());
        totalTermFreq += ts.totalTermFreq();
      }
    }
    if (docFreq == 0) {
      return 0;
    }
    TermStatistics pseudo =
        new TermStatistics(s.getTerms().get(0).bytes(), docFreq, Math.max(docFreq, totalTermFreq));
    return ceiling(s.getField(), pseudo);
  }

  private TermStatistics stats(Term t) throws IOException {
    if (searcher == null) {
      return statistics.term(t);
    }
    return stats(t, TermStates.build(searcher, t, true));
  }

  private TermStatistics stats(Term t, TermStates states) throws IOException {
    return states.docFreq() == 0
        ? null
        : searcher.termStatistics(t, states.docFreq(), states.totalTermFreq());
  }

  // every word's statistics, or null when one of them does not occur
  private TermStatistics[] stats(List<Term> terms) throws IOException {
    TermStatistics[] out = new TermStatistics[terms.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = stats(terms.get(i));
      if (out[i] == null) {
        return null;
      }
    }
    return out;
  }

  // the similarity's score of a mention repeated without end in the shortest passage: its bound
  private double ceiling(String field, TermStatistics... stats) throws IOException {
    if (stats == null || stats.length == 0 || stats[0] == null) {
      return 0;
    }
    CollectionStatistics collection =
        searcher != null ? searcher.collectionStatistics(field) : statistics.field(field);
    if (collection == null) {
      return 0;
    }
    Similarity.SimScorer scorer = similarity.scorer(1f, collection, stats);
    return scorer.score(Float.MAX_VALUE, 1L);
  }
}
