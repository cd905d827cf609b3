package org.quarry.coding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.quarry.index.Fields;
import org.quarry.index.PassageDocuments;
import org.quarry.index.PassageLocations;
import org.quarry.index.SequentialStoredFields;
import org.quarry.index.SourceTexts;
import org.quarry.model.Evidence;
import org.quarry.model.Passage;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.Span;
import org.quarry.model.Suggestion;

/**
 * Turns the codes a run kept per document into suggestions: reads each kept passage and, when
 * asked, finds the words each lexicon entry matched in it and in its context (Lucene's Matches
 * API), with offsets mapped to the source file.
 *
 * <p>What it shares (searcher, kept codes, entry weights) is only read, so several threads can
 * gather at once, each through a {@link Pass} of its own: stored fields readers are not
 * thread-safe, and the caches of a pass (sources, the context's evidence) are its own.
 */
final class SuggestionGatherer {
  // what a Passage is read from; the stored annotation, the largest field, is not needed here
  static final java.util.Set<String> PASSAGE_FIELDS = PassageDocuments.PASSAGE_FIELDS;

  // sources a pass keeps read (see Pass)
  private static final int SOURCES_KEPT = 8;

  private final IndexSearcher searcher;
  private final List<CodeQueryBuilder.CodeQuery> queries;
  private final Slots slots;
  private final int[] codes;
  private final float[] scores;
  private final int k;
  private final PassageContexts contexts;
  private final Weight[][] entryWeights; // per code, null when no evidence is asked for
  private final Weight[][] excludeWeights; // alike, for the exclude entries
  // where a source's passages sit in its text; null to read it from the searcher's index
  private final java.util.function.Function<String, PassageLocations> locations;

  /**
   * A gatherer of the best codes per selected passage ({@code codes[s * k ..]} for the passage in
   * slot {@code s} of {@code slots}, -1 past the last, and their scores) of {@code queries}; with
   * {@code evidence}, the entry and exclude weights of every kept code are built here, once, for
   * all passes to share.
   *
   * @param contexts the passages' contexts, or null to leave context evidence out
   */
  SuggestionGatherer(
      IndexSearcher searcher,
      List<CodeQueryBuilder.CodeQuery> queries,
      Slots slots,
      int[] codes,
      float[] scores,
      int k,
      boolean evidence,
      PassageContexts contexts)
      throws IOException {
    this(searcher, queries, slots, codes, scores, k, evidence, contexts, null);
  }

  /**
   * As the gatherer above, with the sources' locations from {@code locations} (source id to its
   * locations) rather than from the searcher's index: for passages read from a store into an index
   * of their own, which holds no source records.
   */
  SuggestionGatherer(
      IndexSearcher searcher,
      List<CodeQueryBuilder.CodeQuery> queries,
      Slots slots,
      int[] codes,
      float[] scores,
      int k,
      boolean evidence,
      PassageContexts contexts,
      java.util.function.Function<String, PassageLocations> locations)
      throws IOException {
    this.searcher = searcher;
    this.locations = locations;
    this.queries = queries;
    this.slots = slots;
    this.codes = codes;
    this.scores = scores;
    this.k = k;
    this.contexts = contexts;
    this.entryWeights = evidence ? new Weight[queries.size()][] : null;
    this.excludeWeights = evidence ? new Weight[queries.size()][] : null;
    if (evidence) {
      for (int c : codes) {
        if (c >= 0 && entryWeights[c] == null) {
          entryWeights[c] = weights(searcher, queries.get(c).entries());
          excludeWeights[c] = weights(searcher, queries.get(c).excludes());
        }
      }
    }
  }

  /** The documents with at least one kept code, ascending. */
  int[] keptDocs() {
    int n = 0;
    for (int i = 0; i < codes.length; i += k) {
      if (codes[i] >= 0) {
        n++;
      }
    }
    int[] docs = new int[n];
    n = 0;
    for (int i = 0; i < codes.length; i += k) {
      if (codes[i] >= 0) {
        docs[n++] = slots.doc(i / k);
      }
    }
    return docs;
  }

