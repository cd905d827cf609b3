package org.quarry.coding;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;

/**
 * An {@link EntryCursor} for a disjunction of words, as a wildcard entry rewrites to (up to {@value
 * CodeQueryBuilder#WILDCARD_TERMS} words): each word's postings, with offsets, opened once per
 * segment and advanced. Matches come by position, as Lucene's disjunction of matches gives them;
 * words at one position (stacked tokens) share their offsets.
 */
final class DisjunctionCursor extends EntryCursor {
  private final Term[] terms;
  private final PostingsEnum[] postings;
  private long[] found =
      new long[16]; // each match's position and index packed, to sort by position
  private int[] spans = new int[32]; // each match's start and end offsets, by index

  DisjunctionCursor(List<Term> terms) {
    this.terms = terms.toArray(Term[]::new);
    this.postings = new PostingsEnum[this.terms.length];
  }

  @Override
  void open(LeafReaderContext leaf) throws IOException {
    for (int i = 0; i < terms.length; i++) {
      postings[i] = TermCursor.postings(leaf, terms[i]);
    }
  }

  @Override
  void read(int doc) throws IOException {
    int n = 0;
    for (PostingsEnum p : postings) {
      if (!advanceTo(p, doc)) {
        continue;
      }
      for (int i = p.freq(); i > 0; i--) {
        int position = p.nextPosition();
        if (n == found.length) {
          found = Arrays.copyOf(found, n * 2);
          spans = Arrays.copyOf(spans, n * 4);
        }
        // sorting the position with the match's index keeps each span with its position
        found[n] = ((long) position << 32) | n;
        spans[2 * n] = p.startOffset();
        spans[2 * n + 1] = p.endOffset();
        n++;
      }
    }
    Arrays.sort(found, 0, n);
    for (int i = 0; i < n; i++) {
      int m = (int) found[i];
      add(spans[2 * m], spans[2 * m + 1]);
    }
  }
}
