package org.quarry.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrServerException;
import org.quarry.model.Hit;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;
import org.quarry.solr.SolrCollection;
import org.quarry.solr.WorkerShare;

/**
 * A SolrCloud collection as Quarry's store, for corpora beyond one machine. Quarry keeps the
 * analysis: passages are annotated into a local index as usual, then sent with their analysed
 * tokens (Solr's pre-analysed field format), so the Solr nodes need no CoreNLP and no Quarry jar;
 * queries are parsed and analysed by the local index's analysis (lemmas, glossary) before they are
 * sent. The collection is made from the configset shipped in {@code solr/configset}.
 */
public final class SolrIndex implements AutoCloseable {
  private final SolrCollection collection;

  private SolrIndex(SolrCollection collection) {
    this.collection = collection;
  }

  /**
   * The collection at {@code url}: Solr's base URL and the collection's name, {@code
   * http://host:8983/solr/passages}.
   *
   * @throws QuarryException for a URL of another shape
   */
  public static SolrIndex at(String url) {
    try {
      return new SolrIndex(SolrCollection.at(url));
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    }
  }

  /**
   * Checks a worker share ({@code I/N}) before any work is done.
   *
   * @throws QuarryException for anything but {@code I/N} with 1 <= I <= N
   */
  public static void checkWorker(String worker) {
    share(worker);
  }

  private static WorkerShare share(String worker) {
    try {
      return worker == null ? WorkerShare.ALL : WorkerShare.parse(worker);
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    }
  }

  /**
   * What was sent.
   *
   * @param sources the sources whose passages were sent
   * @param passages the passages sent
   * @param records the records sent to the records collection (source texts, kept codings, cases),
   *     or -1 when the collection has no records collection (made before Quarry kept them there)
   */
  public record Sent(int sources, int passages, int records) {}

  /** The records collection's name ({@code COLLECTION-records}). */
  public String recordsCollection() {
    return collection.records().name();
  }

  /**
   * Creates the collection from Quarry's configset in {@code configDir}, with its records
   * collection ({@link #recordsCollection()}: one shard, {@code replicas} replicas); for a
   * collection made before records were kept, only its records collection.
   *
   * @return true when the collection was made, false when only its records collection was
   * @throws QuarryException when Solr refuses (the collection exists, too few nodes, …) or cannot
   *     be reached
   */
  public boolean create(Path configDir, int shards, int replicas) {
    if (shards < 1 || replicas < 1) {
      throw new QuarryException("--shards and --replicas must be 1 or more");
    }
    try {
      return collection.create(configDir, shards, replicas);
    } catch (IOException | SolrServerException | RuntimeException e) {
      throw failure("creating collection " + collection.name(), e);
    }
  }

  /**
   * Sends the passages of {@code local}'s index, or of its share {@code worker} ({@code I/N}, null
   * for all), each source's passages replacing what the collection held for that source; then the
   * share's records (source texts, kept codings, cases) to the records collection, when there is
   * one.
   *
   * @throws QuarryException for a bad worker share, or when Solr cannot be reached or refuses
   */
  public Sent send(Quarry local, String worker) {
    WorkerShare share = share(worker);
    SolrCollection.Sent s;
    try {
      s = collection.send(local.indexDir(), share);
    } catch (IOException | SolrServerException | RuntimeException e) {
      throw failure("sending passages", e);
    }
    try {
      org.quarry.solr.SolrRecords records = collection.records();
      int kept = records.exists() ? records.send(local.indexDir(), share) : -1;
      return new Sent(s.sources(), s.passages(), kept);
    } catch (IOException | SolrServerException | RuntimeException e) {
      // the passages are in: a re-run sends them again, and the records with them
      throw failure("sending records (the passages were sent)", e);
    }
  }

  /**
   * What {@link #suggest} did.
   *
   * @param run the suggestions, scored by the collection; its {@code stored} counts the passages of
   *     the local index whose stored codes changed
   * @param updated passages of the collection whose stored codes were set
   */
  public record Suggested(org.quarry.model.SuggestionRun run, int updated) {}

