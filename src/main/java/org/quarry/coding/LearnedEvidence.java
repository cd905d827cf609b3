package org.quarry.coding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.quarry.analysis.LemmaAnnotation;
import org.quarry.index.PassageDocuments;
import org.quarry.index.PassageLocations;
import org.quarry.learn.LearnedModel;
import org.quarry.model.Evidence;
import org.quarry.model.Passage;
import org.quarry.model.Span;

/**
 * The evidence of a learned suggestion with no lexicon match: the passage's content words whose
 * lemmas weigh most for the code in the model (at most {@value #WORDS}), each at its first place in
 * the passage, with offsets in the source file. The term of such evidence is {@code ~lemma}, so it
 * is told apart from a lexicon entry.
 */
final class LearnedEvidence {
  /** Words given per suggestion. */
  static final int WORDS = 3;

  private final IndexSearcher searcher;
  private final StoredFields stored;
  private final LearnedModel model;
  private final Map<String, PassageLocations> sources = new HashMap<>();

  LearnedEvidence(IndexReader reader, LearnedModel model) throws IOException {
    this.searcher = new IndexSearcher(reader);
    this.stored = reader.storedFields();
    this.model = model;
  }

  /**
   * The evidence of {@code code} on {@code p} (document {@code doc}), empty when the model did not
   * learn the code.
   */
  List<Evidence> of(Passage p, int doc, String code) {
    LemmaAnnotation a = annotation(doc);
    if (a == null) {
      return List.of();
    }
    Set<String> lemmas = new LinkedHashSet<>();
    for (int i = 0; i < a.size(); i++) {
      String lemma = a.lemma(i).toLowerCase(Locale.ROOT);
      if (TermKeyness.isContent(lemma)) {
        lemmas.add(lemma); // a function word may weigh, but shows a reader nothing
      }
    }
    List<String> reasons = model.reasons(code, lemmas, WORDS);
    if (reasons.isEmpty()) {
      return List.of();
    }
    EvidenceLocator locator =
        new EvidenceLocator(
            p, sources.computeIfAbsent(p.source(), id -> SuggestionGatherer.source(searcher, id)));
    List<Evidence> out = new ArrayList<>();
    for (String r : reasons) {
      for (int i = 0; i < a.size(); i++) {
        if (a.lemma(i).toLowerCase(Locale.ROOT).equals(r)) {
          Span span = locator.span(a.start(i), a.end(i));
          out.add(
              new Evidence(
                  "~" + r, p.text().substring(a.start(i), a.end(i)), span.start(), span.end()));
          break;
        }
      }
    }
    out.sort(java.util.Comparator.comparingInt(Evidence::start));
    return out;
  }

  private LemmaAnnotation annotation(int doc) {
    try {
      return PassageDocuments.annotation(stored.document(doc, PassageDocuments.ANNOTATION_FIELDS));
    } catch (IOException e) {
      throw new UncheckedIOException("reading document " + doc, e);
    }
  }
}
