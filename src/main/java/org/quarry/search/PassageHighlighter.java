package org.quarry.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.quarry.analysis.QuarryAnalyzer;
import org.quarry.index.Fields;
import org.quarry.index.IndexedPassage;
import org.quarry.index.PassageDocuments;

/**
 * Marks the words a query matched in a hit's text: on the stored exact text, with the offsets of
 * whichever field matched (words, lemmas, glossary synonyms), in up to {@link #SENTENCES} of its
 * best sentences. A passage's highlight depends on the passage alone, not on the rest of the index,
 * so passages found elsewhere (in a SolrCloud collection) are highlighted here alike.
 */
public final class PassageHighlighter {
  /** Most sentences a highlight shows. */
  static final int SENTENCES = 50;

  private static final Analyzer INDEX_ANALYZER = QuarryAnalyzer.forIndexing();

  private PassageHighlighter() {}

  private static UnifiedHighlighter.Builder builder(IndexSearcher searcher) {
    Set<String> lemmaAndStem = Set.of(Fields.TEXT_LEMMA);
    return UnifiedHighlighter.builder(searcher, INDEX_ANALYZER)
        // words matched through lemmas or synonyms are marked on the stored exact text
        .withMaskedFieldsFunc(f -> Fields.TEXT.equals(f) ? lemmaAndStem : Set.of())
        .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ROOT))
        .withFormatter(new MarkFormatter())
        .withMaxLength(Integer.MAX_VALUE - 1)
        .withMaxNoHighlightPassages(0);
  }

  /**
   * The highlights of documents {@code docIds} of {@code searcher} for {@code query}, whose stored
   * texts the caller has read already: {@code texts[i]} is the text of {@code docIds[i]}. Reading a
   * hit's stored fields decompresses its block, so a page of hits read once for the hits and again
   * for the highlights paid for each block twice.
   */
  static String[] highlight(IndexSearcher searcher, Query query, int[] docIds, String[] texts)
      throws IOException {
    Map<Integer, String> byDoc = new HashMap<>();
    for (int i = 0; i < docIds.length; i++) {
      byDoc.put(docIds[i], texts[i]);
    }
    UnifiedHighlighter read =
        new UnifiedHighlighter(builder(searcher)) {
          @Override
          protected List<CharSequence[]> loadFieldValues(
              String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docs.nextDoc();
                doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = docs.nextDoc()) {
              CharSequence[] one = new CharSequence[fields.length];
              for (int f = 0; f < fields.length; f++) {
                one[f] = Fields.TEXT.equals(fields[f]) ? byDoc.get(doc) : null;
              }
              values.add(one);
            }
            return values;
          }
        };
    return read.highlightFields(new String[] {Fields.TEXT}, query, docIds, new int[] {SENTENCES})
        .get(Fields.TEXT);
  }

  /**
   * The highlights of {@code passages} for {@code query}, as a search of an index holding them
   * would give: indexed into memory, one document each, and highlighted there.
   */
  public static List<String> of(List<IndexedPassage> passages, Query query) throws IOException {
    if (passages.isEmpty()) {
      return List.of();
    }
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(INDEX_ANALYZER))) {
        for (IndexedPassage p : passages) {
          w.addDocument(PassageDocuments.toDocument(p));
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        int[] docIds = new int[passages.size()];
        String[] texts = new String[passages.size()];
        for (int i = 0; i < docIds.length; i++) {
          docIds[i] = i; // one segment, in the order added
          texts[i] = passages.get(i).passage().text(); // the text the document stores
        }
        String[] marked = highlight(new IndexSearcher(reader), query, docIds, texts);
        List<String> out = new ArrayList<>(passages.size());
        for (int i = 0; i < marked.length; i++) {
          out.add(marked[i] != null ? marked[i] : plain(passages.get(i).passage().text()));
        }
        return out;
      }
    }
  }

  /** The escaped text of a passage no query word matched (found by a filter or a field query). */
  static String plain(String text) {
    if (text.length() <= MarkFormatter.WHOLE_TEXT_CHARS) {
      return MarkFormatter.escape(text);
    }
    return MarkFormatter.escape(text.substring(0, MarkFormatter.WHOLE_TEXT_CHARS)) + " \u2026";
  }
}
