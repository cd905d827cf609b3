package org.quarry.coding;

import java.io.IOException;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;

/**
 * An {@link EntryCursor} for one word: its postings, with offsets, opened once per segment and
 * advanced; each position of a matching passage is a match, as {@code TermQuery}'s matches are.
 */
final class TermCursor extends EntryCursor {
  private final Term term;
  private PostingsEnum postings; // null: no match in the segment, or no offsets to give

  TermCursor(Term term) {
    this.term = term;
  }

  @Override
  void open(LeafReaderContext leaf) throws IOException {
    postings = postings(leaf, term);
  }

  @Override
  void read(int doc) throws IOException {
    if (!advanceTo(postings, doc)) {
      return;
    }
    for (int i = postings.freq(); i > 0; i--) {
      postings.nextPosition();
      add(postings.startOffset(), postings.endOffset());
    }
  }

  /**
   * The postings of {@code term} in {@code leaf} with offsets, or null when the segment lacks the
   * term or its field indexes no offsets (then the Matches API gives none either).
   */
  static PostingsEnum postings(LeafReaderContext leaf, Term term) throws IOException {
    FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(term.field());
    if (info == null
        || info.getIndexOptions() != IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) {
      return null;
    }
    Terms terms = leaf.reader().terms(term.field());
    if (terms == null) {
      return null;
    }
    TermsEnum te = terms.iterator();
    return te.seekExact(term.bytes()) ? te.postings(null, PostingsEnum.OFFSETS) : null;
  }
}
