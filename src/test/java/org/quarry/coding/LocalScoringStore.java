package org.quarry.coding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.quarry.index.Fields;
import org.quarry.index.IndexedPassage;
import org.quarry.index.PassageDocuments;
import org.quarry.index.PassageLocations;
import org.quarry.model.Passage;
import org.quarry.model.SuggestOptions;

/**
 * A local index seen only through {@link ScoringStore}, as a SolrCloud collection is seen: what the
 * store-side suggester ({@link StoreSuggester}) gets from it must give what {@link CodeSuggester}
 * gives on the index itself. Its queries arrive without wildcards to expand, so the wildcard
 * resolution ({@link StoreQueries}) is what is tested, not Lucene's own rewrite.
 */
final class LocalScoringStore implements ScoringStore {
  private final IndexReader reader;
  private final IndexSearcher searcher;
  private final StoredFields stored;
  // queries sent to score, for tests that check what reached the store
  final List<Query> scored = new ArrayList<>();

  LocalScoringStore(IndexReader reader) throws IOException {
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    searcher.setSimilarity(ScoreCalibration.similarity());
    searcher.setQueryCache(null);
    this.stored = reader.storedFields();
  }

  @Override
  public List<StorePassage> passages() throws IOException {
    List<StorePassage> out = new ArrayList<>();
    List<Document> docs = new ArrayList<>();
    forEach(
        new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)),
        doc -> docs.add(stored.document(doc)));
    docs.sort(
        Comparator.comparing((Document d) -> d.get(Fields.SOURCE))
            .thenComparingInt(d -> d.getField(Fields.START).numericValue().intValue())
            .thenComparing(d -> d.get(Fields.ID)));
    for (Document d : docs) {
      Passage p = PassageDocuments.passage(d);
      out.add(new StorePassage(p.id(), p.kind(), p.section(), PassageDocuments.codes(d)));
    }
    return out;
  }

  @Override
  public Set<String> selected(SuggestOptions options) throws IOException {
    Set<String> ids = new TreeSet<>();
    forEach(CodeSuggester.selection(reader, options), doc -> ids.add(idOf(doc)));
    return ids;
  }

  @Override
  public IndexStatistics statistics() {
    return new IndexStatistics() {
      @Override
      public CollectionStatistics field(String field) throws IOException {
        return searcher.collectionStatistics(field);
      }

      @Override
      public TermStatistics term(Term term) throws IOException {
        TermStates states = TermStates.build(searcher, term, true);
        return states.docFreq() == 0
            ? null
            : searcher.termStatistics(term, states.docFreq(), states.totalTermFreq());
      }

      @Override
      public List<TermStatistics> words(String field, String pattern, int limit)
          throws IOException {
        Terms terms = MultiTerms.getTerms(reader, field);
        List<TermStatistics> out = new ArrayList<>();
        if (terms == null) {
          return out;
        }
        TermsEnum te = new WildcardQuery(new Term(field, pattern)).getTermsEnum(terms);
        for (BytesRef t = te.next(); t != null && out.size() < limit; t = te.next()) {
          out.add(new TermStatistics(BytesRef.deepCopyOf(t), te.docFreq(), te.totalTermFreq()));
        }
        return out;
      }
    };
  }

  @Override
  public void score(Query query, ScoreSink sink) throws IOException {
    scored.add(query);
    // a store expands no wildcard: the suggester must have resolved them all
    query.visit(
        new org.apache.lucene.search.QueryVisitor() {
          @Override
          public void consumeTermsMatching(
              Query q,
              String field,
              java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton>
                  automaton) {
            throw new AssertionError("a wildcard reached the store: " + q);
          }

          @Override
          public org.apache.lucene.search.QueryVisitor getSubVisitor(
              org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
            return this;
          }
        });
    Weight w = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
    for (LeafReaderContext leaf : reader.leaves()) {
      Scorer s = w.scorer(leaf);
      if (s == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = s.iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        if (live == null || live.get(d)) {
          sink.accept(idOf(leaf.docBase + d), s.score());
        }
      }
    }
  }

  @Override
  public void match(Query query, Consumer<String> sink) throws IOException {
    forEach(query, doc -> sink.accept(idOf(doc)));
  }

  @Override
  public List<IndexedPassage> read(Collection<String> ids) throws IOException {
    List<IndexedPassage> out = new ArrayList<>();
    for (String id : ids) {
      TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (top.scoreDocs.length > 0) {
        out.add(PassageDocuments.fromStored(stored.document(top.scoreDocs[0].doc)));
      }
    }
    return out;
  }

  @Override
  public PassageLocations locations(String sourceId) {
    return SuggestionGatherer.source(searcher, sourceId);
  }

  private String idOf(int doc) throws IOException {
    return stored.document(doc, Set.of(Fields.ID)).get(Fields.ID);
  }

  private interface DocSink {
    void accept(int doc) throws IOException;
  }

  private void forEach(Query query, DocSink sink) throws IOException {
    Weight w = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : reader.leaves()) {
      Scorer s = w.scorer(leaf);
      if (s == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = s.iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        if (live == null || live.get(d)) {
          sink.accept(leaf.docBase + d);
        }
      }
    }
  }
}
