package org.quarry.coding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.quarry.analysis.Glossary;
import org.quarry.index.Fields;
import org.quarry.index.PassageDocuments;
import org.quarry.index.SourceTexts;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.Evidence;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.Span;
import org.quarry.model.Suggestion;

/**
 * Suggests codes for passages in bulk, through the index: one query per code (see {@link
 * CodeQueryBuilder}) runs once over the passages a run selects, its BM25 score on each passage is
 * calibrated into [0, 1] ({@link ScoreCalibration}) and the best {@code top} codes per passage at
 * or above the floor are kept. Only then, for the kept suggestions, Lucene's Matches API finds the
 * words each lexicon entry matched, with offsets that are mapped to the source file as read.
 *
 * <p>The cost is one search per code plus the evidence of what is kept; passages are never scored
 * one by one against stored text.
 */
public final class CodeSuggester {
  /** Told how far a run has got: codes run, then passages given evidence. */
  @FunctionalInterface
  public interface Progress {
    /** Progress that reports nothing. */
    Progress NONE = (done, total, what) -> {};

    /** {@code done} of {@code total} steps; {@code what} names the current one. */
    void update(long done, long total, String what);
  }

  // what a Passage is read from; the stored annotation, the largest field, is not needed here
  private static final java.util.Set<String> PASSAGE_FIELDS =
      java.util.Set.of(Fields.ID, Fields.SOURCE, Fields.KIND, Fields.PARTICIPANT, Fields.SECTION,
          Fields.START, Fields.END, Fields.TEXT, Fields.ATTRIBUTES);

  private final List<CodeQueryBuilder.CodeQuery> queries = new ArrayList<>();

  /**
   * A suggester for the codes of {@code codebook} that have terms or a query, with glossary
   * synonyms.
   *
   * @throws IllegalArgumentException naming a term or query that cannot be used
   */
  public CodeSuggester(Codebook codebook, Glossary glossary) {
    CodeQueryBuilder builder = new CodeQueryBuilder(glossary);
    for (Code c : codebook.codes()) {
      if (!c.terms().isEmpty() || (c.query() != null && !c.query().isBlank())) {
        queries.add(builder.build(c));
      }
    }
  }

  /** The codes this suggester runs, in codebook order. */
  public List<Code> codes() {
    return queries.stream().map(CodeQueryBuilder.CodeQuery::code).toList();
  }

