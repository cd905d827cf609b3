package org.quarry.coding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * The offsets of one lexicon entry's matches in passages asked in increasing document order, as
 * Lucene's Matches API gives them, in the same order: for a word or a plain phrase from postings
 * opened once per segment and advanced ({@link TermCursor}, {@link PhraseCursor}), and so for a
 * wildcard's words ({@link DisjunctionCursor}); for any other entry from {@link Weight#matches}
 * where the entry matches ({@link MatchesCursor}).
 *
 * <p>{@code Weight.matches} opens the postings of every term anew on each call; over a million
 * passages that was most of the evidence's time. Not thread-safe: one per thread.
 */
abstract class EntryCursor {
  /** Receives the start and end offsets (chars of the field's text) of one match. */
  @FunctionalInterface
  interface Offsets {
    void accept(int start, int end);
  }

  private LeafReaderContext leaf;
  private int lastDoc = -1;
  private int[] found = new int[8]; // the last document's matches, start and end in turn
  private int count;

  /** The cursor of the entry whose (rewritten) query {@code weight} was made from. */
  static EntryCursor of(Weight weight) {
    Query q = unboosted(weight.getQuery());
    if (q instanceof TermQuery t) {
      return new TermCursor(t.getTerm());
    }
    if (q instanceof PhraseQuery p && p.getSlop() == 0 && p.getTerms().length > 1) {
      return new PhraseCursor(p);
    }
    List<Term> words = words(q);
    if (words != null) {
      return new DisjunctionCursor(words);
    }
    return new MatchesCursor(weight);
  }

  // a boost changes a score, not where a query matches
  private static Query unboosted(Query q) {
    while (q instanceof BoostQuery b) {
      q = b.getQuery();
    }
    return q;
  }

  // the words of a disjunction of words of one field (a rewritten wildcard), or null for any other
  // query: the Matches API orders matches by position within a field, but fields by name
  private static List<Term> words(Query q) {
    if (!(q instanceof BooleanQuery b) || b.getMinimumNumberShouldMatch() > 0) {
      return null;
    }
    List<Term> words = new ArrayList<>();
    for (BooleanClause c : b.clauses()) {
      if (c.occur() != BooleanClause.Occur.SHOULD
          || !(unboosted(c.query()) instanceof TermQuery t)
          || (!words.isEmpty() && !words.get(0).field().equals(t.getTerm().field()))) {
        return null;
      }
      words.add(t.getTerm());
    }
    return words.isEmpty() ? null : words;
  }

  /**
   * Hands {@code out} the offsets of every match of the entry in document {@code doc} of {@code
   * leaf}: none when it does not match or its field holds no offsets. A document asked again gets
   * the same; an earlier one starts the segment again.
   */
  final void offsets(LeafReaderContext leaf, int doc, Offsets out) throws IOException {
    if (leaf != this.leaf || doc < lastDoc) {
      this.leaf = leaf;
      lastDoc = -1;
      open(leaf);
    }
    if (doc != lastDoc) {
      lastDoc = doc;
      count = 0;
      read(doc);
    }
    for (int i = 0; i < count; i++) {
      out.accept(found[2 * i], found[2 * i + 1]);
    }
  }

  /** Positions the cursor at the start of segment {@code leaf}. */
  abstract void open(LeafReaderContext leaf) throws IOException;

  /**
   * Finds the matches in {@code doc}, after every document asked since {@link #open}, by {@link
   * #add}.
   */
  abstract void read(int doc) throws IOException;

  /**
   * Whether {@code it}, advanced if it is behind, is at document {@code doc}; null is at none. The
   * documents asked only increase between two {@link #open}s, so no iterator is ever past one it
   * must still see.
   */
  static boolean advanceTo(DocIdSetIterator it, int doc) throws IOException {
    if (it == null) {
      return false;
    }
    int d = it.docID();
    return (d < doc ? it.advance(doc) : d) == doc;
  }

  /** Records one match of the document being read. */
  final void add(int start, int end) {
    if (2 * count + 2 > found.length) {
      found = Arrays.copyOf(found, found.length * 2);
    }
    found[2 * count] = start;
    found[2 * count + 1] = end;
    count++;
  }
}