  /**
   * Suggests codes of {@code codebook} by its lexicons for the collection's passages that {@code
   * options} select, scored by the collection (one query per code, see {@link
   * org.quarry.coding.StoreSuggester}), with the suggestions the local index gives when it holds
   * the same passages. Queries are analysed by {@code local}'s analysis. When {@code
   * storeThreshold} is present, the suggestions at or above it are stored: in the collection, with
   * atomic updates, over every share's passages; and in {@code local}, for the passages it holds,
   * so that a later send or decision carries them.
   *
   * @throws QuarryException for an unknown kind or filter dimension, a part of a code's query Solr
   *     cannot score, or when Solr cannot be reached or refuses
   */
  public Suggested suggest(
      Quarry local,
      org.quarry.model.Codebook codebook,
      org.quarry.model.SuggestOptions options,
      java.util.OptionalDouble storeThreshold,
      org.quarry.model.SuggestProgress progress) {
    org.quarry.coding.StoreSuggester suggester = local.storeSuggester(codebook);
    org.quarry.coding.ScoringStore store = collection.scoringStore();
    org.quarry.model.SuggestionRun run;
    try {
      run = suggester.suggest(store, options, progress);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw new QuarryException(e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw failure("suggesting", e);
    }
    if (storeThreshold.isEmpty()) {
      return new Suggested(run, 0);
    }
    double threshold = storeThreshold.getAsDouble();
    int storedHere = local.storeSuggestions(codebook, run, options, threshold);
    try {
      int updated = collection.storeSuggestions(store, codebook, run, options, threshold);
      return new Suggested(run.withStored(storedHere), updated);
    } catch (IOException | SolrServerException | RuntimeException e) {
      throw failure("storing suggested codes", e);
    }
  }

  /**
   * Sets the collection's stored codes of passage {@code passageId} to those {@code local} holds
   * (after {@link Quarry#accept} or {@link Quarry#reject}), with an atomic update.
   *
   * @throws QuarryException when {@code local} or the collection lacks the passage, or Solr cannot
   *     be reached or refuses
   */
  public void sendCodes(Quarry local, String passageId) {
    Hit hit =
        local
            .passage(passageId)
            .orElseThrow(
                () ->
                    new QuarryException(
                        "no passage '" + passageId + "' in index " + local.indexDir()));
    try {
      // an export of the collection carries the decision as the passage's human code, over its
      // span, as a local export does; the records collection gets the source's kept codings at
      // the next send
      collection.setCodes(Map.of(passageId, hit.codes()), false);
    } catch (org.apache.solr.client.solrj.RemoteSolrException e) {
      if (e.code() == 409) {
        throw new QuarryException(
            "solr "
                + collection
                + " holds no passage '"
                + passageId
                + "' (its source was not sent)",
            QuarryException.PARTIAL_FAILURE,
            e);
      }
      throw failure("updating stored codes", e);
    } catch (IOException | SolrServerException | RuntimeException e) {
      throw failure("updating stored codes", e);
    }
  }

  /**
   * Searches the collection, the query parsed and analysed as {@code local}'s index would.
   *
   * @throws QuarryException for a query syntax error, a query part Solr cannot be sent yet, or when
   *     Solr cannot be reached
   */
  public SearchResult search(Quarry local, SearchRequest request) {
    org.apache.lucene.search.Query parsed = local.parse(request.query());
    try {
      return collection.search(request, parsed);
    } catch (UnsupportedOperationException e) {
      throw QuarryException.badParameter("q", e.getMessage(), e);
    } catch (IOException | SolrServerException | RuntimeException e) {
      throw failure("searching", e);
    }
  }

  /**
   * The framework matrix of the collection's passages and their stored codes, with {@code local}'s
   * kept code tree, as {@link Quarry#matrix} makes it of a local index.
   *
   * @throws QuarryException for a bad request, or when Solr cannot be reached or refuses
   */
  public Matrix matrix(Quarry local, MatrixRequest request) {
    try {
      return local.matrix(request, reads(local));
    } catch (SolrReadFailure e) {
      throw failure("reading passages", e.reason());
    }
  }

  /**
   * Exports the collection's passages and their stored codes as {@link Quarry#export} exports a
   * local index's, with the source texts, exact spans of human codings and cases its records
   * collection keeps ({@link #recordsCollection()}), so a worker holding one share exports every
   * share's; the code tree comes from {@code local}. A collection made before records were kept
   * takes those from {@code local} too: a coding whose source {@code local} lacks (sent by another
   * worker) is then left out and named in the report, as an export of a local index names what it
   * leaves out.
   *
   * @throws QuarryException for bad arguments, or when Solr cannot be reached or refuses
   */
  public ExportReport export(
      Quarry local,
      ExportFormat format,
      java.nio.file.Path out,
      org.quarry.model.Codebook codebook,
      double minScore) {
    try {
      return local.export(format, out, codebook, minScore, reads(local));
    } catch (SolrReadFailure e) {
      throw failure("reading passages", e.reason());
    }
  }

  // the collection's passages, for the reports, with its records where it keeps them and the
  // local index's where it does not
  private ReportJobs.PassageReads reads(Quarry local) {
    CollectionRecords kept = CollectionRecords.of(collection.records(), local);
    return new ReportJobs.PassageReads() {
      @Override
      public org.quarry.search.AllPassages allMarked() {
        java.util.Set<String> duplicates = new java.util.HashSet<>();
        List<Hit> all = inReadingOrder(read(true, Map.of(), duplicates));
        return new org.quarry.search.AllPassages(all, duplicates);
      }

      @Override
      public List<Hit> withoutDuplicates() {
        return inReadingOrder(read(false, Map.of(), new java.util.HashSet<>()));
      }

      @Override
      public List<Hit> filtered(Map<String, List<String>> filters, int limit) {
        List<Hit> hits = read(false, filters, new java.util.HashSet<>());
        return hits.subList(0, Math.min(limit, hits.size()));
      }

      @Override
      public List<org.quarry.model.Source> sources() {
        return kept.sources();
      }

      @Override
      public List<org.quarry.model.Coding> humanCodings() {
        return kept.humanCodings();
      }

      @Override
      public List<org.quarry.model.Case> keptCases() {
        return kept.cases();
      }
    };
  }

  /**
   * The collection's passage {@code id} with its context and neighbours, as {@link
   * Quarry#passageInContext} finds them in a local index; empty when the collection lacks it.
   *
   * @throws QuarryException when Solr cannot be reached or refuses
   */
  public Optional<PassageInContext> passageInContext(String id) {
    int hash = id.lastIndexOf('#');
    if (hash <= 0) {
      return Optional.empty();
    }
    return PassageInContext.find(id, sourcePassages(id.substring(0, hash)));
  }

  /**
   * The collection's passages of source {@code sourceId} in reading order, near duplicates' too, as
   * {@link Quarry#sourcePassages} lists them; empty when it holds no such source.
   *
   * @throws QuarryException when Solr cannot be reached or refuses
   */
  public List<Hit> sourcePassages(String sourceId) {
    try {
      return inReadingOrder(
          read(
              true,
              Map.of(org.quarry.index.Fields.SOURCE, List.of(sourceId)),
              new java.util.HashSet<>()));
    } catch (SolrReadFailure e) {
      throw failure("reading passages", e.reason());
    }
  }

  // passages as the local index lists them: by source, then offset, then id
  private static List<Hit> inReadingOrder(List<Hit> hits) {
    List<Hit> sorted = new java.util.ArrayList<>(hits);
    sorted.sort(org.quarry.search.AllPassages.READING_ORDER);
    return sorted;
  }

  private List<Hit> read(
      boolean includeDuplicates, Map<String, List<String>> filters, java.util.Set<String> dups) {
    try {
      return collection.passages(includeDuplicates, filters, dups);
    } catch (UnsupportedOperationException e) {
      throw QuarryException.badParameter("filter", e.getMessage(), e);
    } catch (IOException | SolrServerException | RuntimeException e) {
      throw new SolrReadFailure(e);
    }
  }

  // a failed read carried out of the report, which then says it in one line
  static final class SolrReadFailure extends RuntimeException {
    private final Exception reason;

    SolrReadFailure(Exception cause) {
      super(cause);
      this.reason = cause;
    }

    // what failed, as the read threw it
    Exception reason() {
      return reason;
    }
  }

  /**
   * A search's result, and whether it is partial: some shard did not answer, so its counts and hits
   * lack that shard's passages.
   */
  public record Answer(SearchResult result, boolean partial) {}

  /**
   * As {@link #search}, but a shard that does not answer leaves the other shards' result, marked
   * partial, rather than an error (Solr's {@code shards.tolerant}).
   *
   * @throws QuarryException for a query syntax error, or when no shard answers
   */
  public Answer searchTolerant(Quarry local, SearchRequest request) {
    org.apache.lucene.search.Query parsed = local.parse(request.query());
    try {
      SolrCollection.Answer a = collection.search(request, parsed, true);
      return new Answer(a.result(), a.partial());
    } catch (UnsupportedOperationException e) {
      throw QuarryException.badParameter("q", e.getMessage(), e);
    } catch (IOException | SolrServerException | RuntimeException e) {
      throw failure("searching", e);
    }
  }

  // one line: what failed, where, and Solr's own words
  private QuarryException failure(String what, Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : root.getMessage().strip();
    String why =
        message.isEmpty()
            ? root.getClass().getSimpleName() + " (is Solr running there, and the collection made?)"
            : message.lines().findFirst().orElse("");
    return new QuarryException(
        "solr " + collection + ": " + what + " failed: " + why, QuarryException.PARTIAL_FAILURE, e);
  }

  @Override
  public void close() {
    try {
      collection.close();
    } catch (IOException e) {
      // nothing is pending on a closed client
    }
  }

  @Override
  public String toString() {
    return collection.toString();
  }
}
