package org.quarry.coding;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.quarry.index.Fields;
import org.quarry.model.PassageKind;

/**
 * The passage that sets the context of each quote and turn: for a quote in a paper, the authors'
 * narrative that introduces it (the nearest narrative passage before it in its section); for a
 * participant's turn in a transcript, the question before it (the nearest interviewer turn before
 * it in its section). Other passages have no context.
 *
 * <p>Qualitative papers introduce a quote with the theme it illustrates ("One CCG staff member
 * described PCNs under pressure from too many expectations: '…'") and interviewers ask about a
 * topic before the answer, so the words of the context are evidence for the quote's or turn's code
 * even when the quote itself uses none of the lexicon.
 *
 * <p>Built from the index alone (the id's doc values and the keyword postings of kind and section),
 * without reading stored documents, so it costs a pass over those postings, not a read of the text.
 */
final class PassageContexts {
  /** Returned for a document without a context. */
  static final int NONE = -1;

  private final int[] contextOf;
  // dependents of each document, in compressed rows: those of doc d are
  // dependents[firstDependent[d] .. firstDependent[d + 1])
  private final int[] firstDependent;
  private final int[] dependents;

  private PassageContexts(int[] contextOf) {
    this.contextOf = contextOf;
    this.firstDependent = new int[contextOf.length + 1];
    for (int c : contextOf) {
      if (c != NONE) {
        firstDependent[c + 1]++;
      }
    }
    for (int d = 0; d < contextOf.length; d++) {
      firstDependent[d + 1] += firstDependent[d];
    }
    this.dependents = new int[firstDependent[contextOf.length]];
    int[] next = Arrays.copyOf(firstDependent, contextOf.length);
    for (int d = 0; d < contextOf.length; d++) {
      if (contextOf[d] != NONE) {
        dependents[next[contextOf[d]]++] = d;
      }
    }
  }