  /** A pass for one thread, with a stored fields reader and caches of its own. */
  Pass pass() throws IOException {
    // a pass reads its passages in increasing order, each context just before its first answer
    return new Pass(SequentialStoredFields.of(searcher.getIndexReader()));
  }

  /** Gathers runs of documents on one thread. */
  final class Pass {
    private final IndexReader reader = searcher.getIndexReader();
    private final StoredFields stored;
    private final List<LeafReaderContext> leaves = reader.leaves();
    // the sources last read: a source's passages are consecutive in the index, so a few are
    // enough, and a run over a million passages does not keep every source's layout
    private final Map<String, PassageLocations> sources =
        new java.util.LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PassageLocations> eldest) {
            return size() > SOURCES_KEPT;
          }
        };
    // the context last seen, and the evidence found in it per code: the passages that share a
    // context (the answers to one question) come one after another, so one entry is enough
    private int lastContextDoc = PassageContexts.NONE;
    private Passage lastContext;
    private EvidenceLocator lastContextLocator;
    private LeafReaderContext lastContextLeaf;
    private final Map<Integer, List<Evidence>> lastContextEvidence = new HashMap<>();
    // per code, a cursor per lexicon entry, made when the code is first kept for a passage; the
    // pass's passages come in increasing document order, as the cursors need
    private final EntryCursor[][] cursors = new EntryCursor[queries.size()][];
    // alike for the contexts, which also come in increasing order (a cursor asked an earlier
    // document starts its segment again)
    private final EntryCursor[][] contextCursors = new EntryCursor[queries.size()][];

    private Pass(StoredFields stored) {
      this.stored = stored;
    }

    /**
     * Hands the suggestions of documents {@code docs[from .. to)} to {@code out}, in that order;
     * stops early when {@code stopped} says so.
     */
    void gather(
        int[] docs,
        int from,
        int to,
        java.util.function.Consumer<PassageSuggestions> out,
        java.util.function.BooleanSupplier stopped)
        throws IOException {
      for (int i = from; i < to && !stopped.getAsBoolean(); i++) {
        out.accept(gather(docs[i]));
      }
    }

    private EntryCursor[] cursors(EntryCursor[][] all, int code) {
      if (all[code] == null) {
        Weight[] w = entryWeights[code];
        all[code] = new EntryCursor[w.length];
        for (int i = 0; i < w.length; i++) {
          all[code][i] = EntryCursor.of(w[i]);
        }
      }
      return all[code];
    }

    // the source's text, read once; a failed read is the caller's IOException, as elsewhere
    private PassageLocations sourceOf(String id) throws IOException {
      try {
        return sources.computeIfAbsent(
            id, k -> locations != null ? locations.apply(k) : source(searcher, k));
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
    }

    private PassageSuggestions gather(int doc) throws IOException {
      boolean evidence = entryWeights != null;
      Passage p = PassageDocuments.passage(stored.document(doc, PASSAGE_FIELDS));
      EvidenceLocator locator = null;
      if (evidence) {
        locator = new EvidenceLocator(p, sourceOf(p.source()));
      }
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      int contextDoc = contexts == null ? PassageContexts.NONE : contexts.contextOf(doc);
      if (evidence && contextDoc != PassageContexts.NONE && contextDoc != lastContextDoc) {
        lastContextDoc = contextDoc;
        lastContext = PassageDocuments.passage(stored.document(contextDoc, PASSAGE_FIELDS));
        lastContextLocator = new EvidenceLocator(lastContext, sourceOf(lastContext.source()));
        lastContextLeaf = leaves.get(ReaderUtil.subIndex(contextDoc, leaves));
        lastContextEvidence.clear();
      }
      List<Suggestion> list = new ArrayList<>(k);
      int from = slots.slotOf(doc) * k;
      for (int i = 0; i < k && codes[from + i] >= 0; i++) {
        int c = codes[from + i];
        List<Evidence> ev = List.of();
        if (evidence) {
          ev =
              evidence(
                  queries.get(c), cursors(cursors, c), leaf, doc - leaf.docBase, p, locator, null);
          if (contextDoc != PassageContexts.NONE) {
            List<Evidence> fromContext = lastContextEvidence.get(c);
            if (fromContext == null) {
              int inLeaf = contextDoc - lastContextLeaf.docBase;
              // a context holding an exclude entry of the code did not count for it (see
              // CodeScorer): its words earned nothing
              fromContext =
                  anyMatches(excludeWeights[c], lastContextLeaf, inLeaf)
                      ? List.of()
                      : evidence(
                          queries.get(c),
                          cursors(contextCursors, c),
                          lastContextLeaf,
                          inLeaf,
                          lastContext,
                          lastContextLocator,
                          lastContext.id());
              lastContextEvidence.put(c, fromContext);
            }
            if (!fromContext.isEmpty()) {
              List<Evidence> all = new ArrayList<>(ev);
              all.addAll(fromContext);
              ev = all;
            }
          }
        }
        list.add(
            new Suggestion(
                p.id(), queries.get(c).code().id(), CodeSuggester.round(scores[from + i]), ev));
      }
      return new PassageSuggestions(p, list);
    }
  }

  private static Weight[] weights(IndexSearcher searcher, List<CodeQueryBuilder.Entry> entries)
      throws IOException {
    Weight[] w = new Weight[entries.size()];
    for (int i = 0; i < w.length; i++) {
      Query q = searcher.rewrite(entries.get(i).query());
      w[i] = searcher.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f);
    }
    return w;
  }

  // whether any of the weights matches document doc of leaf
  private static boolean anyMatches(Weight[] weights, LeafReaderContext leaf, int doc)
      throws IOException {
    for (Weight w : weights) {
      if (w.matches(leaf, doc) != null) {
        return true;
      }
    }
    return false;
  }

  // every match of every entry in passage p, with offsets (a cursor per entry, advanced in
  // increasing document order), one per source span (the first entry in codebook order names a
  // span two entries share), by position; contextId marks p as the context
  private static List<Evidence> evidence(
      CodeQueryBuilder.CodeQuery cq,
      EntryCursor[] cursors,
      LeafReaderContext leaf,
      int doc,
      Passage p,
      EvidenceLocator locator,
      String contextId)
      throws IOException {
    Map<Span, Evidence> bySpan = new HashMap<>();
    String text = p.text();
    for (int i = 0; i < cursors.length; i++) {
      String term = cq.entries().get(i).term();
      cursors[i].offsets(
          leaf,
          doc,
          (s, e) -> {
            if (s < 0 || e <= s || e > text.length()) {
              return; // a field without offsets (a keyword clause of a raw query)
            }
            Span span = locator.span(s, e);
            bySpan.putIfAbsent(
                span,
                new Evidence(term, text.substring(s, e), span.start(), span.end(), contextId));
          });
    }
    List<Evidence> list = new ArrayList<>(bySpan.values());
    list.sort(
        Comparator.comparingInt(Evidence::start)
            .thenComparingInt(Evidence::end)
            .thenComparing(Evidence::term));
    return list;
  }

  static PassageLocations source(IndexSearcher searcher, String id) {
    try {
      TopDocs top = searcher.search(SourceTexts.documentsOf(Fields.TYPE_SOURCE, id), 1);
      if (top.scoreDocs.length == 0) {
        return PassageLocations.NONE;
      }
      return SourceTexts.locations(
          searcher.storedFields().document(top.scoreDocs[0].doc, SourceTexts.LOCATION_FIELDS));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("reading source " + id, e);
    }
  }
}
