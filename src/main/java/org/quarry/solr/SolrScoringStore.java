package org.quarry.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.TermsResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.quarry.coding.IndexStatistics;
import org.quarry.coding.ScoringStore;
import org.quarry.index.Fields;
import org.quarry.index.IndexRecords;
import org.quarry.index.IndexedPassage;
import org.quarry.index.PassageLocations;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.SuggestOptions;

/**
 * A SolrCloud collection as a {@link ScoringStore}, for one suggestion run: its passages and
 * selections are read once and kept, as the run scores and then stores. Code queries are scored by
 * Solr on the configset's code field ({@value #CODE_FIELD}: the lemmas again, with BM25's b at 0.3
 * as Quarry's code queries have it; search keeps 0.75 on {@code text_lemma}), with the statistics
 * of the whole collection (the configset's exact stats cache); matches are gathered with Solr's
 * cursor, a page at a time; words and their document frequencies come from Solr's terms component,
 * over every shard.
 */
final class SolrScoringStore implements ScoringStore {
  /** The configset's field of the lemmas scored for code queries. */
  static final String CODE_FIELD = "text_lemma_code";

  // every request is a POST: a page of ids to read, or a code's words, outgrow a URL
  private static final org.apache.solr.client.solrj.SolrRequest.METHOD POST =
      org.apache.solr.client.solrj.SolrRequest.METHOD.POST;

  // matches gathered per request
  private static final int PAGE = 5000;

  // passages read whole per request (with their annotations); each id is a clause of the query,
  // under Solr's default limit of 1024
  private static final int READ = 500;

  // words whose statistics are asked per request
  private static final int WORDS = 200;

  private final SolrClient client;
  private final String collection;
  private final SolrRecords records;
  private final Map<Term, TermStatistics> terms = new HashMap<>();
  private final Map<String, CollectionStatistics> fields = new HashMap<>();
  private Boolean keepsRecords;
  // what a run reads of the collection once, for scoring and then storing: the passages (with
  // their codes as they were before the run stored any) and each selection's ids
  private List<StorePassage> passages;
  private final Map<SuggestOptions, Set<String>> selections = new HashMap<>();

  SolrScoringStore(SolrClient client, String collection, SolrRecords records) {
    this.client = client;
    this.collection = collection;
    this.records = records;
  }

  @Override
  public List<StorePassage> passages() throws IOException {
    if (passages == null) {
      passages = List.copyOf(readPassages());
    }
    return passages;
  }

  // every passage with its kind, section and codes, in the store's order
  private List<StorePassage> readPassages() throws IOException {
    List<StorePassage> out = new ArrayList<>();
    Map<String, String> sourceOf = new HashMap<>();
    Map<String, Integer> startOf = new HashMap<>();
    SolrQuery q = new SolrQuery("*:*");
    q.setFields(
        Fields.ID, Fields.SOURCE, Fields.START, Fields.KIND, Fields.SECTION, Fields.CODE_SCORES);
    if (!hasField(CODE_FIELD)) {
      throw new IOException(
          "collection "
              + collection
              + " has no field "
              + CODE_FIELD
              + " (made by an earlier Quarry): make it again with quarry solr create-collection"
              + " and send the index");
    }
    cursor(
        q,
        d -> {
          String id = (String) d.getFirstValue(Fields.ID);
          String kind = (String) d.getFirstValue(Fields.KIND);
          out.add(
              new StorePassage(
                  id,
                  kind == null ? null : kindOf(kind),
                  (String) d.getFirstValue(Fields.SECTION),
                  SolrPassages.codes(d)));
          sourceOf.put(id, (String) d.getFirstValue(Fields.SOURCE));
          startOf.put(id, ((Number) d.getFirstValue(Fields.START)).intValue());
        });
    out.sort(
        Comparator.comparing((StorePassage p) -> sourceOf.get(p.id()))
            .thenComparingInt(p -> startOf.get(p.id()))
            .thenComparing(StorePassage::id));
    return out;
  }

