package org.quarry.solr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.quarry.index.Fields;
import org.quarry.index.IndexRecords;

/**
 * The records collection beside a passages collection ({@code COLLECTION-records}, made by the same
 * configset): what an index keeps besides passages ({@link IndexRecords}: each source's text, the
 * human codings kept for a source, an imported project's cases), so that any machine, a worker
 * holding one share or one that only searches, exports the whole collection as the index that sent
 * it all would. A collection made before records were kept has none: {@link #exists} says so, and
 * its exports take what they need from the local index as before.
 */
public final class SolrRecords {
  /** The kind of record: source, codings or cases. */
  static final String RECORD = "record";

  /** A record's stored fields, as {@link IndexRecords} writes them. */
  static final String DATA = "record_data";

  // source texts can be long: fewer a request than passages
  private static final int BATCH = 50;

  private final SolrClient client;
  private final String name;

  SolrRecords(SolrClient client, String passages) {
    this.client = client;
    this.name = passages + "-records";
  }

  /** The records collection's name: the passages collection's and {@code -records}. */
  public String name() {
    return name;
  }

  /** Whether the records collection exists (one made before records were kept does not). */
  public boolean exists() throws IOException, SolrServerException {
    return CollectionAdminRequest.listCollections(client).contains(name);
  }

  /** Creates the records collection with the configset {@code configSet}: one shard. */
  void create(String configSet, int replicas) throws IOException, SolrServerException {
    CollectionAdminRequest.createCollection(name, configSet, 1, replicas).process(client);
  }

  /**
   * Sends the records of the index in {@code indexDir} that {@code share} takes (a source's record
   * and kept codings by their source; an imported project's cases by every share that holds them),
   * each replacing the collection's of the same key; then removes what this share sent before and
   * not now, and commits.
   *
   * @return the records sent
   */
  public int send(Path indexDir, WorkerShare share) throws IOException, SolrServerException {
    String run = java.util.UUID.randomUUID().toString();
    List<SolrInputDocument> batch = new ArrayList<>();
    int[] sent = {0};
    try {
      IndexRecords.forEach(
          indexDir,
          r -> {
            if (!Fields.TYPE_CASES.equals(r.type()) && !share.takes(r.key())) {
              return;
            }
            batch.add(document(r, share.toString(), run));
            sent[0]++;
            if (batch.size() == BATCH) {
              flush(batch);
            }
          });
      flush(batch);
    } catch (SolrCollection.SolrFailure f) {
      throw f.cause;
    }
    client.deleteByQuery(name, SolrPassages.sentBefore(share, run));
    client.commit(name);
    return sent[0];
  }

  /** Every record the collection keeps, by id: read with Solr's cursor, a page at a time. */
  public List<IndexRecords.Record> all() throws IOException, SolrServerException {
    SolrQuery q = new SolrQuery("*:*");
    q.setFields(RECORD, Fields.SOURCE, DATA);
    q.setRows(BATCH);
    q.addSort(Fields.ID, SolrQuery.ORDER.asc);
    List<IndexRecords.Record> out = new ArrayList<>();
    String cursor = "*";
    while (true) {
      q.set("cursorMark", cursor);
      QueryResponse r = client.query(name, q);
      for (SolrDocument d : r.getResults()) {
        out.add(
            new IndexRecords.Record(
                (String) d.getFirstValue(RECORD),
                (String) d.getFirstValue(Fields.SOURCE),
                (String) d.getFirstValue(DATA)));
      }
      String next = r.getNextCursorMark();
      if (next == null || next.equals(cursor)) {
        return out;
      }
      cursor = next;
    }
  }

  /** The record of kind {@code type} kept under {@code key}, or null when there is none. */
  public IndexRecords.Record record(String type, String key)
      throws IOException, SolrServerException {
    SolrQuery q = new SolrQuery("{!term f=" + Fields.ID + " v=$rid}");
    q.set("rid", type + ":" + key);
    q.setFields(RECORD, Fields.SOURCE, DATA);
    q.setRows(1);
    for (SolrDocument d : client.query(name, q).getResults()) {
      return new IndexRecords.Record(
          (String) d.getFirstValue(RECORD),
          (String) d.getFirstValue(Fields.SOURCE),
          (String) d.getFirstValue(DATA));
    }
    return null;
  }

  // a record's id: its kind and key, as a source has a record and kept codings under one key
  private static String id(IndexRecords.Record r) {
    return r.type() + ":" + r.key();
  }

  private static SolrInputDocument document(IndexRecords.Record r, String worker, String run) {
    SolrInputDocument d = new SolrInputDocument();
    d.addField(Fields.ID, id(r));
    d.addField(RECORD, r.type());
    d.addField(Fields.SOURCE, r.key());
    d.addField(DATA, r.data());
    d.addField(SolrPassages.WORKER, worker);
    d.addField(SolrPassages.SENT_RUN, run);
    return d;
  }

  private void flush(List<SolrInputDocument> batch) throws IOException {
    SolrCollection.flush(client, name, batch);
  }
}
