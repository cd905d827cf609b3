package org.quarry.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.quarry.index.Fields;
import org.quarry.model.SearchRequest;
import org.quarry.text.DidYouMean;

/**
 * Why a search may find nothing a user meant it to: a field the index does not have ({@code
 * rol:GP}), or a value no passage has in a keyword field or a filter ({@code role=gp} where {@code
 * GP} exists, {@code region=North} where {@code North West} does), each one line with the name it
 * was probably meant to be. Lucene answers such searches with silence.
 */
final class SearchDoubts {
  /** Values of one field looked through for a suggestion; a field with more is not listed. */
  private static final int MAX_VALUES = 100_000;

  private final IndexReader reader;
  private final Set<String> dimensions;
  private final Set<String> fields = new TreeSet<>();

  /**
   * @param reader the index
   * @param dimensions the keyword dimensions a user may name (fixed facets and attributes)
   */
  SearchDoubts(IndexReader reader, Set<String> dimensions) {
    this.reader = reader;
    this.dimensions = dimensions;
    for (FieldInfo f : FieldInfos.getMergedFieldInfos(reader)) {
      fields.add(f.name);
    }
  }

  /** One line per doubt, in query order then filter order. */
  List<String> of(Query query, SearchRequest request) throws IOException {
    Set<String> lines = new LinkedHashSet<>();
    List<Term> keywordTerms = new ArrayList<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            if (!fields.contains(field) && Fields.FIXED_FACETS.contains(field)) {
              // a field Quarry knows that no passage has a value in yet (no codes stored yet)
              lines.add("no passage has a " + field + " yet; the query part on it finds nothing");
              return false;
            }
            if (!fields.contains(field)) {
              Set<String> names = new TreeSet<>(dimensions);
              names.add("text");
              lines.add(
                  "no field '"
                      + field
                      + "' in this index"
                      + hint(field, names)
                      + "; the query part on it finds nothing");
              return false;
            }
            return dimensions.contains(field);
          }

          @Override
          public void consumeTerms(Query q, Term... terms) {
            keywordTerms.addAll(List.of(terms));
          }

          @Override
          public QueryVisitor getSubVisitor(
              org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    for (Term t : keywordTerms) {
      missingValue(t.field(), t.text()).ifPresent(lines::add);
    }
    for (Map.Entry<String, List<String>> f : request.filters().entrySet()) {
      if (!dimensions.contains(f.getKey())) {
        continue; // an unknown dimension is an error of its own
      }
      for (String value : f.getValue()) {
        missingValue(f.getKey(), value).ifPresent(lines::add);
      }
    }
    return List.copyOf(lines);
  }

  private java.util.Optional<String> missingValue(String field, String value) throws IOException {
    if (reader.docFreq(new Term(field, value)) > 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        "no passage has " + field + " '" + value + "'" + hint(value, values(field)));
  }

  private List<String> values(String field) throws IOException {
    List<String> values = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) {
      return values;
    }
    TermsEnum it = terms.iterator();
    for (BytesRef b = it.next(); b != null && values.size() < MAX_VALUES; b = it.next()) {
      values.add(b.utf8ToString());
    }
    return values;
  }

  private static String hint(String typed, java.util.Collection<String> known) {
    return DidYouMean.closest(typed, known)
        .map(
            k ->
                "; did you mean '"
                    + k
                    + "'?"
                    + (k.contains(" ") ? " (quote a value with spaces)" : ""))
        .orElse("");
  }

  /** The keyword dimensions of an index: the fixed ones and the attribute facets it has. */
  static Set<String> dimensions(Set<String> facetDims) {
    Set<String> dims = new TreeSet<>(Fields.FIXED_FACETS);
    dims.addAll(facetDims);
    return dims;
  }
}
