package org.quarry.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.util.ContentStreamBase;
import org.quarry.index.Fields;
import org.quarry.index.IndexedPassage;
import org.quarry.index.StoredPassages;
import org.quarry.model.Hit;
import org.quarry.model.PassageKind;
import org.quarry.model.SearchOrder;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;
import org.quarry.search.PassageHighlighter;

/**
 * A SolrCloud collection holding Quarry's passages: filled from a local index (whose CoreNLP
 * annotation it reuses), searched with queries Quarry has analysed. Solr stores, searches, ranks
 * and counts; Quarry analyses.
 */
public final class SolrCollection implements AutoCloseable {
  /** Passages sent to Solr per request. */
  static final int BATCH = 500;

  private final String baseUrl;
  private final String collection;
  private final SolrClient client;

  /** How long a connection to a Solr node may take before it fails. */
  static final java.time.Duration CONNECT_TIMEOUT = java.time.Duration.ofSeconds(15);

  /**
   * How long Solr may take to answer one request (a page of passages, a batch of updates, a commit)
   * before it fails: a node that hangs is then a clear error, not a process that waits for ever.
   * Generous, as a commit on a large collection can take a while.
   */
  static final java.time.Duration ANSWER_TIMEOUT = java.time.Duration.ofMinutes(3);

