package org.quarry.coding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.search.similarities.Similarity;

/**
 * Rewrites a code's queries for a store that scores them itself ({@link ScoringStore}), so that it
 * scores each passage as a local index of the same passages does:
 *
 * <ul>
 *   <li>a wildcard ({@code represent*}, or {@code word*} in a raw query) becomes its words, as
 *       Lucene's {@code TopTermsBlendedFreqScoringRewrite} picks them (the first {@value
 *       CodeQueryBuilder#WILDCARD_TERMS} in the index's order) and blends them (every word scored
 *       as if it had the largest document frequency among them): each word a clause boosted by the
 *       blended word's ceiling over its own ({@link EntryCeiling}), which BM25 multiplies into the
 *       same score;
 *   <li>a phrase with wildcard words is weighed on the store's statistics ({@link
 *       WildcardPhraseQuery#weighed}): the store only finds candidates for it, and Quarry scores
 *       them ({@link StoreSuggester});
 *   <li>what else a raw query may hold and the store cannot weigh (fuzzy, regular expression, range
 *       on words) is refused.
 * </ul>
 */
final class StoreQueries {
  private final IndexStatistics statistics;
  private final Similarity similarity = ScoreCalibration.similarity();

  StoreQueries(IndexStatistics statistics) {
    this.statistics = statistics;
  }