  /** The contexts of every passage of {@code reader}, by global document number. */
  static PassageContexts of(IndexReader reader) throws IOException {
    int maxDoc = reader.maxDoc();
    byte[] kind = new byte[maxDoc]; // 0 = not a passage or not a kind that matters
    int[] section = new int[maxDoc]; // ordinal of the section heading; 0 = none
    int[] sourceOf = new int[maxDoc];
    int[] start = new int[maxDoc];
    Map<String, Integer> sections = new HashMap<>();
    Map<String, Integer> sources = new HashMap<>();
    int[] docs = new int[maxDoc];
    int count = 0;
    for (LeafReaderContext ctx : reader.leaves()) {
      LeafReader leaf = ctx.reader();
      markKind(leaf, ctx.docBase, PassageKind.QUOTE, kind);
      markKind(leaf, ctx.docBase, PassageKind.NARRATIVE, kind);
      markKind(leaf, ctx.docBase, PassageKind.TURN, kind);
      markKind(leaf, ctx.docBase, PassageKind.INTERVIEWER, kind);
      Terms terms = leaf.terms(Fields.SECTION);
      if (terms != null) {
        TermsEnum te = terms.iterator();
        PostingsEnum pe = null;
        for (BytesRef t = te.next(); t != null; t = te.next()) {
          int ord = sections.computeIfAbsent(t.utf8ToString(), k -> sections.size() + 1);
          pe = te.postings(pe, PostingsEnum.NONE);
          for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
            section[ctx.docBase + d] = ord;
          }
        }
      }
      SortedDocValues ids = leaf.getSortedDocValues(Fields.ID);
      if (ids == null) {
        continue;
      }
      org.apache.lucene.util.Bits live = leaf.getLiveDocs();
      for (int d = ids.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = ids.nextDoc()) {
        int g = ctx.docBase + d;
        if (kind[g] == 0 || (live != null && !live.get(d))) {
          continue;
        }
        String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
        int hash = id.lastIndexOf('#');
        int dash = id.indexOf('-', hash + 1);
        if (hash < 0 || dash < 0) {
          continue; // not a passage id
        }
        sourceOf[g] = sources.computeIfAbsent(id.substring(0, hash), k -> sources.size());
        start[g] = Integer.parseInt(id, hash + 1, dash, 10);
        docs[count++] = g;
      }
    }
    return new PassageContexts(
        contextsOf(maxDoc, kind, section, sourceOf, start, docs, count, sources.size()));
  }

  /**
   * The contexts of a store's passages ({@link ScoringStore#passages()}), numbered by their place
   * in {@code passages}: what {@link #of(IndexReader)} finds in a local index of the same passages.
   */
  static PassageContexts of(List<ScoringStore.StorePassage> passages) {
    int n = passages.size();
    byte[] kind = new byte[n];
    int[] section = new int[n];
    int[] sourceOf = new int[n];
    int[] start = new int[n];
    int[] docs = new int[n];
    Map<String, Integer> sections = new HashMap<>();
    Map<String, Integer> sources = new HashMap<>();
    int count = 0;
    for (int g = 0; g < n; g++) {
      ScoringStore.StorePassage p = passages.get(g);
      kind[g] = mark(p.kind());
      String id = p.id();
      int hash = id.lastIndexOf('#');
      int dash = id.indexOf('-', hash + 1);
      if (kind[g] == 0 || hash < 0 || dash < 0) {
        continue;
      }
      section[g] =
          p.section() == null ? 0 : sections.computeIfAbsent(p.section(), k -> sections.size() + 1);
      sourceOf[g] = sources.computeIfAbsent(id.substring(0, hash), k -> sources.size());
      start[g] = Integer.parseInt(id, hash + 1, dash, 10);
      docs[count++] = g;
    }
    return new PassageContexts(
        contextsOf(n, kind, section, sourceOf, start, docs, count, sources.size()));
  }

  /** Contexts given outright: {@code contextOf[d]} of document d, {@link #NONE} for none. */
  static PassageContexts of(int[] contextOf) {
    return new PassageContexts(contextOf.clone());
  }

  // the context of each of the count passages docs[..] (by kind, section ordinal, source ordinal
  // and start), over documents 0 .. maxDoc
  private static int[] contextsOf(
      int maxDoc,
      byte[] kind,
      int[] section,
      int[] sourceOf,
      int[] start,
      int[] docs,
      int count,
      int sourceCount) {
    // by source (a counting sort on its ordinal), then by position in it
    int[] firstOfSource = new int[sourceCount + 1];
    for (int i = 0; i < count; i++) {
      int g = docs[i];
      firstOfSource[sourceOf[g] + 1]++;
    }
    for (int s = 0; s < sourceCount; s++) {
      firstOfSource[s + 1] += firstOfSource[s];
    }
    long[] keys = new long[count];
    int[] fill = Arrays.copyOf(firstOfSource, sourceCount);
    for (int i = 0; i < count; i++) {
      int g = docs[i];
      keys[fill[sourceOf[g]]++] = ((long) start[g] << 31) | g; // start and doc both fit in 31 bits
    }
    for (int s = 0; s < sourceCount; s++) {
      Arrays.sort(keys, firstOfSource[s], firstOfSource[s + 1]);
    }
    int[] contextOf = new int[maxDoc];
    Arrays.fill(contextOf, NONE);
    for (int s = 0; s < sourceCount; s++) {
      int narrative = NONE;
      int question = NONE;
      int current = -1; // the section of the passage before, by position
      for (int i = firstOfSource[s]; i < firstOfSource[s + 1]; i++) {
        int g = (int) (keys[i] & 0x7fffffffL);
        if (section[g] != current) {
          // a new section, even one named as an earlier one: what came before is no context
          current = section[g];
          narrative = NONE;
          question = NONE;
        }
        switch (kind[g]) {
          case QUOTE -> contextOf[g] = narrative;
          case TURN -> contextOf[g] = question;
          case NARRATIVE -> narrative = g;
          case INTERVIEWER -> question = g;
          default -> {}
        }
      }
    }
    return contextOf;
  }

  private static final byte QUOTE = 1;
  private static final byte NARRATIVE = 2;
  private static final byte TURN = 3;
  private static final byte INTERVIEWER = 4;

  private static void markKind(LeafReader leaf, int docBase, PassageKind k, byte[] kind)
      throws IOException {
    PostingsEnum pe =
        leaf.postings(new org.apache.lucene.index.Term(Fields.KIND, k.label()), PostingsEnum.NONE);
    if (pe == null) {
      return;
    }
    byte mark = mark(k);
    for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
      kind[docBase + d] = mark;
    }
  }

  // the kind's mark, 0 for a kind that neither has nor sets a context
  private static byte mark(PassageKind k) {
    if (k == null) {
      return 0;
    }
    return switch (k) {
      case QUOTE -> QUOTE;
      case NARRATIVE -> NARRATIVE;
      case TURN -> TURN;
      case INTERVIEWER -> INTERVIEWER;
      default -> 0;
    };
  }

  /** The context document of {@code doc}, or {@link #NONE}. */
  int contextOf(int doc) {
    return contextOf[doc];
  }

  /** Calls {@code action} with each document whose context is {@code doc}. */
  void forEachDependent(int doc, java.util.function.IntConsumer action) {
    for (int i = firstDependent[doc]; i < firstDependent[doc + 1]; i++) {
      action.accept(dependents[i]);
    }
  }
}
