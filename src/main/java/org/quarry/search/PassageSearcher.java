package org.quarry.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.quarry.analysis.Glossary;
import org.quarry.index.DocumentWalk;
import org.quarry.index.Fields;
import org.quarry.index.KeptCases;
import org.quarry.index.KeptCodings;
import org.quarry.index.PassageDocuments;
import org.quarry.index.SequentialStoredFields;
import org.quarry.index.SourceTexts;
import org.quarry.model.Case;
import org.quarry.model.Coding;
import org.quarry.model.Decision;
import org.quarry.model.FacetValue;
import org.quarry.model.Hit;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.SearchOrder;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;
import org.quarry.model.Source;
import org.quarry.model.SourceOrigin;

/**
 * Searches the passages of a Quarry index.
 *
 * <p>Queries use Lucene's classic syntax. A bare word searches the lemmas (so {@code voice} and
 * {@code voices} find the same passages) and, with a small boost, the exact words; glossary
 * synonyms apply to both, multi-word ones as phrases. {@code participant:}, {@code speaker:},
 * {@code source:}, {@code kind:}, {@code section:}, {@code code:}, {@code origin:} and attribute
 * names search keywords as written ({@code participant:IDNS1*} works). Leading wildcards ({@code
 * *care}) are rejected with a message: they scan every term of the index. A blank query matches
 * every passage.
 *
 * <p>Ranking is BM25, ties broken by passage id. Passages of near-duplicate sources are left out of
 * hits, totals and facet counts unless the request includes duplicates. Facet counts of a filtered
 * dimension are drill-sideways: they count as if that dimension were not filtered.
 *
 * <p>Thread safe; sees changes committed by an {@link org.quarry.index.Indexer} on the next call.
 */
public final class PassageSearcher implements Closeable {
  /** Weight of the exact-word field next to the lemma field (1.0) for bare words. */
  public static final float EXACT_BOOST = 0.3f;

  /** Deepest parenthesis nesting a query may have. */
  public static final int MAX_NESTING = 100;

  // passages of indexes made before the reading-order field sort last among them, by id
  private static final Sort READING =
      new Sort(
          new SortField(Fields.READING_ORDER, SortField.Type.STRING),
          new SortField(Fields.ID, SortField.Type.STRING));
  private static final Sort RANKING =
      new Sort(SortField.FIELD_SCORE, new SortField(Fields.ID, SortField.Type.STRING));
  // whether a search's page and its counting run on two threads
  private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;

  private final Directory directory;
  private final boolean ownsDirectory;
  private final SearcherManager manager;
  // threads that find a search's page and count a large search's facets beside the searching one
  // (see DimensionCounts); made when first needed, daemons, so a command ends when its work does.
  // A hand-over refused (after close) is dropped: the searching thread runs what no other took
  private final ExecutorService searchThreads =
      new ThreadPoolExecutor(
          Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
          Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
          0L,
          TimeUnit.MILLISECONDS,
          new LinkedBlockingQueue<>(),
          Thread.ofPlatform().name("quarry-search-", 1).daemon().factory(),
          new ThreadPoolExecutor.DiscardPolicy());
  private final QueryReader queries;
  private final FacetsConfig facetsConfig = PassageDocuments.facetsConfig();
  private IndexReader stateReader;
  private FacetLabels labels;

  private PassageSearcher(Directory directory, boolean ownsDirectory, Glossary glossary)
      throws IOException {
    this.directory = directory;
    this.ownsDirectory = ownsDirectory;
    this.manager = new SearcherManager(directory, null);
    this.queries = new QueryReader(glossary);
  }