  private static PassageKind kindOf(String label) {
    for (PassageKind k : PassageKind.values()) {
      if (k.label().equals(label)) {
        return k;
      }
    }
    return null;
  }

  @Override
  public Set<String> selected(SuggestOptions options) throws IOException {
    Set<String> ids = selections.get(options);
    if (ids == null) {
      ids = java.util.Collections.unmodifiableSet(readSelected(options));
      selections.put(options, ids);
    }
    return ids;
  }

  // the ids of the passages options select, read from the collection
  private Set<String> readSelected(SuggestOptions options) throws IOException {
    SolrQuery q = new SolrQuery("*:*");
    q.setFields(Fields.ID);
    if (!options.includeDuplicates()) {
      q.addFilterQuery("-" + Fields.DUPLICATE + ":true");
    }
    String kind = options.kind();
    if (kind == null && options.passages() == null) {
      q.addFilterQuery("-" + Fields.KIND + ":" + PassageKind.INTERVIEWER.label());
    } else if (kind != null && !kind.equals(SuggestOptions.ALL_KINDS)) {
      q.addFilterQuery(Fields.KIND + ":" + quoted(kind));
    }
    for (Map.Entry<String, List<String>> f :
        new java.util.TreeMap<>(options.filters()).entrySet()) {
      String field = SolrPassages.field(f.getKey());
      if (!Fields.FIXED_FACETS.contains(f.getKey()) && count(field + ":*") == 0) {
        throw org.quarry.coding.CodeSuggester.unknownDimension(f.getKey());
      }
      List<String> values = new ArrayList<>();
      f.getValue().forEach(v -> values.add(quoted(v)));
      q.addFilterQuery(field + ":(" + String.join(" ", values) + ")");
    }
    Set<String> ids = new TreeSet<>();
    cursor(q, d -> ids.add((String) d.getFirstValue(Fields.ID)));
    if (options.passages() != null) {
      // named passages: kept here rather than sent, however many are named
      ids.retainAll(options.passages());
    }
    return ids;
  }

  @Override
  public IndexStatistics statistics() {
    return new IndexStatistics() {
      @Override
      public CollectionStatistics field(String field) throws IOException {
        return fieldStatistics(field);
      }

      @Override
      public TermStatistics term(Term term) throws IOException {
        if (!terms.containsKey(term)) {
          prefetch(List.of(term));
        }
        return terms.get(term);
      }

      @Override
      public void prefetch(Collection<Term> wanted) throws IOException {
        fetchTerms(wanted);
      }

      @Override
      public List<TermStatistics> words(String field, String pattern, int limit)
          throws IOException {
        return matchingWords(field, pattern, limit);
      }
    };
  }

  // a field's document count over the whole collection: what BM25's idf takes from it (the
  // ruler's ceilings need no lengths, see EntryCeiling)
  private CollectionStatistics fieldStatistics(String field) throws IOException {
    if (!fields.containsKey(field)) {
      long docCount = count(SolrPassages.field(field) + ":[* TO *]");
      long maxDoc = Math.max(docCount, count("*:*"));
      fields.put(
          field,
          docCount == 0
              ? null
              : new CollectionStatistics(field, maxDoc, docCount, docCount, docCount));
    }
    return fields.get(field);
  }

