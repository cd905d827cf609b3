package org.quarry.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.solr.client.solrj.SolrServerException;
import org.quarry.index.Fields;
import org.quarry.index.IndexRecords;
import org.quarry.model.Case;
import org.quarry.model.Coding;
import org.quarry.model.Source;
import org.quarry.solr.SolrRecords;

/**
 * The records an export carries, read once: the records collection's (source texts, codings kept
 * per source, cases per imported project) when the collection has one, else (a collection made
 * before records were kept) the local index's, as exports of the collection took them before.
 */
final class CollectionRecords {
  /** Reads every record of the records collection, or gives null when there is none. */
  @FunctionalInterface
  interface Reader {
    List<IndexRecords.Record> all() throws IOException, SolrServerException;
  }

  private final String name;
  private final Reader reader;
  private final Quarry local;
  private List<IndexRecords.Record> records;
  private boolean read;

  /**
   * The records {@code reader} reads from the records collection {@code name}, or {@code local}'s
   * when there is no such collection.
   */
  CollectionRecords(String name, Reader reader, Quarry local) {
    this.name = name;
    this.reader = reader;
    this.local = local;
  }

  /** The records of {@code collection}, or {@code local}'s when it does not exist. */
  static CollectionRecords of(SolrRecords collection, Quarry local) {
    return new CollectionRecords(
        collection.name(), () -> collection.exists() ? collection.all() : null, local);
  }

  // the records collection's records, or null when there is no records collection
  private List<IndexRecords.Record> records() {
    if (!read) {
      read = true;
      try {
        records = reader.all();
      } catch (IOException | SolrServerException | RuntimeException e) {
        throw new SolrIndex.SolrReadFailure(e);
      }
    }
    return records;
  }

  List<Source> sources() {
    if (records() == null) {
      return local.sources();
    }
    List<Source> sources = new ArrayList<>();
    for (IndexRecords.Record r : records()) {
      Source s = read(r, IndexRecords.Record::source);
      if (s != null) {
        sources.add(s);
      }
    }
    sources.sort(Comparator.comparing(Source::id));
    return sources;
  }

  List<Coding> humanCodings() {
    if (records() == null) {
      return local.humanCodings();
    }
    List<Coding> codings = new ArrayList<>();
    records().forEach(r -> codings.addAll(read(r, IndexRecords.Record::humanCodings)));
    codings.sort(Coding.ORDER);
    return codings;
  }

  List<Case> cases() {
    if (records() == null) {
      return local.keptCases();
    }
    // by project file, as the local index orders them, each project's in its own order
    Map<String, List<Case>> byProject = new TreeMap<>();
    records().stream()
        .filter(r -> r.type().equals(Fields.TYPE_CASES))
        .forEach(r -> byProject.put(r.key(), read(r, IndexRecords.Record::cases)));
    List<Case> out = new ArrayList<>();
    byProject.values().forEach(out::addAll);
    return out;
  }

  // what a record holds; a record that cannot be read is one line naming it and the fix
  private <T> T read(IndexRecords.Record r, java.util.function.Function<IndexRecords.Record, T> f) {
    try {
      return f.apply(r);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new QuarryException(
          "solr "
              + name
              + ": the "
              + r.type()
              + " record of "
              + r.key()
              + " cannot be read ("
              + e.getMessage()
              + "); send it again with 'quarry index --solr'",
          QuarryException.PARTIAL_FAILURE,
          e);
    }
  }
}