  private SolrCollection(String baseUrl, String collection, java.time.Duration answerTimeout) {
    this.baseUrl = baseUrl;
    this.collection = collection;
    // HTTP/1.1: otherwise the client's first update to a node asks for HTTP/2 with a HEAD
    // request, which a node that does not host the collection's core forwards and never answers
    this.client =
        new HttpJdkSolrClient.Builder(baseUrl)
            .useHttp1_1(true)
            .withConnectionTimeout(
                CONNECT_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
            .withIdleTimeout(answerTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
            .withRequestTimeout(
                answerTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
            .build();
  }

  /**
   * The collection at {@code url}, Solr's base URL and the collection's name: {@code
   * http://host:8983/solr/passages}.
   *
   * @throws IllegalArgumentException for a URL that is not of that shape
   */
  public static SolrCollection at(String url) {
    return at(url, ANSWER_TIMEOUT);
  }

  /** As {@link #at(String)}, with requests that fail after {@code answerTimeout} (for tests). */
  static SolrCollection at(String url, java.time.Duration answerTimeout) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--solr " + url + ": not a URL (" + e.getReason() + ")");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    int slash = path.lastIndexOf('/');
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null
        || slash < 0
        || slash == path.length() - 1
        || path.substring(0, slash).isEmpty()) {
      throw new IllegalArgumentException(
          "--solr "
              + url
              + ": give Solr's URL and the collection, e.g. http://localhost:8983/solr/passages");
    }
    String base =
        uri.getScheme()
            + "://"
            + uri.getHost()
            + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
            + path.substring(0, slash);
    return new SolrCollection(base, path.substring(slash + 1), answerTimeout);
  }

  /** The collection's name. */
  public String name() {
    return collection;
  }

  /** Where it is: Solr's base URL and the collection. */
  @Override
  public String toString() {
    return baseUrl + "/" + collection;
  }

  /**
   * Uploads Quarry's configset from {@code configDir} (as {@code quarry}, replacing an older
   * upload) and creates the collection with it, and its records collection ({@link SolrRecords}:
   * one shard, as many replicas). A collection made before records were kept gets only its records
   * collection (its configset replaced by one that only adds fields).
   *
   * @return true when the collection was made, false when it existed and only its records
   *     collection was
   */
  public boolean create(Path configDir, int shards, int replicas)
      throws IOException, SolrServerException {
    List<String> existing = CollectionAdminRequest.listCollections(client);
    SolrRecords records = records();
    boolean upgrade = existing.contains(collection) && !existing.contains(records.name());
    ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload();
    upload.setConfigSetName(configSetName());
    upload.setOverwrite(true);
    upload.setUploadStream(
        new ContentStreamBase.ByteArrayStream(
            zip(configDir), "quarry-configset.zip", "application/octet-stream"));
    upload.process(client);
    if (!upgrade) {
      // Solr refuses a collection that exists, in its own words
      CollectionAdminRequest.createCollection(collection, configSetName(), shards, replicas)
          .process(client);
    }
    records.create(configSetName(), replicas);
    return !upgrade;
  }

  /** The records collection beside this one ({@link SolrRecords}). */
  public SolrRecords records() {
    return new SolrRecords(client, collection);
  }

  private String configSetName() {
    return "quarry-" + collection;
  }

  private static byte[] zip(Path dir) throws IOException {
    if (!Files.isRegularFile(dir.resolve("schema.xml"))) {
      throw new IOException(dir + ": no Solr configset (schema.xml) here");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes);
        Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(f));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** What {@link #send} did. */
  public record Sent(int sources, int passages) {}

  /**
   * Sends every passage of the local index in {@code indexDir} whose source {@code share} takes,
   * each source's passages replacing what the collection held for it, then commits.
   */
  public Sent send(Path indexDir, WorkerShare share) throws IOException, SolrServerException {
    java.util.Set<String> sources = new java.util.TreeSet<>();
    StoredPassages.forEach(
        indexDir,
        p -> {
          if (share.takes(p.passage().source())) {
            sources.add(p.passage().source());
          }
        });
    List<String> ids = new ArrayList<>(sources);
    // each source of this share is emptied first, so that a re-run replaces its passages whole
    for (int i = 0; i < ids.size(); i += BATCH) {
      client.deleteByQuery(
          collection,
          Fields.SOURCE
              + ":("
              + String.join(" ", quotedAll(ids.subList(i, Math.min(ids.size(), i + BATCH))))
              + ")");
    }
    SolrPassages docs = new SolrPassages();
    List<SolrInputDocument> batch = new ArrayList<>();
    int[] passages = {0};
    String run = java.util.UUID.randomUUID().toString();
    try {
      StoredPassages.forEach(
          indexDir,
          p -> {
            if (!share.takes(p.passage().source())) {
              return;
            }
            SolrInputDocument d = docs.toSolr(p);
            d.addField(SolrPassages.WORKER, share.toString());
            d.addField(SolrPassages.SENT_RUN, run);
            batch.add(d);
            passages[0]++;
            if (batch.size() == BATCH) {
              flush(batch);
            }
          });
      flush(batch);
    } catch (SolrFailure f) {
      throw f.cause;
    }
    // what this share sent before and did not send now: passages of sources gone from its index
    client.deleteByQuery(collection, SolrPassages.sentBefore(share, run));
    // its first commit shows the share's new passages all at once: searches see the old ones
    // until then
    commitExpungingDeletes();
    return new Sent(sources.size(), passages[0]);
  }

  private static List<String> quotedAll(List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      out.add('"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
    }
    if (out.isEmpty()) {
      out.add("\"\"");
    }
    return out;
  }

  // a SolrServerException carried out of a visitor of the local index
  static final class SolrFailure extends IOException {
    final SolrServerException cause;

    SolrFailure(SolrServerException cause) {
      super(cause);
      this.cause = cause;
    }
  }

  private void flush(List<SolrInputDocument> batch) throws IOException {
    flush(client, collection, batch);
  }

  /**
   * Adds {@code batch} to {@code target} and empties it; a refusal is carried as an IOException.
   */
  static void flush(SolrClient client, String target, List<SolrInputDocument> batch)
      throws SolrFailure, IOException {
    if (batch.isEmpty()) {
      return;
    }
    try {
      client.add(target, batch);
    } catch (SolrServerException e) {
      throw new SolrFailure(e);
    }
    batch.clear();
  }

  /**
   * Sets the stored codes of passages already in the collection to {@code codes} (passage id to its
   * codes, in the local index's order; an empty list removes them), with Solr's atomic updates:
   * only the code fields are sent, Solr keeps the rest of each document. A passage the collection
   * does not hold is refused rather than made up from its codes alone. Commits; with {@code
   * expunge}, merging the updated passages' old copies away, as the local index does after a
   * suggestion run (after one decision it does not, and BM25's statistics then count one old copy
   * on both sides).
   *
   * @throws SolrServerException naming a passage the collection does not hold, among others
   */
  public void setCodes(Map<String, List<org.quarry.model.CodeScore>> codes, boolean expunge)
      throws IOException, SolrServerException {
    List<SolrInputDocument> batch = new ArrayList<>();
    for (Map.Entry<String, List<org.quarry.model.CodeScore>> e : codes.entrySet()) {
      batch.add(SolrPassages.codeUpdate(e.getKey(), e.getValue()));
      if (batch.size() == BATCH) {
        client.add(collection, batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      client.add(collection, batch);
    }
    if (expunge) {
      commitExpungingDeletes();
    } else {
      client.commit(collection);
    }
  }

  // a commit, then one that merges away every deleted document (the configset allows no deleted
  // share), so BM25's statistics count the passages held, as the local index's do after a write:
  // an atomic update or a re-sent source leaves the old copies deleted but counted until then.
  // Measured against SolrCloud 9.10: one commit asking to expunge right after atomic updates left
  // every replica's old copies in place; a plain commit first, and the expunge is complete.
  private void commitExpungingDeletes() throws IOException, SolrServerException {
    client.commit(collection);
    org.apache.solr.common.params.ModifiableSolrParams params =
        new org.apache.solr.common.params.ModifiableSolrParams();
    params.set("commit", true);
    params.set("expungeDeletes", true);
    params.set("waitSearcher", true);
    new org.apache.solr.client.solrj.request.GenericSolrRequest(
            org.apache.solr.client.solrj.SolrRequest.METHOD.GET,
            "/update",
            org.apache.solr.client.solrj.SolrRequest.SolrRequestType.UPDATE,
            params)
        .setRequiresCollection(true)
        .process(client, collection);
  }

  /**
   * Stores a suggestion run scored by this collection ({@code store}, see {@link #scoringStore}):
   * on every passage the run covered, the codebook's earlier suggested codes are replaced by the
   * run's suggestions at or above {@code threshold}, human codes and other codebooks' codes kept,
   * as a local index stores a run ({@link org.quarry.coding.SuggestedCodes}); set with atomic
   * updates, then the old copies merged away.
   *
   * @return the passages whose stored codes were set
   */
  public int storeSuggestions(
      org.quarry.coding.ScoringStore store,
      org.quarry.model.Codebook codebook,
      org.quarry.model.SuggestionRun run,
      org.quarry.model.SuggestOptions options,
      double threshold)
      throws IOException, SolrServerException {
    java.util.Set<String> ids = org.quarry.coding.SuggestedCodes.codeIds(codebook);
    Map<String, List<org.quarry.model.CodeScore>> fresh =
        org.quarry.coding.SuggestedCodes.fresh(run, threshold);
    java.util.Set<String> selected = store.selected(options);
    Map<String, List<org.quarry.model.CodeScore>> changed = new java.util.TreeMap<>();
    // the codes each passage held when the run read it (the store reads the collection once)
    for (org.quarry.coding.ScoringStore.StorePassage p : store.passages()) {
      if (!selected.contains(p.id())) {
        continue;
      }
      List<org.quarry.model.CodeScore> before = p.codes();
      List<org.quarry.model.CodeScore> after =
          org.quarry.coding.SuggestedCodes.merged(
              before, fresh.getOrDefault(p.id(), List.of()), ids);
      if (!new java.util.HashSet<>(after).equals(new java.util.HashSet<>(before))) {
        changed.put(p.id(), after);
      }
    }
    setCodes(changed, true);
    return changed.size();
  }

  /**
   * Searches with {@code query}, as Quarry parsed {@code request}'s query: the passages it matches
   * (near duplicates and interviewers' turns left out as the request says), ranked as the local
   * index ranks them (score, then id) or in reading order, with their total.
   */
  public SearchResult search(SearchRequest request, Query query)
      throws IOException, SolrServerException {
    return search(request, query, false).result();
  }

  /**
   * A search's result, and whether some shard did not answer (only when tolerant: then the counts
   * are short of that shard's passages).
   */
  public record Answer(SearchResult result, boolean partial) {}

  /**
   * As {@link #search(SearchRequest, Query)}; when {@code tolerant}, a shard that does not answer
   * leaves a result of the shards that did, marked partial (Solr's {@code shards.tolerant}),
   * instead of an error.
   */
  public Answer search(SearchRequest request, Query query, boolean tolerant)
      throws IOException, SolrServerException {
    SolrQuery q = new SolrQuery(SolrQuerySyntax.of(query));
    if (tolerant) {
      q.set("shards.tolerant", true);
    }
    q.set("defType", "lucene");
    q.set("q.op", "OR");
    // the stored fields a hit is made of, not the analysed fields' stored tokens
    q.setFields(PASSAGE_FIELDS);
    q.addField(Fields.ANNOTATION);
    q.addField("score");
    if (!request.interviewers()) {
      q.addFilterQuery("-" + Fields.KIND + ":" + PassageKind.INTERVIEWER.label());
    }
    if (!request.includeDuplicates()) {
      q.addFilterQuery("-" + Fields.DUPLICATE + ":true");
    }
    SolrFacets facets = new SolrFacets(request);
    if (!request.facets().isEmpty()) {
      q.set("json.facet", facets.request());
    }
    for (Map.Entry<String, List<String>> f :
        new java.util.TreeMap<>(request.filters()).entrySet()) {
      q.addFilterQuery(
          "{!tag="
              + facets.key(f.getKey())
              + "}"
              + SolrPassages.field(f.getKey())
              + ":("
              + String.join(" ", quotedAll(f.getValue()))
              + ")");
    }
    q.setStart(request.offset());
    q.setRows(request.limit());
    if (request.order() == SearchOrder.SOURCE) {
      q.addSort(Fields.SOURCE, SolrQuery.ORDER.asc);
      q.addSort(Fields.START, SolrQuery.ORDER.asc);
    } else {
      q.addSort("score", SolrQuery.ORDER.desc);
    }
    q.addSort(Fields.ID, SolrQuery.ORDER.asc);
    QueryResponse r = client.query(collection, q);
    SolrDocumentList docs = r.getResults();
    List<IndexedPassage> found = new ArrayList<>();
    for (SolrDocument d : docs) {
      found.add(SolrPassages.indexed(d));
    }
    List<String> highlights = PassageHighlighter.of(found, query);
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      float score = ((Number) docs.get(i).getFirstValue("score")).floatValue();
      IndexedPassage p = found.get(i);
      hits.add(new Hit(p.passage(), score, highlights.get(i), p.codes()));
    }
    double max = docs.getMaxScore() == null ? 0 : docs.getMaxScore();
    Object partial = r.getHeader() == null ? null : r.getHeader().get("partialResults");
    return new Answer(
        new SearchResult(request.query(), docs.getNumFound(), hits, facets.counts(r), max),
        Boolean.TRUE.equals(partial));
  }

  /**
   * The collection as a store that scores code queries itself, for suggestions scored in Solr
   * ({@link org.quarry.coding.StoreSuggester}).
   */
  public org.quarry.coding.ScoringStore scoringStore() {
    return new SolrScoringStore(client, collection, records());
  }

  /** Passages read page by page ({@link #passages}). */
  static final int PAGE = 1000;

  /** Stored fields a passage is rebuilt from, without its annotation. */
  static final String[] PASSAGE_FIELDS = {
    Fields.ID,
    Fields.SOURCE,
    Fields.KIND,
    Fields.SPEAKER,
    Fields.SECTION,
    Fields.START,
    Fields.END,
    SolrPassages.WORDS,
    Fields.ATTRIBUTES,
    Fields.QUOTED,
    Fields.CODE_SCORES,
    Fields.DUPLICATE_OF
  };

  /**
   * Every passage (near duplicates' too when {@code includeDuplicates}) with these {@code filters},
   * with its codes, in the order of their ids: read with Solr's cursor, a page at a time, so a
   * collection of any size is read whole. The ids of near duplicates' passages go into {@code
   * duplicates}.
   */
  public List<Hit> passages(
      boolean includeDuplicates,
      Map<String, List<String>> filters,
      java.util.Set<String> duplicates)
      throws IOException, SolrServerException {
    SolrQuery q = new SolrQuery("*:*");
    q.setFields(PASSAGE_FIELDS);
    if (!includeDuplicates) {
      q.addFilterQuery("-" + Fields.DUPLICATE + ":true");
    }
    for (Map.Entry<String, List<String>> f : new java.util.TreeMap<>(filters).entrySet()) {
      q.addFilterQuery(
          SolrPassages.field(f.getKey()) + ":(" + String.join(" ", quotedAll(f.getValue())) + ")");
    }
    q.setRows(PAGE);
    q.addSort(Fields.ID, SolrQuery.ORDER.asc);
    List<Hit> hits = new ArrayList<>();
    String cursor = "*";
    while (true) {
      q.set("cursorMark", cursor);
      QueryResponse r = client.query(collection, q);
      for (SolrDocument d : r.getResults()) {
        var p = SolrPassages.passage(d);
        hits.add(
            new Hit(p, 0, org.quarry.search.MarkFormatter.escape(p.text()), SolrPassages.codes(d)));
        if (d.getFirstValue(Fields.DUPLICATE_OF) != null) {
          duplicates.add(p.id());
        }
      }
      String next = r.getNextCursorMark();
      if (next == null || next.equals(cursor)) {
        return hits;
      }
      cursor = next;
    }
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