  // the document frequencies of words not asked for yet, from the terms component over every shard
  private void fetchTerms(Collection<Term> wanted) throws IOException {
    Map<String, List<Term>> byField = new HashMap<>();
    for (Term t : wanted) {
      if (!terms.containsKey(t)) {
        byField.computeIfAbsent(t.field(), f -> new ArrayList<>()).add(t);
        terms.put(t, null); // absent unless Solr counts it
      }
    }
    for (Map.Entry<String, List<Term>> e : byField.entrySet()) {
      List<Term> list = e.getValue();
      for (int from = 0; from < list.size(); from += WORDS) {
        List<Term> part = list.subList(from, Math.min(list.size(), from + WORDS));
        Map<String, Term> byText = new HashMap<>();
        List<String> escaped = new ArrayList<>();
        for (Term t : part) {
          byText.put(t.text(), t);
          escaped.add(t.text().replace("\\", "\\\\").replace(",", "\\,"));
        }
        SolrQuery q = termsRequest(e.getKey());
        q.set("terms.list", String.join(",", escaped));
        q.set("terms.ttf", true);
        // the component's default of 10 terms applies to a list too, over several shards
        q.set("terms.limit", -1);
        for (TermsResponse.Term t : termsOf(q, e.getKey())) {
          Term term = byText.get(t.getTerm());
          if (term != null && t.getFrequency() > 0) {
            terms.put(
                term,
                new TermStatistics(
                    new BytesRef(t.getTerm()),
                    t.getFrequency(),
                    Math.max(t.getFrequency(), t.getTotalTermFreq())));
          }
        }
      }
    }
  }

  // the words of a field a Lucene wildcard pattern matches, in index order, at most limit
  private List<TermStatistics> matchingWords(String field, String pattern, int limit)
      throws IOException {
    SolrQuery q = termsRequest(field);
    WordPattern words = WordPattern.of(pattern);
    if (!words.prefix().isEmpty()) {
      q.set("terms.prefix", words.prefix());
    }
    q.set("terms.regex", words.regex());
    q.set("terms.sort", "index");
    q.set("terms.limit", limit);
    q.set("terms.ttf", true);
    List<TermStatistics> out = new ArrayList<>();
    for (TermsResponse.Term t : termsOf(q, field)) {
      out.add(
          new TermStatistics(
              new BytesRef(t.getTerm()),
              t.getFrequency(),
              Math.max(t.getFrequency(), t.getTotalTermFreq())));
    }
    out.sort(Comparator.comparing(TermStatistics::term));
    return out.size() > limit ? out.subList(0, limit) : out;
  }

