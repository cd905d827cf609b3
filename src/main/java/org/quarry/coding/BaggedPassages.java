package org.quarry.coding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.FixedBitSet;
import org.quarry.analysis.LemmaAnnotation;
import org.quarry.index.PassageDocuments;
import org.quarry.index.SequentialStoredFields;
import org.quarry.learn.PassageBag;
import org.quarry.learn.TextVectors;
import org.quarry.model.Passage;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.model.Suggestion;

/**
 * Reads the passages a run selects as the learner sees them ({@link PassageBag}): the terms of the
 * stored annotation (CoreNLP is not run again), those of the passage's context, its kind, and the
 * lexicon's score for every code, from one lexicon run over the same selection, whose suggestions
 * (with their evidence, when asked for) come along. With sentence vectors ({@link TextVectors}),
 * every bag also carries the encoder's vector of the passage's text.
 */
final class BaggedPassages {
  /**
   * One selected passage.
   *
   * @param doc its document number
   * @param passage the passage
   * @param bag what the learner sees
   * @param lexicon the lexicon's suggestion per code id, for the codes that matched
   */
  record Bagged(int doc, Passage passage, PassageBag bag, Map<String, Suggestion> lexicon) {}

  private BaggedPassages() {}

  /** The passages {@code options} select, in document order, with the scores of {@code lexicon}. */
  static List<Bagged> read(IndexReader reader, CodeSuggester lexicon, SuggestOptions options)
      throws IOException {
    return read(reader, lexicon, options, null);
  }

  /**
   * As {@link #read(IndexReader, CodeSuggester, SuggestOptions)}, each bag with its passage's
   * vector from {@code encoder} (none when it is null).
   */
  static List<Bagged> read(
      IndexReader reader, CodeSuggester lexicon, SuggestOptions options, TextVectors encoder)
      throws IOException {
    Map<String, Map<String, Suggestion>> lex = new HashMap<>();
    if (!lexicon.codes().isEmpty()) {
      // every code's score, not only the kept ones
      SuggestOptions all = options.toBuilder().minScore(0).top(lexicon.codes().size()).build();
      for (PassageSuggestions ps : lexicon.suggest(reader, all, SuggestProgress.NONE).passages()) {
        Map<String, Suggestion> m = new HashMap<>();
        ps.suggestions().forEach(s -> m.put(s.code(), s));
        lex.put(ps.passage().id(), m);
      }
    }
    IndexSearcher searcher = new IndexSearcher(reader);
    FixedBitSet selected =
        CodeSuggester.selectedDocs(searcher, CodeSuggester.selection(reader, options));
    PassageContexts contexts = options.contextWeight() > 0 ? PassageContexts.of(reader) : null;
    StoredFields stored = SequentialStoredFields.of(reader);
    Set<String> fields = new HashSet<>(SuggestionGatherer.PASSAGE_FIELDS);
    fields.addAll(PassageDocuments.ANNOTATION_FIELDS);
    Set<String> contextFields = PassageDocuments.ANNOTATION_FIELDS;
    List<Bagged> out = new ArrayList<>();
    int lastContext = PassageContexts.NONE;
    Map<String, Integer> lastContextTerms = Map.of();
    int maxDoc = reader.maxDoc();
    for (int d = selected.nextSetBit(0);
        d != DocIdSetIterator.NO_MORE_DOCS;
        d = d + 1 < maxDoc ? selected.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
      Document doc = stored.document(d, fields);
      Passage p = PassageDocuments.passage(doc);
      Map<String, Integer> terms = terms(doc);
      Map<String, Integer> context = Map.of();
      int c = contexts == null ? PassageContexts.NONE : contexts.contextOf(d);
      if (c != PassageContexts.NONE) {
        if (c != lastContext) {
          lastContext = c;
          lastContextTerms = terms(stored.document(c, contextFields));
        }
        context = lastContextTerms;
      }
      Map<String, Suggestion> lexSuggestions = lex.getOrDefault(p.id(), Map.of());
      Map<String, Double> scores = new HashMap<>();
      lexSuggestions.forEach((code, s) -> scores.put(code, s.score()));
      out.add(
          new Bagged(
              d, p, new PassageBag(terms, context, p.kind().label(), scores), lexSuggestions));
    }
    return encoder == null ? out : withSentences(out, encoder);
  }

  /** {@code bagged}, each bag with its passage's vector from {@code encoder}. */
  static List<Bagged> withSentences(List<Bagged> bagged, TextVectors encoder) {
    List<float[]> vectors = encoder.encode(bagged.stream().map(b -> b.passage().text()).toList());
    List<Bagged> out = new ArrayList<>(bagged.size());
    for (int i = 0; i < bagged.size(); i++) {
      Bagged b = bagged.get(i);
      out.add(new Bagged(b.doc(), b.passage(), b.bag().withSentence(vectors.get(i)), b.lexicon()));
    }
    return out;
  }

  private static Map<String, Integer> terms(Document doc) {
    LemmaAnnotation a = PassageDocuments.annotation(doc);
    return a == null ? Map.of() : PassageTerms.of(a);
  }
}