  /**
   * Opens the index in {@code dir}.
   *
   * @throws java.io.FileNotFoundException naming the folder when it holds no index
   */
  public static PassageSearcher open(Path dir, Glossary glossary) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new java.io.FileNotFoundException(
          "no Quarry index in " + dir + "; run 'quarry index' first");
    }
    Directory directory = FSDirectory.open(dir);
    try {
      return new PassageSearcher(directory, true, glossary);
    } catch (org.apache.lucene.index.IndexNotFoundException e) {
      directory.close();
      java.io.FileNotFoundException f =
          new java.io.FileNotFoundException(
              "no Quarry index in " + dir + "; run 'quarry index' first");
      f.initCause(e);
      throw f;
    }
  }

  /** Opens the index in {@code directory}, which the caller keeps open until this is closed. */
  public static PassageSearcher open(Directory directory, Glossary glossary) throws IOException {
    return new PassageSearcher(directory, false, glossary);
  }

  /**
   * Parses a query in Quarry's syntax into a Lucene query over passages (no type, duplicate or
   * facet filtering); for callers that run their own searches, such as code suggestion.
   *
   * @throws QuerySyntaxException with a one-line message naming the position
   */
  public Query parse(String query) {
    return queries.parse(query);
  }

  /** Deepest parenthesis nesting outside quotes. */
  static int nesting(String query) {
    int depth = 0;
    int max = 0;
    boolean quoted = false;
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        max = Math.max(max, ++depth);
      } else if (!quoted && c == ')') {
        depth = Math.max(0, depth - 1);
      }
    }
    return max;
  }

  /**
   * Runs a search.
   *
   * @throws QuerySyntaxException for a query that cannot be parsed or expands too far
   * @throws IllegalArgumentException naming an unknown facet or filter dimension
   */
  public SearchResult search(SearchRequest request) throws IOException {
    Query userQuery = parse(request.query());
    manager.maybeRefresh();
    IndexSearcher searcher = manager.acquire();
    try {
      if (searcher.getIndexReader().numDocs() == 0) {
        checkDimensions(request, Set.of());
        return new SearchResult(request.query(), 0, List.of(), emptyFacets(request), 0);
      }
      FacetLabels dimensionLabels = facetLabels(searcher.getIndexReader());
      Set<String> known = knownDimensions(dimensionLabels.state());
      checkDimensions(request, known);
      DrillDownQuery drillDown = new DrillDownQuery(facetsConfig, passages(userQuery, request));
      for (Map.Entry<String, List<String>> f : new TreeMap<>(request.filters()).entrySet()) {
        for (String value : f.getValue()) {
          drillDown.add(f.getKey(), value);
        }
      }
      int topN =
          Math.min(
              Math.max(1, request.offset() + request.limit()),
              Math.max(1, searcher.getIndexReader().maxDoc()));
      // the page (top hits, stored text, highlights) and the counting (every hit, no scores, then
      // facets) are two searches, on two threads where there are two cores: the page's search
      // skips what cannot make the page (Lucene's block-max scoring), and the counting scores
      // nothing, where one search had scored every hit for both
      FutureTask<Page> pageTask =
          new FutureTask<>(() -> page(searcher, userQuery, drillDown, topN, request));
      if (PARALLEL) {
        searchThreads.execute(pageTask);
      }
      DrillSideways.ConcurrentDrillSidewaysResult<Integer> counted;
      Page page;
      try {
        try {
          counted =
              new RequestedDrillSideways(
                      searcher, facetsConfig, dimensionLabels, request.facets(), searchThreads)
                  .search(drillDown, new TotalHitCountCollectorManager(searcher.getSlices()));
        } finally {
          finish(pageTask); // before the searcher is released, even when counting failed
        }
        page = result(pageTask);
      } catch (IndexSearcher.TooManyClauses e) {
        throw QueryErrors.tooBroad(request.query());
      } catch (TooComplexToDeterminizeException e) {
        throw QueryErrors.tooComplexRegex(request.query());
      }
      Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
      for (String dim : request.facets()) {
        facets.put(dim, facetValues(counted.facets, dim));
      }
      return new SearchResult(
          request.query(), counted.collectorResult, page.hits(), facets, page.maxScore());
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * What may make {@code request} find less than meant, one line each (see {@link SearchDoubts}):
   * an unknown field, or a field or filter value no passage has, with the name it was probably
   * meant to be. Empty for an empty index.
   *
   * @throws QuerySyntaxException for a query that cannot be parsed
   */
  public List<String> doubts(SearchRequest request) throws IOException {
    Query userQuery = parse(request.query());
    manager.maybeRefresh();
    IndexSearcher searcher = manager.acquire();
    try {
      IndexReader reader = searcher.getIndexReader();
      if (reader.numDocs() == 0) {
        return List.of();
      }
      Set<String> dims = SearchDoubts.dimensions(knownDimensions(facetState(reader)));
      return new SearchDoubts(reader, dims).of(userQuery, request);
    } finally {
      manager.release(searcher);
    }
  }

  /** The passage with this id, with its stored codes; its highlight is its escaped text. */
  public Optional<Hit> get(String passageId) throws IOException {
    manager.maybeRefresh();
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, passageId)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      Document doc = searcher.storedFields().document(top.scoreDocs[0].doc);
      Passage p = PassageDocuments.passage(doc);
      return Optional.of(
          new Hit(p, 0, MarkFormatter.escape(p.text()), PassageDocuments.codes(doc)));
    } finally {
      manager.release(searcher);
    }
  }

  /** The passages of one source with their codes, by start, then id (none for an unknown one). */
  public List<Hit> inSource(String source) throws IOException {
    return read(passages(new TermQuery(new Term(Fields.SOURCE, source)), true), new HashSet<>());
  }

  /**
   * Every passage with its codes (score 0, highlight the escaped text), ordered by source, then
   * start, then id; for exports.
   */
  public List<Hit> all(boolean includeDuplicates) throws IOException {
    return read(passages(new MatchAllDocsQuery(), includeDuplicates), new HashSet<>());
  }

  /**
   * Every passage with its codes, near duplicates included and marked, ordered as {@link
   * #all(boolean)}; for a report that needs both views of the passages, at the cost of one read.
   */
  public AllPassages allMarked() throws IOException {
    Set<String> duplicates = new HashSet<>();
    List<Hit> hits = read(passages(new MatchAllDocsQuery(), true), duplicates);
    return new AllPassages(hits, duplicates);
  }

  // the passages a query matches, sorted; the ids of those of near-duplicate sources go into
  // duplicates
  private List<Hit> read(Query q, Set<String> duplicates) throws IOException {
    manager.maybeRefresh();
    IndexSearcher searcher = manager.acquire();
    try {
      StoredFields stored = SequentialStoredFields.of(searcher.getIndexReader());
      List<Hit> hits = new ArrayList<>();
      DocumentWalk.forEach(
          searcher,
          q,
          d -> {
            Document doc = stored.document(d);
            Passage p = PassageDocuments.passage(doc);
            hits.add(new Hit(p, 0, MarkFormatter.escape(p.text()), PassageDocuments.codes(doc)));
            if (doc.get(Fields.DUPLICATE_OF) != null) {
              duplicates.add(p.id());
            }
          });
      hits.sort(AllPassages.READING_ORDER);
      return hits;
    } finally {
      manager.release(searcher);
    }
  }

  /** Every source with the text Quarry keeps for it, by id. */
  public List<Source> sources() throws IOException {
    manager.maybeRefresh();
    IndexSearcher searcher = manager.acquire();
    try {
      return new ArrayList<>(SourceTexts.readAll(searcher).values());
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * The file each source was read from and the hash of its bytes, by source id: what tells two
   * same-named files apart without reading the texts the index keeps.
   */
  public Map<String, SourceOrigin> sourceOrigins() throws IOException {
    Map<String, SourceOrigin> origins = new TreeMap<>();
    forEachOfType(
        Fields.TYPE_SOURCE,
        Set.of(Fields.SOURCE, Fields.PATH, Fields.CONTENT_HASH),
        doc -> {
          String id = doc.get(Fields.SOURCE);
          if (id != null) {
            origins.put(id, new SourceOrigin(doc.get(Fields.PATH), doc.get(Fields.CONTENT_HASH)));
          }
        });
    return origins;
  }

  /**
   * The human codings kept with their exact spans ({@link org.quarry.index.KeptCodings}): those
   * imported from QDA tools and the accepted decisions that apply, by source, then offset, then
   * code.
   */
  public List<Coding> keptCodings() throws IOException {
    List<Coding> codings = new ArrayList<>();
    forEachOfType(Fields.TYPE_CODINGS, doc -> codings.addAll(KeptCodings.read(doc)));
    codings.sort(Coding.ORDER);
    return codings;
  }

  /**
   * Every researcher's decision on a suggested code kept with the index, applied or not ({@link
   * org.quarry.index.KeptCodings}), by source, then offset, then code.
   */
  public List<Decision> decisions() throws IOException {
    List<Decision> decisions = new ArrayList<>();
    forEachOfType(Fields.TYPE_CODINGS, doc -> decisions.addAll(KeptCodings.readDecisions(doc)));
    decisions.sort(
        Comparator.comparing(Decision::source)
            .thenComparingInt(Decision::start)
            .thenComparingInt(Decision::end)
            .thenComparing(Decision::code)
            .thenComparing(Decision::applied));
    return decisions;
  }

  /**
   * The cases kept for imported projects ({@link org.quarry.index.KeptCases}), with their GUIDs and
   * variables, by project file, then in project order.
   */
  public List<Case> keptCases() throws IOException {
    Map<String, List<Case>> byProject = new TreeMap<>();
    forEachOfType(
        Fields.TYPE_CASES, doc -> byProject.put(doc.get(Fields.CASES_OF), KeptCases.read(doc)));
    List<Case> cases = new ArrayList<>();
    byProject.values().forEach(cases::addAll);
    return cases;
  }

  // hands every stored document of one type (sources, kept codings, kept cases) to `read`, one at
  // a time under one searcher, so a large source text is not held twice
  private void forEachOfType(String type, java.util.function.Consumer<Document> read)
      throws IOException {
    forEachOfType(type, null, read);
  }

  private void forEachOfType(
      String type, Set<String> fields, java.util.function.Consumer<Document> read)
      throws IOException {
    manager.maybeRefresh();
    IndexSearcher searcher = manager.acquire();
    try {
      StoredFields stored = SequentialStoredFields.of(searcher.getIndexReader());
      DocumentWalk.forEach(
          searcher,
          new TermQuery(new Term(Fields.TYPE, type)),
          d -> read.accept(fields == null ? stored.document(d) : stored.document(d, fields)));
    } finally {
      manager.release(searcher);
    }
  }

  /** How many passages the index holds, near duplicates included. */
  public int passageCount() throws IOException {
    manager.maybeRefresh();
    IndexSearcher searcher = manager.acquire();
    try {
      return searcher.count(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)));
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public void close() throws IOException {
    searchThreads.shutdown();
    manager.close();
    if (ownsDirectory) {
      directory.close();
    }
  }

  private static Query passages(Query query, SearchRequest request) {
    Query found = passages(query, request.includeDuplicates());
    if (request.interviewers()) {
      return found;
    }
    return new BooleanQuery.Builder()
        .add(found, BooleanClause.Occur.MUST)
        .add(
            new TermQuery(new Term(Fields.KIND, PassageKind.INTERVIEWER.label())),
            BooleanClause.Occur.MUST_NOT)
        .build();
  }

  // ranked, the first hit holds it; in reading order one more search finds the best of all
  private static double maxScore(
      IndexSearcher searcher, Query query, TopDocs top, SearchOrder order) throws IOException {
    if (top.scoreDocs.length == 0) {
      return 0;
    }
    if (order == SearchOrder.RELEVANCE) {
      return top.scoreDocs[0].score;
    }
    TopDocs best = searcher.search(query, 1);
    return best.scoreDocs.length == 0 ? 0 : best.scoreDocs[0].score;
  }

  private static Query passages(Query query, boolean includeDuplicates) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(query, BooleanClause.Occur.MUST);
    b.add(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)), BooleanClause.Occur.FILTER);
    if (!includeDuplicates) {
      b.add(new TermQuery(new Term(Fields.DUPLICATE, "true")), BooleanClause.Occur.MUST_NOT);
    }
    return b.build();
  }

  // the hits of a page and the best score of all hits
  private record Page(List<Hit> hits, double maxScore) {}

  // the request's page of the hits of query, the drill-down query of userQuery
  private static Page page(
      IndexSearcher searcher, Query userQuery, Query query, int topN, SearchRequest request)
      throws IOException {
    boolean reading = request.order() == SearchOrder.SOURCE;
    TopDocs top =
        searcher.search(
            query,
            new TopFieldCollectorManager(reading ? READING : RANKING, topN, null, topN, false));
    // ranked hits carry their score from the sort; hits in reading order are scored for the page
    if (reading) {
      TopFieldCollector.populateScores(top.scoreDocs, searcher, query);
    } else {
      for (ScoreDoc hit : top.scoreDocs) {
        hit.score = (Float) ((FieldDoc) hit).fields[0];
      }
    }
    return new Page(
        hits(searcher, userQuery, top, request), maxScore(searcher, query, top, request.order()));
  }

  // runs the task on this thread unless another thread took it, and waits for it either way
  private static void finish(FutureTask<?> task) {
    task.run();
    boolean interrupted = false;
    while (true) {
      try {
        task.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException | CancellationException e) {
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  // what a finished task gave, or what it threw
  private static Page result(FutureTask<Page> task) throws IOException {
    if (task.state() == Future.State.SUCCESS) {
      return task.resultNow();
    }
    switch (task.exceptionNow()) {
      case IOException io -> throw io;
      case RuntimeException r -> throw r;
      case Error err -> throw err;
      default -> throw new IllegalStateException(task.exceptionNow());
    }
  }

  private static List<Hit> hits(
      IndexSearcher searcher, Query userQuery, TopDocs top, SearchRequest r) throws IOException {
    ScoreDoc[] all = top.scoreDocs;
    int from = Math.min(r.offset(), all.length);
    int to = Math.min(all.length, r.offset() + r.limit());
    if (from >= to) {
      return List.of();
    }
    int[] docIds = new int[to - from];
    for (int i = from; i < to; i++) {
      docIds[i - from] = all[i].doc;
    }
    StoredFields stored = searcher.storedFields();
    Document[] docs = new Document[docIds.length];
    String[] texts = new String[docIds.length];
    for (int i = 0; i < docIds.length; i++) {
      docs[i] = stored.document(docIds[i]);
      texts[i] = docs[i].get(Fields.TEXT);
    }
    String[] highlights = PassageHighlighter.highlight(searcher, userQuery, docIds, texts);
    List<Hit> hits = new ArrayList<>(docIds.length);
    for (int i = 0; i < docIds.length; i++) {
      Passage p = PassageDocuments.passage(docs[i]);
      String highlight = highlights[i] != null ? highlights[i] : PassageHighlighter.plain(p.text());
      hits.add(new Hit(p, all[from + i].score, highlight, PassageDocuments.codes(docs[i])));
    }
    return hits;
  }

  private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    return facetLabels(reader).state();
  }

  // the facet state and values of a reader, made again when the reader changes
  private synchronized FacetLabels facetLabels(IndexReader reader) throws IOException {
    if (stateReader != reader) {
      labels = new FacetLabels(new DefaultSortedSetDocValuesReaderState(reader, facetsConfig));
      stateReader = reader;
    }
    return labels;
  }

  /** The attribute dimensions passages of the index carry (role, region, …), by name. */
  public List<String> attributeNames() throws IOException {
    manager.maybeRefresh();
    IndexSearcher searcher = manager.acquire();
    try {
      if (searcher.getIndexReader().numDocs() == 0) {
        return List.of();
      }
      Set<String> names = new TreeSet<>(knownDimensions(facetState(searcher.getIndexReader())));
      names.removeAll(Fields.FIXED_FACETS);
      names.removeAll(Fields.RESERVED);
      return List.copyOf(names);
    } finally {
      manager.release(searcher);
    }
  }

  private static Set<String> knownDimensions(SortedSetDocValuesReaderState state) {
    Set<String> known = new TreeSet<>(Fields.FIXED_FACETS);
    for (String dim : state.getDims()) {
      known.add(dim);
    }
    return known;
  }

  private static void checkDimensions(SearchRequest request, Set<String> indexed) {
    Set<String> known = new TreeSet<>(Fields.FIXED_FACETS);
    known.addAll(indexed);
    for (String dim : request.filters().keySet()) {
      if (!known.contains(dim)) {
        throw new IllegalArgumentException(
            "unknown filter dimension '" + dim + "'; known: " + String.join(", ", known));
      }
    }
    for (String dim : request.facets()) {
      if (!known.contains(dim)) {
        throw new IllegalArgumentException(
            "unknown facet dimension '" + dim + "'; known: " + String.join(", ", known));
      }
    }
  }

  private static Map<String, List<FacetValue>> emptyFacets(SearchRequest request) {
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    for (String dim : request.facets()) {
      facets.put(dim, List.of());
    }
    return facets;
  }

  // the dimension's values with their counts, as DimensionCounts orders them: count descending,
  // then value
  private static List<FacetValue> facetValues(Facets facets, String dim) throws IOException {
    FacetResult result = facets.getAllChildren(dim);
    if (result == null) {
      return List.of(); // a known dimension no passage has a value for yet (no codes attached)
    }
    List<FacetValue> values = new ArrayList<>(result.labelValues.length);
    for (LabelAndValue lv : result.labelValues) {
      values.add(new FacetValue(lv.label, lv.value.intValue()));
    }
    return values;
  }
}