  /**
   * A Lucene wildcard pattern as the terms component takes it: the literal text before its first
   * wildcard (which narrows the words read), and a Java regular expression matching what the
   * pattern matches, whole.
   */
  record WordPattern(String prefix, String regex) {
    static WordPattern of(String pattern) {
      StringBuilder prefix = new StringBuilder();
      StringBuilder regex = new StringBuilder();
      boolean literal = true;
      for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i);
        if (c == '\\' && i + 1 < pattern.length()) {
          char next = pattern.charAt(++i);
          regex.append(Pattern.quote(String.valueOf(next)));
          if (literal) {
            prefix.append(next);
          }
        } else if (c == '*' || c == '?') {
          regex.append(c == '*' ? ".*" : ".");
          literal = false;
        } else {
          regex.append(Pattern.quote(String.valueOf(c)));
          if (literal) {
            prefix.append(c);
          }
        }
      }
      return new WordPattern(prefix.toString(), regex.toString());
    }
  }

  private static SolrQuery termsRequest(String field) {
    SolrQuery q = new SolrQuery();
    q.setRequestHandler("/terms");
    q.set("terms", true);
    q.set("distrib", true);
    q.set("shards.qt", "/terms");
    q.set("terms.fl", SolrPassages.field(field));
    q.set("terms.mincount", 1);
    return q;
  }

  private List<TermsResponse.Term> termsOf(SolrQuery q, String field) throws IOException {
    try {
      TermsResponse r = client.query(collection, q, POST).getTermsResponse();
      List<TermsResponse.Term> list = r == null ? null : r.getTerms(SolrPassages.field(field));
      return list == null ? List.of() : list;
    } catch (SolrServerException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void score(Query query, ScoreSink sink) throws IOException {
    SolrQuery q = new SolrQuery(SolrQuerySyntax.of(query, SolrScoringStore::codeField));
    q.set("defType", "lucene");
    q.set("q.op", "OR");
    q.setFields(Fields.ID, "score");
    cursor(
        q,
        d ->
            sink.accept(
                (String) d.getFirstValue(Fields.ID),
                ((Number) d.getFirstValue("score")).floatValue()));
  }

  // the Solr field a code query's field is scored on: the lemmas on the code field; a word field
  // Solr scores with another length normalisation than the code similarity is refused
  static String codeField(String field) {
    if (Fields.TEXT_LEMMA.equals(field)) {
      return CODE_FIELD;
    }
    if (Fields.TEXT.equals(field) || Fields.TEXT_STEM.equals(field)) {
      throw new UnsupportedOperationException(
          "a code's query on field "
              + field
              + " cannot be scored in Solr yet (only the lemmas are kept for code scoring there);"
              + " write it on the lemmas, or suggest on the local index");
    }
    return SolrPassages.field(field);
  }

  @Override
  public void match(Query query, Consumer<String> sink) throws IOException {
    SolrQuery q = new SolrQuery(SolrQuerySyntax.of(query));
    q.set("defType", "lucene");
    q.set("q.op", "OR");
    q.setFields(Fields.ID);
    cursor(q, d -> sink.accept((String) d.getFirstValue(Fields.ID)));
  }

  @Override
  public List<IndexedPassage> read(Collection<String> ids) throws IOException {
    List<String> all = new ArrayList<>(new TreeSet<>(ids));
    List<IndexedPassage> out = new ArrayList<>();
    for (int from = 0; from < all.size(); from += READ) {
      List<String> part = all.subList(from, Math.min(all.size(), from + READ));
      List<String> quoted = new ArrayList<>(part.size());
      part.forEach(id -> quoted.add(quoted(id)));
      SolrQuery q = new SolrQuery(Fields.ID + ":(" + String.join(" ", quoted) + ")");
      q.set("q.op", "OR");
      q.setFields(SolrCollection.PASSAGE_FIELDS);
      q.addField(Fields.ANNOTATION);
      q.setRows(part.size());
      try {
        for (SolrDocument d : client.query(collection, q, POST).getResults()) {
          out.add(SolrPassages.indexed(d));
        }
      } catch (SolrServerException e) {
        throw new IOException(e);
      }
    }
    return out;
  }

  @Override
  public PassageLocations locations(String sourceId) throws IOException {
    try {
      if (keepsRecords == null) {
        keepsRecords = records.exists();
      }
      if (!keepsRecords) {
        return PassageLocations.NONE;
      }
      IndexRecords.Record r = records.record(Fields.TYPE_SOURCE, sourceId);
      Source s = r == null ? null : r.source();
      return s == null ? PassageLocations.NONE : PassageLocations.of(s);
    } catch (SolrServerException e) {
      throw new IOException(e);
    }
  }

  // whether the collection's schema has the field: Solr refuses a query on an undefined one
  private boolean hasField(String field) throws IOException {
    try {
      count(field + ":[* TO *]");
      return true;
    } catch (org.apache.solr.client.solrj.RemoteSolrException e) {
      if (e.code() == 400) {
        return false;
      }
      throw e;
    }
  }

  private long count(String query) throws IOException {
    SolrQuery q = new SolrQuery(query);
    q.setRows(0);
    try {
      return client.query(collection, q, POST).getResults().getNumFound();
    } catch (SolrServerException e) {
      throw new IOException(e);
    }
  }

  private interface DocSink {
    void accept(SolrDocument d) throws IOException;
  }

  // every document q matches, a page at a time with Solr's cursor (sorted by id, as it needs)
  private void cursor(SolrQuery q, DocSink sink) throws IOException {
    q.setRows(PAGE);
    q.setSort(Fields.ID, SolrQuery.ORDER.asc);
    String cursor = "*";
    try {
      while (true) {
        q.set("cursorMark", cursor);
        QueryResponse r = client.query(collection, q, POST);
        SolrDocumentList docs = r.getResults();
        for (SolrDocument d : docs) {
          sink.accept(d);
        }
        String next = r.getNextCursorMark();
        if (next == null || next.equals(cursor)) {
          return;
        }
        cursor = next;
      }
    } catch (SolrServerException e) {
      throw new IOException(e);
    }
  }

  private static String quoted(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