  /**
   * {@code cq} with every entry and exclude resolved.
   *
   * @throws IllegalArgumentException naming a wildcard phrase whose wildcard matches too many words
   * @throws UnsupportedOperationException naming a query part the store cannot weigh
   */
  CodeQueryBuilder.CodeQuery resolve(CodeQueryBuilder.CodeQuery cq) throws IOException {
    List<CodeQueryBuilder.Entry> entries = new ArrayList<>();
    for (CodeQueryBuilder.Entry e : cq.entries()) {
      entries.add(new CodeQueryBuilder.Entry(e.term(), resolve(e.query())));
    }
    List<CodeQueryBuilder.Entry> excludes = new ArrayList<>();
    for (CodeQueryBuilder.Entry e : cq.excludes()) {
      excludes.add(new CodeQueryBuilder.Entry(e.term(), resolve(e.query())));
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    entries.forEach(e -> b.add(e.query(), BooleanClause.Occur.SHOULD));
    excludes.forEach(e -> b.add(e.query(), BooleanClause.Occur.MUST_NOT));
    Query q = entries.isEmpty() ? cq.query() : b.build();
    return new CodeQueryBuilder.CodeQuery(cq.code(), entries, excludes, q);
  }

  /**
   * Every plain word of the codes' queries (entries and excludes), for {@link
   * IndexStatistics#prefetch}.
   */
  static java.util.Set<Term> words(List<CodeQueryBuilder.CodeQuery> queries) {
    java.util.Set<Term> words = new java.util.HashSet<>();
    org.apache.lucene.search.QueryVisitor visitor =
        new org.apache.lucene.search.QueryVisitor() {
          @Override
          public void consumeTerms(Query query, Term... terms) {
            words.addAll(List.of(terms));
          }

          @Override
          public org.apache.lucene.search.QueryVisitor getSubVisitor(
              BooleanClause.Occur occur, Query parent) {
            return this;
          }
        };
    for (CodeQueryBuilder.CodeQuery cq : queries) {
      cq.entries().forEach(e -> e.query().visit(visitor));
      cq.excludes().forEach(e -> e.query().visit(visitor));
      for (CodeQueryBuilder.Entry e : cq.entries()) {
        if (e.query() instanceof WildcardPhraseQuery w) {
          w.parts().forEach(part -> part.visit(visitor));
        }
      }
    }
    return words;
  }

  /** {@code q} resolved (see the class comment). */
  Query resolve(Query q) throws IOException {
    if (q instanceof BooleanQuery b) {
      BooleanQuery.Builder out = new BooleanQuery.Builder();
      out.setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
      for (BooleanClause c : b.clauses()) {
        out.add(resolve(c.query()), c.occur());
      }
      return out.build();
    }
    if (q instanceof BoostQuery b) {
      return new BoostQuery(resolve(b.getQuery()), b.getBoost());
    }
    if (q instanceof DisjunctionMaxQuery d) {
      List<Query> disjuncts = new ArrayList<>();
      for (Query x : d.getDisjuncts()) {
        disjuncts.add(resolve(x));
      }
      return new DisjunctionMaxQuery(disjuncts, d.getTieBreakerMultiplier());
    }
    if (q instanceof WildcardPhraseQuery w) {
      return w.weighed(weight(w));
    }
    if (q instanceof WildcardQuery w && blended(w)) {
      return blended(w.getField(), w.getTerm().text());
    }
    if (q instanceof PrefixQuery p && blended(p)) {
      return blended(p.getField(), escape(p.getPrefix().text()) + "*");
    }
    if (q instanceof MultiTermQuery) {
      throw new UnsupportedOperationException(
          "this part of a code's query cannot be scored in a store yet: " + q);
    }
    if (q instanceof TermQuery
        || q instanceof PhraseQuery
        || q instanceof MultiPhraseQuery
        || q instanceof SynonymQuery
        || q instanceof MatchNoDocsQuery) {
      return q;
    }
    throw new UnsupportedOperationException(
        "this part of a code's query cannot be scored in a store yet: " + q);
  }

  private static boolean blended(MultiTermQuery q) {
    return q.getRewriteMethod() instanceof MultiTermQuery.TopTermsBlendedFreqScoringRewrite t
        && t.getSize() == CodeQueryBuilder.WILDCARD_TERMS;
  }

  // the words a wildcard picks, blended; no clause when it matches no word
  private Query blended(String field, String pattern) throws IOException {
    List<TermStatistics> words = statistics.words(field, pattern, CodeQueryBuilder.WILDCARD_TERMS);
    if (words.isEmpty()) {
      return new MatchNoDocsQuery("no word matches " + pattern);
    }
    long maxDocFreq = 0;
    for (TermStatistics w : words) {
      maxDocFreq = Math.max(maxDocFreq, w.docFreq());
    }
    double blended = ceiling(field, words.get(0), maxDocFreq);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (TermStatistics w : words) {
      Query word = new TermQuery(new Term(field, w.term()));
      float boost = (float) (blended / ceiling(field, w, w.docFreq()));
      b.add(new BoostQuery(word, boost), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  private double ceiling(String field, TermStatistics word, long docFreq) throws IOException {
    return EntryCeiling.ofWord(statistics, similarity, new Term(field, word.term()), docFreq);
  }

  // as WildcardPhraseQuery.weight on a local index: the plain runs' ceilings, and each wildcard
  // word's best word among those its blended rewrite picks; a wildcard word of more words than a
  // phrase may hold is refused, as the local index refuses it
  private double weight(WildcardPhraseQuery w) throws IOException {
    double sum = 0;
    for (Query part : w.parts()) {
      if (part instanceof WildcardQuery wq) {
        String field = wq.getField();
        String pattern = wq.getTerm().text();
        int over = CodeQueryBuilder.PHRASE_WILDCARD_TERMS + 1;
        if (statistics.words(field, pattern, over).size() >= over) {
          throw new IllegalArgumentException(
              "term '"
                  + w.term()
                  + "': a wildcard matches more than "
                  + CodeQueryBuilder.PHRASE_WILDCARD_TERMS
                  + " different words of the index; write more letters before the '*'");
        }
        List<TermStatistics> words =
            statistics.words(field, pattern, CodeQueryBuilder.WILDCARD_TERMS);
        long maxDocFreq = 0;
        for (TermStatistics t : words) {
          maxDocFreq = Math.max(maxDocFreq, t.docFreq());
        }
        sum += words.isEmpty() ? 0 : ceiling(field, words.get(0), maxDocFreq);
      } else {
        sum += EntryCeiling.of(statistics, similarity, part);
      }
    }
    return sum;
  }

  /**
   * A query that matches every passage {@code w} can match, and maybe more, in terms a store can
   * search: all its parts (a plain run as its phrase, synonyms as alternatives, a wildcard word as
   * a wildcard), anywhere in the passage.
   */
  static Query candidates(WildcardPhraseQuery w) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query part : w.parts()) {
      b.add(loose(part), BooleanClause.Occur.MUST);
    }
    return b.build();
  }

  // a part as a query a store can search, matching at least where the part matches
  private static Query loose(Query part) {
    if (part instanceof MultiPhraseQuery m) {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      for (Term[] position : m.getTermArrays()) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Term t : position) {
          any.add(new TermQuery(t), BooleanClause.Occur.SHOULD);
        }
        all.add(any.build(), BooleanClause.Occur.MUST);
      }
      return all.build();
    }
    if (part instanceof SynonymQuery s) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (Term t : s.getTerms()) {
        any.add(new TermQuery(t), BooleanClause.Occur.SHOULD);
      }
      return any.build();
    }
    return part; // a word, a phrase, a wildcard word
  }

  // a prefix as the start of a wildcard pattern: its own wildcard characters taken literally
  private static String escape(String prefix) {
    StringBuilder s = new StringBuilder(prefix.length());
    for (int i = 0; i < prefix.length(); i++) {
      char c = prefix.charAt(i);
      if (c == '*' || c == '?' || c == '\\') {
        s.append('\\');
      }
      s.append(c);
    }
    return s.toString();
  }
}
