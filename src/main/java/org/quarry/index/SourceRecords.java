package org.quarry.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * The index's source records ({@link SourceRecord}) through one writer: read them all, rewrite one
 * (a moved file, a changed mark), and mark near duplicates from their signatures. Nothing here
 * commits; the {@link Indexer} run that uses it does.
 */
final class SourceRecords {
  // the stored fields of a source record other than its text, which only exports read
  private static final Set<String> RECORD_FIELDS =
      Set.of(
          Fields.SOURCE,
          Fields.PATH,
          Fields.CONTENT_HASH,
          Fields.SOURCE_KIND,
          Fields.SIGNATURE,
          Fields.PASSAGE_COUNT,
          Fields.DUPLICATE_OF,
          Fields.ROOT);

  private final IndexWriter writer;
  private final DuplicateFinder duplicates;

  SourceRecords(IndexWriter writer, DuplicateFinder duplicates) {
    this.writer = writer;
    this.duplicates = duplicates;
  }

  /** Every source record of the index, read without its text, by source id. */
  Map<String, SourceRecord> all() throws IOException {
    Map<String, SourceRecord> records = new TreeMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      DocumentWalk.forEach(
          searcher,
          new TermQuery(new Term(Fields.TYPE, Fields.TYPE_SOURCE)),
          doc -> {
            SourceRecord r = SourceRecord.fromStored(stored.document(doc, RECORD_FIELDS));
            records.put(r.id(), r);
          });
    }
    return records;
  }

  /** Re-writes a source record read without its text, carrying the stored text over. */
  void rewrite(SourceRecord r) throws IOException {
    Document doc = r.toDocument();
    if (r.source() == null) {
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        TopDocs top =
            new IndexSearcher(reader).search(new TermQuery(new Term(Fields.RECORD, r.id())), 1);
        if (top.scoreDocs.length > 0) {
          SourceTexts.copy(reader.storedFields().document(top.scoreDocs[0].doc), doc);
        }
      }
    }
    writer.updateDocument(new Term(Fields.RECORD, r.id()), doc);
  }

  /**
   * Sets duplicate_of on every source from the signatures: a source whose signature is a near
   * duplicate of a source with a smaller id gets the first such id, on its record and its passages
   * ({@link DuplicateMarks}: only sources sharing a band key are compared). Rewrites the sources
   * whose mark changed from their stored fields and updates {@code records}.
   *
   * @return how many sources are duplicates
   */
  int markDuplicates(Map<String, SourceRecord> records) throws IOException {
    List<SourceRecord> sorted = new ArrayList<>(new TreeMap<>(records).values());
    int[] marks =
        DuplicateMarks.of(sorted.stream().map(SourceRecord::signature).toList(), duplicates);
    List<SourceRecord> changed = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < sorted.size(); i++) {
      SourceRecord r = sorted.get(i);
      String of = marks[i] == DuplicateMarks.NONE ? null : sorted.get(marks[i]).id();
      if (of != null) {
        count++;
      }
      if (!Objects.equals(of, r.duplicateOf())) {
        SourceRecord marked = r.withDuplicateOf(of);
        records.put(r.id(), marked);
        changed.add(marked);
      }
    }
    if (changed.isEmpty()) {
      return count;
    }
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      for (SourceRecord r : changed) {
        DocumentWalk.forEach(
            searcher,
            new TermQuery(new Term(Fields.SOURCE, r.id())),
            doc -> {
              Document d = stored.document(doc);
              if (d.get(Fields.ID) != null) {
                IndexedPassage p = PassageDocuments.fromStored(d).withDuplicateOf(r.duplicateOf());
                writer.updateDocument(
                    new Term(Fields.ID, p.passage().id()), PassageDocuments.toDocument(p));
              }
            });
        rewrite(r);
      }
    }
    return count;
  }
}