  /**
   * The query of every passage the options select (type, duplicates, kind, drill-down filters).
   *
   * @throws IllegalArgumentException naming an unknown kind or filter dimension
   */
  public static Query selection(IndexReader reader, SuggestOptions options) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)), BooleanClause.Occur.FILTER);
    if (!options.includeDuplicates()) {
      b.add(new TermQuery(new Term(Fields.DUPLICATE, "true")), BooleanClause.Occur.MUST_NOT);
    }
    if (options.kind() != null) {
      PassageKind.parse(options.kind());
      b.add(new TermQuery(new Term(Fields.KIND, options.kind())), BooleanClause.Occur.FILTER);
    }
    Query base = b.build();
    if (options.filters().isEmpty()) {
      return base;
    }
    FieldInfos infos = FieldInfos.getMergedFieldInfos(reader);
    DrillDownQuery drill = new DrillDownQuery(PassageDocuments.facetsConfig(), base);
    for (Map.Entry<String, List<String>> f : new TreeMap<>(options.filters()).entrySet()) {
      if (!Fields.FIXED_FACETS.contains(f.getKey()) && infos.fieldInfo(f.getKey()) == null) {
        throw new IllegalArgumentException(
            "unknown filter dimension '" + f.getKey() + "'; known: " + String.join(", ", Fields.FIXED_FACETS)
                + " and the participant attributes");
      }
      for (String v : f.getValue()) {
        drill.add(f.getKey(), v);
      }
    }
    return drill;
  }

  /**
   * Suggests codes for the passages of {@code reader} that {@code options} select.
   *
   * @throws IllegalArgumentException naming an unknown kind or filter dimension
   */
  public SuggestionRun suggest(IndexReader reader, SuggestOptions options, Progress progress)
      throws IOException {
    long t0 = System.nanoTime();
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setQueryCache(null); // each query runs once
    Query selection = selection(reader, options);
    int considered = searcher.count(selection);
    int k = Math.max(1, Math.min(options.top(), queries.size()));
    int maxDoc = reader.maxDoc();
    int[] bestCodes = new int[maxDoc * k];
    float[] bestScores = new float[maxDoc * k];
    Arrays.fill(bestCodes, -1);
    List<LeafReaderContext> leaves = reader.leaves();
    FixedBitSet selected = selectedDocs(searcher, selection);
    double contextWeight = options.contextWeight();
    PassageContexts contexts = contextWeight > 0 ? PassageContexts.of(reader) : null;
    // the documents a code is scored on: the selection and the contexts of selected passages
    FixedBitSet scored = selected.clone();
    if (contexts != null) {
      for (int d = selected.nextSetBit(0); d != DocIdSetIterator.NO_MORE_DOCS;
          d = d + 1 < maxDoc ? selected.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
        int c = contexts.contextOf(d);
        if (c != PassageContexts.NONE) {
          scored.set(c);
        }
      }
    }
    float[] raw = new float[maxDoc]; // one code's raw score per document, 0 where it did not match
    int[] matched = new int[maxDoc]; // the documents it matched, raw[] > 0
    int[] lastCode = new int[maxDoc]; // the last code a document was ranked for, + 1
    for (int c = 0; c < queries.size(); c++) {
      CodeQueryBuilder.CodeQuery cq = queries.get(c);
      progress.update(c, queries.size(), cq.code().id());
      List<Query> entryQueries = cq.entries().stream().map(CodeQueryBuilder.Entry::query).toList();
      double reference = ScoreCalibration.reference(searcher, entryQueries);
      if (reference <= 0) {
        continue; // no entry occurs in this index
      }
      ScoreCalibration calibration = new ScoreCalibration(reference, cq.code().weight());
      Weight w = searcher.createWeight(searcher.rewrite(cq.query()), ScoreMode.COMPLETE, 1f);
      int[] count = {0};
      for (LeafReaderContext ctx : leaves) {
        BulkScorer bulk = w.bulkScorer(ctx);
        if (bulk == null) {
          continue;
        }
        int base = ctx.docBase;
        // the bulk scorer scores a disjunction in windows, much faster than doc-at-a-time; the
        // documents to score are a bit set computed once rather than a filter intersected per code
        bulk.score(
            new LeafCollector() {
              private Scorable scorer;

              @Override
              public void setScorer(Scorable s) {
                scorer = s;
              }

              @Override
              public void collect(int doc) throws IOException {
                int g = base + doc;
                if (scored.get(g)) {
                  float score = scorer.score();
                  if (score > 0) {
                    raw[g] = score;
                    matched[count[0]++] = g;
                  }
                }
              }
            },
            ctx.reader().getLiveDocs(),
            0,
            DocIdSetIterator.NO_MORE_DOCS);
      }
      // a passage is ranked for the code when it or its context matched, unless its own words hold
      // an exclude entry (the code query vetoes those only where it matched)
      FixedBitSet vetoed = contexts == null || cq.excludes().isEmpty() ? null : vetoed(searcher, cq, maxDoc);
      int stamp = c + 1;
      for (int i = 0; i < count[0]; i++) {
        int g = matched[i];
        if (selected.get(g) && lastCode[g] != stamp) {
          lastCode[g] = stamp;
          rank(g, c, k, raw, contexts, contextWeight, calibration, options.minScore(), bestCodes, bestScores);
        }
        if (contexts != null) {
          contexts.forEachDependent(g, d -> {
            if (selected.get(d) && lastCode[d] != stamp && (vetoed == null || !vetoed.get(d))) {
              lastCode[d] = stamp;
              rank(d, stamp - 1, k, raw, contexts, contextWeight, calibration, options.minScore(), bestCodes, bestScores);
            }
          });
        }
      }
      for (int i = 0; i < count[0]; i++) {
        raw[matched[i]] = 0;
      }
    }
    progress.update(queries.size(), queries.size(), "");
    long t1 = System.nanoTime();
    List<PassageSuggestions> out =
        gather(searcher, bestCodes, bestScores, k, options.evidence(), contexts, progress);
    return new SuggestionRun(out, considered, queries.size(), t1 - t0, System.nanoTime() - t1, 0);
  }

  // the selected documents, by global document number
  private static FixedBitSet selectedDocs(IndexSearcher searcher, Query selection) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    FixedBitSet bits = new FixedBitSet(Math.max(1, reader.maxDoc()));
    Weight w = searcher.createWeight(searcher.rewrite(selection), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : reader.leaves()) {
      Scorer s = w.scorer(leaf);
      if (s == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator it = s.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live == null || live.get(doc)) {
          bits.set(leaf.docBase + doc);
        }
      }
    }
    return bits;
  }

  // the documents that hold an exclude entry of the code
  private static FixedBitSet vetoed(IndexSearcher searcher, CodeQueryBuilder.CodeQuery cq, int maxDoc)
      throws IOException {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    cq.excludes().forEach(e -> any.add(e.query(), BooleanClause.Occur.SHOULD));
    FixedBitSet bits = new FixedBitSet(Math.max(1, maxDoc));
    Weight w = searcher.createWeight(searcher.rewrite(any.build()), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer s = w.scorer(leaf);
      if (s == null) {
        continue;
      }
      DocIdSetIterator it = s.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        bits.set(leaf.docBase + doc);
      }
    }
    return bits;
  }

  // ranks code c on passage g: its own raw score plus its context's, weighted, calibrated
  private static void rank(
      int g, int c, int k, float[] raw, PassageContexts contexts, double contextWeight,
      ScoreCalibration calibration, double minScore, int[] bestCodes, float[] bestScores) {
    double r = raw[g];
    if (contexts != null) {
      int ctx = contexts.contextOf(g);
      if (ctx != PassageContexts.NONE) {
        r += contextWeight * raw[ctx];
      }
    }
    double score = calibration.calibrate(r);
    if (score >= minScore && score > 0) {
      keep(bestCodes, bestScores, g * k, k, c, (float) score);
    }
  }

  // inserts (code, score) into the doc's descending slots; equal scores keep the earlier code
  private static void keep(int[] codes, float[] scores, int from, int k, int code, float score) {
    int pos = k;
    while (pos > 0 && (codes[from + pos - 1] < 0 || scores[from + pos - 1] < score)) {
      pos--;
    }
    if (pos == k) {
      return;
    }
    for (int i = k - 1; i > pos; i--) {
      codes[from + i] = codes[from + i - 1];
      scores[from + i] = scores[from + i - 1];
    }
    codes[from + pos] = code;
    scores[from + pos] = score;
  }

  private List<PassageSuggestions> gather(
      IndexSearcher searcher, int[] codes, float[] scores, int k, boolean evidence, PassageContexts contexts,
      Progress progress) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    StoredFields stored = reader.storedFields();
    List<LeafReaderContext> leaves = reader.leaves();
    Map<String, Source> sources = new HashMap<>();
    Weight[][] entryWeights = new Weight[queries.size()][];
    int withCodes = 0;
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      if (codes[doc * k] >= 0) {
        withCodes++;
      }
    }
    List<PassageSuggestions> out = new ArrayList<>(withCodes);
    int done = 0;
    int lastContextDoc = PassageContexts.NONE;
    Passage lastContext = null;
    EvidenceLocator lastContextLocator = null;
    LeafReaderContext lastContextLeaf = null;
    Map<Integer, List<Evidence>> lastContextEvidence = new HashMap<>();
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      if (codes[doc * k] < 0) {
        continue;
      }
      Passage p = PassageDocuments.passage(stored.document(doc, PASSAGE_FIELDS));
      EvidenceLocator locator = null;
      if (evidence) {
        Source source = sources.computeIfAbsent(p.source(), id -> source(searcher, id));
        locator = new EvidenceLocator(p, source == NO_SOURCE ? null : source);
      }
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      int contextDoc = contexts == null ? PassageContexts.NONE : contexts.contextOf(doc);
      if (evidence && contextDoc != PassageContexts.NONE && contextDoc != lastContextDoc) {
        // the passages that share a context (answers to one question) come one after another
        lastContextDoc = contextDoc;
        lastContext = PassageDocuments.passage(stored.document(contextDoc, PASSAGE_FIELDS));
        Source source = sources.computeIfAbsent(lastContext.source(), id -> source(searcher, id));
        lastContextLocator = new EvidenceLocator(lastContext, source == NO_SOURCE ? null : source);
        lastContextLeaf = leaves.get(ReaderUtil.subIndex(contextDoc, leaves));
        lastContextEvidence.clear();
      }
      List<Suggestion> list = new ArrayList<>(k);
      for (int i = 0; i < k && codes[doc * k + i] >= 0; i++) {
        int c = codes[doc * k + i];
        List<Evidence> ev = List.of();
        if (evidence) {
          if (entryWeights[c] == null) {
            entryWeights[c] = entryWeights(searcher, queries.get(c));
          }
          ev = evidence(queries.get(c), entryWeights[c], leaf, doc - leaf.docBase, p, locator, null);
          if (contextDoc != PassageContexts.NONE) {
            List<Evidence> fromContext = lastContextEvidence.get(c);
            if (fromContext == null) {
              fromContext = evidence(queries.get(c), entryWeights[c], lastContextLeaf,
                  contextDoc - lastContextLeaf.docBase, lastContext, lastContextLocator, lastContext.id());
              lastContextEvidence.put(c, fromContext);
            }
            if (!fromContext.isEmpty()) {
              List<Evidence> all = new ArrayList<>(ev);
              all.addAll(fromContext);
              ev = all;
            }
          }
        }
        list.add(new Suggestion(p.id(), queries.get(c).code().id(), round(scores[doc * k + i]), ev));
      }
      out.add(new PassageSuggestions(p, list));
      if (++done % 1000 == 0) {
        progress.update(done, withCodes, p.id());
      }
    }
    out.sort(
        Comparator.comparing((PassageSuggestions s) -> s.passage().source())
            .thenComparingInt(s -> s.passage().start())
            .thenComparing(s -> s.passage().id()));
    return out;
  }

  private static Weight[] entryWeights(IndexSearcher searcher, CodeQueryBuilder.CodeQuery cq)
      throws IOException {
    Weight[] w = new Weight[cq.entries().size()];
    for (int i = 0; i < w.length; i++) {
      Query q = searcher.rewrite(cq.entries().get(i).query());
      w[i] = searcher.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f);
    }
    return w;
  }

  // every match of every entry in passage p, with offsets, one per source span (the first entry in
  // codebook order names a span two entries share), by position; contextId marks p as the context
  private static List<Evidence> evidence(
      CodeQueryBuilder.CodeQuery cq, Weight[] weights, LeafReaderContext leaf, int doc, Passage p,
      EvidenceLocator locator, String contextId) throws IOException {
    Map<Span, Evidence> bySpan = new HashMap<>();
    for (int i = 0; i < weights.length; i++) {
      Matches m = weights[i].matches(leaf, doc);
      if (m == null) {
        continue;
      }
      for (String field : new TreeSet<String>(asList(m))) {
        MatchesIterator it = m.getMatches(field);
        if (it == null) {
          continue;
        }
        while (it.next()) {
          int s = it.startOffset();
          int e = it.endOffset();
          if (s < 0 || e <= s || e > p.text().length()) {
            continue; // a field without offsets (a keyword clause of a raw query)
          }
          Span span = locator.span(s, e);
          bySpan.putIfAbsent(span, new Evidence(cq.entries().get(i).term(), p.text().substring(s, e), span.start(), span.end(), contextId));
        }
      }
    }
    List<Evidence> list = new ArrayList<>(bySpan.values());
    list.sort(Comparator.comparingInt(Evidence::start).thenComparingInt(Evidence::end).thenComparing(Evidence::term));
    return list;
  }

  private static List<String> asList(Matches m) {
    List<String> fields = new ArrayList<>();
    m.forEach(fields::add);
    return fields;
  }

  private static final Source NO_SOURCE =
      new Source("", null, org.quarry.model.SourceKind.PAPER, "", org.quarry.model.OffsetMap.identity(""), null, Map.of());

  private static Source source(IndexSearcher searcher, String id) {
    try {
      BooleanQuery q =
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_SOURCE)), BooleanClause.Occur.FILTER)
              .add(new TermQuery(new Term(Fields.SOURCE, id)), BooleanClause.Occur.FILTER)
              .build();
      TopDocs top = searcher.search(q, 1);
      if (top.scoreDocs.length == 0) {
        return NO_SOURCE;
      }
      Source s = SourceTexts.read(searcher.storedFields().document(top.scoreDocs[0].doc));
      return s == null ? NO_SOURCE : s;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("reading source " + id, e);
    }
  }

  /** Scores are reported to four decimals, so output is the same on every platform. */
  static double round(double score) {
    return Math.round(score * 10_000) / 10_000.0;
  }
}
