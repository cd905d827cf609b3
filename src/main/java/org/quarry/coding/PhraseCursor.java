package org.quarry.coding;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;

/**
 * An {@link EntryCursor} for an exact phrase (slop 0): each word's postings, with offsets, opened
 * once per segment and advanced together. A match is each position of the phrase's first word that
 * the other words follow at their places; it runs from the first word's start to the last word's
 * end, as Lucene's {@code ExactPhraseMatcher} gives it (words ordered by phrase position, then
 * term).
 */
final class PhraseCursor extends EntryCursor {
  private final Term[] terms;
  private final int[] places; // each word's position in the phrase, ascending
  private final PostingsEnum[] postings;
  private boolean none; // a word is missing from the segment, or it indexes no offsets
  // the current passage's positions and offsets of each word, grown as needed
  private final int[][] positions;
  private final int[][] starts;
  private final int[][] ends;
  private final int[] freqs;
  private final int[] at; // per word, the first of its positions not yet passed

  PhraseCursor(PhraseQuery phrase) {
    Term[] t = phrase.getTerms();
    int[] p = phrase.getPositions();
    Integer[] order = new Integer[t.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingInt(i -> p[i]).thenComparing(i -> t[i]));
    this.terms = new Term[t.length];
    this.places = new int[t.length];
    for (int i = 0; i < order.length; i++) {
      terms[i] = t[order[i]];
      places[i] = p[order[i]];
    }
    this.postings = new PostingsEnum[t.length];
    this.freqs = new int[t.length];
    this.positions = new int[t.length][8];
    this.starts = new int[t.length][8];
    this.ends = new int[t.length][8];
    this.at = new int[t.length];
  }

  @Override
  void open(LeafReaderContext leaf) throws IOException {
    none = false;
    for (int i = 0; i < terms.length; i++) {
      postings[i] = TermCursor.postings(leaf, terms[i]);
      none |= postings[i] == null;
    }
  }

  @Override
  void read(int doc) throws IOException {
    if (none) {
      return;
    }
    for (PostingsEnum p : postings) {
      if (!advanceTo(p, doc)) {
        return;
      }
    }
    for (int i = 0; i < postings.length; i++) {
      int f = postings[i].freq();
      if (f > positions[i].length) {
        positions[i] = new int[f];
        starts[i] = new int[f];
        ends[i] = new int[f];
      }
      for (int j = 0; j < f; j++) {
        positions[i][j] = postings[i].nextPosition();
        starts[i][j] = postings[i].startOffset();
        ends[i][j] = postings[i].endOffset();
      }
      freqs[i] = f;
    }
    int last = terms.length - 1;
    Arrays.fill(at, 0);
    lead:
    for (int j = 0; j < freqs[0]; j++) {
      int phrase = positions[0][j] - places[0];
      int lastAt = -1;
      for (int i = 1; i < terms.length; i++) {
        int want = phrase + places[i];
        while (at[i] < freqs[i] && positions[i][at[i]] < want) {
          at[i]++;
        }
        if (at[i] == freqs[i]) {
          return; // a word has no position left: no later match either
        }
        if (positions[i][at[i]] != want) {
          continue lead;
        }
        lastAt = at[i];
      }
      add(starts[0][j], ends[last][lastAt]);
    }
  }
}
