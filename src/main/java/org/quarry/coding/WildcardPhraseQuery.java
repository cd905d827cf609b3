package org.quarry.coding;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * A lexicon phrase with wildcard words ({@code "human subject*"}): matched by Lucene's intervals
 * ({@link IntervalQuery} of {@code Intervals.phrase}), scored on BM25's scale.
 *
 * <p>An interval query scores in [0, 1) whatever its words, while every other lexicon entry scores
 * BM25, about its idf per mention; unscaled, the phrase would count for a fraction of a mention in
 * {@link ScoreCalibration}. So its score is boosted by the sum of its parts' ceilings on this index
 * ({@link EntryCeiling}: the plain words as a phrase, each wildcard word as one of its words, as a
 * single-word wildcard entry is blended), and its saturation pivot is BM25's k1: one mention then
 * scores that sum over (1 + k1), what BM25 gives a plain phrase in a passage of average length.
 * Unlike BM25, passage length does not count.
 */
final class WildcardPhraseQuery extends Query {
  private final String term;
  private final IntervalQuery intervals;
  private final List<Query> parts;
  // the weight given by a store's statistics (StoreQueries), or NaN to weigh the parts on the
  // searcher the query runs on
  private final double resolvedWeight;

  /**
   * The phrase {@code term} (as written, for errors) matching {@code source} on {@code field};
   * {@code parts} are the queries whose ceilings add up to its weight.
   */
  WildcardPhraseQuery(String term, String field, IntervalsSource source, List<Query> parts) {
    this.term = term;
    this.intervals = new IntervalQuery(field, source, (float) ScoreCalibration.K1);
    this.parts = List.copyOf(parts);
    this.resolvedWeight = Double.NaN;
  }

  private WildcardPhraseQuery(WildcardPhraseQuery q, double weight) {
    this.term = q.term;
    this.intervals = q.intervals;
    this.parts = q.parts;
    this.resolvedWeight = weight;
  }

  /**
   * This phrase weighed {@code weight} wherever it runs, as its parts weigh on a store's
   * statistics: a passage read from the store into an index of its own then scores as it would in
   * one index of the whole store.
   */
  WildcardPhraseQuery weighed(double weight) {
    return new WildcardPhraseQuery(this, weight);
  }

  /** The entry as written in the codebook. */
  String term() {
    return term;
  }

  /** The queries of its parts: each run of plain words, and each wildcard word. */
  List<Query> parts() {
    return parts;
  }

  /** The weight {@link #weighed} gave it. */
  double resolvedWeight() {
    if (Double.isNaN(resolvedWeight)) {
      throw new IllegalStateException("not weighed on a store: " + term);
    }
    return resolvedWeight;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    float scale =
        !scoreMode.needsScores()
            ? 1f
            : (float) (Double.isNaN(resolvedWeight) ? weight(searcher) : resolvedWeight);
    Weight in = intervals.createWeight(searcher, scoreMode, boost * scale);
    // Lucene refuses a wildcard of more words than its cap in a segment with an
    // IllegalStateException at search time; it is the codebook's term that needs fixing
    return new FilterWeight(this, in) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        try {
          return in.scorerSupplier(context);
        } catch (IllegalStateException e) {
          throw tooManyWords(e);
        }
      }

      @Override
      public Matches matches(LeafReaderContext context, int doc) throws IOException {
        try {
          return in.matches(context, doc);
        } catch (IllegalStateException e) {
          throw tooManyWords(e);
        }
      }
    };
  }

  // the sum of the parts' ceilings ({@link EntryCeiling}; a wildcard word counts its best word, as
  // one of its words matches at a time): the most the phrase scores
  double weight(IndexSearcher searcher) throws IOException {
    double sum = 0;
    for (Query part : parts) {
      sum += EntryCeiling.oneWord(searcher, part);
    }
    return sum;
  }

  private IllegalArgumentException tooManyWords(IllegalStateException e) {
    return new IllegalArgumentException(
        "term '"
            + term
            + "': a wildcard matches more than "
            + CodeQueryBuilder.PHRASE_WILDCARD_TERMS
            + " different words of the index; write more letters before the '*'",
        e);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    intervals.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return intervals.toString(field);
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o)
        && intervals.equals(((WildcardPhraseQuery) o).intervals)
        && parts.equals(((WildcardPhraseQuery) o).parts)
        && Double.compare(resolvedWeight, ((WildcardPhraseQuery) o).resolvedWeight) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), intervals, parts, resolvedWeight);
  }
}
