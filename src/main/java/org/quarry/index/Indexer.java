package org.quarry.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.quarry.analysis.LemmaAnnotation;
import org.quarry.analysis.QuarryAnalyzer;
import org.quarry.analysis.TextAnnotator;
import org.quarry.model.Case;
import org.quarry.model.CodeScore;
import org.quarry.model.Coding;
import org.quarry.model.Passage;
import org.quarry.model.Source;

/**
 * Writes sources' passages into the index incrementally: a source whose content hash is already
 * indexed is skipped without any CoreNLP work, a changed source is replaced, and {@link
 * #removeMissing} drops sources a full run no longer saw. Commits every {@value #COMMIT_EVERY}
 * sources, so an interrupted run keeps its earlier work, and at the end of every call.
 *
 * <p>After each change, near duplicates are marked: a source whose signature is a near duplicate
 * of a source with a smaller id gets that id as {@link Fields#DUPLICATE_OF} on its passages.
 *
 * <p>One writer per index: opening a second one fails with {@link IndexLockedException}.
 */
public final class Indexer implements Closeable {
  /** Sources written between two commits. */
  public static final int COMMIT_EVERY = 25;

  private final IndexWriter writer;
  private final TextAnnotator annotator;
  private final DuplicateFinder duplicates;

  private Indexer(IndexWriter writer, TextAnnotator annotator, DuplicateFinder duplicates) {
    this.writer = writer;
    this.annotator = annotator;
    this.duplicates = duplicates;
  }

  /**
   * Opens (creating if needed) the index in {@code dir} for writing.
   *
   * @throws IndexLockedException when another writer holds the index
   */
  public static Indexer open(Path dir, TextAnnotator annotator, DuplicateFinder duplicates)
      throws IOException {
    Files.createDirectories(dir);
    return open(FSDirectory.open(dir), dir.toString(), annotator, duplicates);
  }

  /**
   * Opens the index in {@code directory}; {@code name} names it in messages.
   *
   * @throws IndexLockedException when another writer holds the index
   */
  public static Indexer open(
      Directory directory, String name, TextAnnotator annotator, DuplicateFinder duplicates)
      throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(QuarryAnalyzer.forIndexing());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    try {
      return new Indexer(new IndexWriter(directory, config), annotator, duplicates);
    } catch (LockObtainFailedException e) {
      throw new IndexLockedException(name, e);
    }
  }

  /**
   * Indexes each source unless its content hash is already indexed; marks near duplicates;
   * commits. A source that fails is named in {@link IndexUpdate#failures()} and the run goes on.
   */
  public IndexUpdate update(Stream<SourcePassages> sources) throws IOException {
    return update(sources, SourceListener.NONE);
  }

  /**
   * Like {@link #update(Stream)}, telling {@code listener} what happened to each source as it
   * goes.
   */
  public IndexUpdate update(Stream<SourcePassages> sources, SourceListener listener)
      throws IOException {
    long t0 = System.nanoTime();
    long tagger0 = annotator.taggerNanos();
    long annotateNanos = 0;
    int added = 0;
    int replaced = 0;
    int unchanged = 0;
    int passages = 0;
    int written = 0;
    List<String> failures = new ArrayList<>();
    Map<String, SourceRecord> records = sourceRecords();
    Iterator<SourcePassages> it = sources.iterator();
    while (it.hasNext()) {
      SourcePassages sp = it.next();
      Source source = sp.source();
      SourceRecord old = records.get(source.id());
      if (old != null
          && source.contentHash() != null
          && source.contentHash().equals(old.contentHash())) {
        unchanged++;
        if (!Objects.equals(sp.root(), old.root()) && sp.root() != null) {
          SourceRecord moved = old.withRoot(sp.root());
          rewriteRecord(moved);
          records.put(moved.id(), moved);
        }
        listener.done(source.id(), SourceListener.Outcome.UNCHANGED, 0, null);
        continue;
      }
      List<Document> docs = new ArrayList<>();
      try {
        for (Passage p : sp.passages()) {
          if (!p.source().equals(source.id())) {
            throw new IllegalArgumentException(
                "passage " + p.id() + " names source '" + p.source() + "'");
          }
          long a0 = System.nanoTime();
          LemmaAnnotation annotation = annotator.annotate(p.text());
          annotateNanos += System.nanoTime() - a0;
          docs.add(PassageDocuments.toDocument(new IndexedPassage(p, annotation, null, null)));
        }
      } catch (RuntimeException e) {
        failures.add(source.id() + ": " + e.getMessage());
        listener.done(source.id(), SourceListener.Outcome.FAILED, 0, e.getMessage());
        continue;
      }
      SourceRecord record =
          new SourceRecord(
              source.id(),
              source.path(),
              source.contentHash(),
              source.kind().label(),
              duplicates.signature(source.text()),
              docs.size(),
              null,
              sp.root(),
              source);
      docs.add(record.toDocument());
      writer.deleteDocuments(new Term(Fields.SOURCE, source.id()));
      writer.addDocuments(docs);
      records.put(source.id(), record);
      passages += docs.size() - 1;
      if (old == null) {
        added++;
      } else {
        replaced++;
      }
      listener.done(
          source.id(),
          old == null ? SourceListener.Outcome.ADDED : SourceListener.Outcome.REPLACED,
          docs.size() - 1,
          null);
      if (++written % COMMIT_EVERY == 0) {
        writer.commit();
      }
    }
    int dups = markDuplicates(records);
    writer.commit();
    return new IndexUpdate(
        added,
        replaced,
        unchanged,
        0,
        passages,
        dups,
        System.nanoTime() - t0,
        annotateNanos,
        annotator.taggerNanos() - tagger0,
        failures);
  }

  /** Deletes every source not in {@code seenSourceIds} (a full run's sources); commits. */
  public IndexUpdate removeMissing(Set<String> seenSourceIds) throws IOException {
    return removeMissing(seenSourceIds, null, SourceListener.NONE);
  }

  /**
   * Deletes the sources found under one of {@code roots} in an earlier run that are not in
   * {@code seenSourceIds}: files gone from a folder that was indexed again. Sources of other
   * roots stay. {@code roots} null means every source. Commits.
   */
  public IndexUpdate removeMissing(Set<String> seenSourceIds, Set<String> roots, SourceListener listener)
      throws IOException {
    long t0 = System.nanoTime();
    Map<String, SourceRecord> records = sourceRecords();
    int removed = 0;
    for (String id : List.copyOf(records.keySet())) {
      SourceRecord r = records.get(id);
      boolean inScope = roots == null || (r.root() != null && roots.contains(r.root()));
      if (inScope && !seenSourceIds.contains(id)) {
        listener.done(id, SourceListener.Outcome.REMOVED, 0, null);
        writer.deleteDocuments(new Term(Fields.SOURCE, id));
        records.remove(id);
        removed++;
      }
    }
    int dups = markDuplicates(records);
    writer.commit();
    return new IndexUpdate(0, 0, 0, removed, 0, dups, System.nanoTime() - t0, 0, 0, List.of());
  }

  /**
   * Replaces the codes of the given passages (an empty list clears them), re-adding their
   * documents from stored fields without running the annotator; commits.
   *
   * @return how many passages were updated
   * @throws IllegalArgumentException naming a passage id the index does not hold; nothing is
   *     written then
   */
  public int setCodes(Map<String, List<CodeScore>> codesByPassage) throws IOException {
    List<IndexedPassage> updated = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      for (Map.Entry<String, List<CodeScore>> e : new TreeMap<>(codesByPassage).entrySet()) {
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, e.getKey())), 1);
        if (top.scoreDocs.length == 0) {
          throw new IllegalArgumentException(
              "no passage '" + e.getKey() + "' in the index; re-run the suggestions after indexing");
        }
        IndexedPassage old = PassageDocuments.fromStored(stored.document(top.scoreDocs[0].doc));
        updated.add(old.withCodes(e.getValue()));
      }
    }
    for (IndexedPassage p : updated) {
      writer.updateDocument(new Term(Fields.ID, p.passage().id()), PassageDocuments.toDocument(p));
    }
    writer.commit();
    return updated.size();
  }

  /**
   * Replaces the codes of one origin on the given passages, keeping codes of other origins (so
   * importing human codings leaves suggestions alone, and the other way round); an empty list
   * removes that origin's codes. Re-adds documents from stored fields; commits.
   *
   * @return how many passages were updated
   * @throws IllegalArgumentException naming a passage id the index does not hold, or a code of
   *     another origin; nothing is written then
   */
  public int replaceCodes(Map<String, List<CodeScore>> codesByPassage, String origin)
      throws IOException {
    Map<String, List<CodeScore>> merged = new TreeMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      for (Map.Entry<String, List<CodeScore>> e : new TreeMap<>(codesByPassage).entrySet()) {
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, e.getKey())), 1);
        if (top.scoreDocs.length == 0) {
          throw new IllegalArgumentException("no passage '" + e.getKey() + "' in the index");
        }
        List<CodeScore> codes = new ArrayList<>();
        for (CodeScore c : PassageDocuments.codes(stored.document(top.scoreDocs[0].doc))) {
          if (!c.origin().equals(origin)) {
            codes.add(c);
          }
        }
        for (CodeScore c : e.getValue()) {
          if (!c.origin().equals(origin)) {
            throw new IllegalArgumentException(
                "code " + c.code() + " on " + e.getKey() + " has origin " + c.origin() + ", not " + origin);
          }
          codes.add(c);
        }
        merged.put(e.getKey(), codes);
      }
    }
    return setCodes(merged);
  }

  /**
   * Keeps {@code codings} as the exact human codings of {@code source}, replacing what was kept
   * for it (an empty list removes them); commits. A later re-index of the source drops them
   * with its passages.
   */
  public void keepCodings(String source, List<Coding> codings) throws IOException {
    replaceKept(new Term(Fields.CODINGS_OF, source),
        codings.isEmpty() ? null : KeptCodings.toDocument(source, codings));
  }

  /**
   * Keeps the cases of the project imported from {@code root} ({@link KeptCases}), replacing
   * those an earlier import of it kept; no cases removes them. Commits.
   */
  public void keepCases(String root, List<Case> cases) throws IOException {
    replaceKept(new Term(Fields.CASES_OF, root), cases.isEmpty() ? null : KeptCases.toDocument(root, cases));
  }

  // replaces the kept document under `key` with `doc`, or removes it when null; commits
  private void replaceKept(Term key, Document doc) throws IOException {
    if (doc == null) {
      writer.deleteDocuments(key);
    } else {
      writer.updateDocument(key, doc);
    }
    writer.commit();
  }

  /**
   * Rewrites every stored passage through {@code change} (from stored fields, without the
   * annotator), writing only those it changes; commits.
   *
   * @return how many passages changed
   */
  public int rewritePassages(java.util.function.UnaryOperator<IndexedPassage> change)
      throws IOException {
    List<IndexedPassage> changed = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      TopDocs top =
          searcher.search(
              new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)), Math.max(1, reader.maxDoc()));
      for (ScoreDoc sd : top.scoreDocs) {
        IndexedPassage old = PassageDocuments.fromStored(stored.document(sd.doc));
        IndexedPassage now = change.apply(old);
        if (!now.passage().equals(old.passage()) || !now.codes().equals(old.codes())) {
          changed.add(now);
        }
      }
    }
    for (IndexedPassage p : changed) {
      writer.updateDocument(new Term(Fields.ID, p.passage().id()), PassageDocuments.toDocument(p));
    }
    writer.commit();
    return changed.size();
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  // sets duplicate_of on every source from the signatures, rewriting the sources whose mark
  // changed from their stored fields; returns how many sources are duplicates
  private int markDuplicates(Map<String, SourceRecord> records) throws IOException {
    List<SourceRecord> sorted = new ArrayList<>(new TreeMap<>(records).values());
    List<SourceRecord> changed = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < sorted.size(); i++) {
      SourceRecord r = sorted.get(i);
      String of = null;
      for (int j = 0; j < i && of == null; j++) {
        SourceRecord earlier = sorted.get(j);
        if (r.signature().length > 0
            && earlier.signature().length > 0
            && duplicates.nearDuplicate(earlier.signature(), r.signature())) {
          of = earlier.id();
        }
      }
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
        TopDocs top =
            searcher.search(new TermQuery(new Term(Fields.SOURCE, r.id())), reader.maxDoc() + 1);
        for (ScoreDoc sd : top.scoreDocs) {
          Document doc = stored.document(sd.doc);
          if (doc.get(Fields.ID) != null) {
            IndexedPassage p = PassageDocuments.fromStored(doc).withDuplicateOf(r.duplicateOf());
            writer.updateDocument(
                new Term(Fields.ID, p.passage().id()), PassageDocuments.toDocument(p));
          }
        }
        rewriteRecord(r);
      }
    }
    return count;
  }

  // the stored fields of a source record other than its text, which only exports read
  private static final Set<String> RECORD_FIELDS =
      Set.of(
          Fields.SOURCE, Fields.PATH, Fields.CONTENT_HASH, Fields.SOURCE_KIND, Fields.SIGNATURE,
          Fields.PASSAGE_COUNT, Fields.DUPLICATE_OF, Fields.ROOT);

  // re-writes a source record read without its text, carrying the stored text over
  private void rewriteRecord(SourceRecord r) throws IOException {
    Document doc = r.toDocument();
    if (r.source() == null) {
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        TopDocs top = new IndexSearcher(reader).search(new TermQuery(new Term(Fields.RECORD, r.id())), 1);
        if (top.scoreDocs.length > 0) {
          SourceTexts.copy(reader.storedFields().document(top.scoreDocs[0].doc), doc);
        }
      }
    }
    writer.updateDocument(new Term(Fields.RECORD, r.id()), doc);
  }

  private Map<String, SourceRecord> sourceRecords() throws IOException {
    Map<String, SourceRecord> records = new TreeMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      TopDocs top =
          searcher.search(
              new TermQuery(new Term(Fields.TYPE, Fields.TYPE_SOURCE)), reader.maxDoc() + 1);
      for (ScoreDoc sd : top.scoreDocs) {
        SourceRecord r = SourceRecord.fromStored(stored.document(sd.doc, RECORD_FIELDS));
        records.put(r.id(), r);
      }
    }
    return records;
  }

  /** The stored facts of one source. */
  private record SourceRecord(
      String id,
      String path,
      String contentHash,
      String kind,
      int[] signature,
      int passages,
      String duplicateOf,
      String root,
      Source source) {

    SourceRecord withDuplicateOf(String of) {
      return new SourceRecord(id, path, contentHash, kind, signature, passages, of, root, source);
    }

    SourceRecord withRoot(String newRoot) {
      return new SourceRecord(id, path, contentHash, kind, signature, passages, duplicateOf, newRoot, source);
    }

    Document toDocument() {
      Document doc = new Document();
      doc.add(new StringField(Fields.TYPE, Fields.TYPE_SOURCE, Field.Store.NO));
      doc.add(new StringField(Fields.SOURCE, id, Field.Store.YES));
      doc.add(new StringField(Fields.RECORD, id, Field.Store.NO));
      if (path != null) {
        doc.add(new StoredField(Fields.PATH, path));
      }
      if (contentHash != null) {
        doc.add(new StringField(Fields.CONTENT_HASH, contentHash, Field.Store.YES));
      }
      doc.add(new StoredField(Fields.SOURCE_KIND, kind));
      ByteBuffer bytes = ByteBuffer.allocate(signature.length * Integer.BYTES);
      bytes.asIntBuffer().put(signature);
      doc.add(new StoredField(Fields.SIGNATURE, new BytesRef(bytes.array())));
      doc.add(new StoredField(Fields.PASSAGE_COUNT, passages));
      if (duplicateOf != null) {
        doc.add(new StringField(Fields.DUPLICATE_OF, duplicateOf, Field.Store.YES));
      }
      if (root != null) {
        doc.add(new StoredField(Fields.ROOT, root));
      }
      if (source != null) {
        SourceTexts.store(source, doc);
      }
      return doc;
    }

    static SourceRecord fromStored(Document doc) {
      BytesRef sig = doc.getBinaryValue(Fields.SIGNATURE);
      int[] signature = new int[sig == null ? 0 : sig.length / Integer.BYTES];
      if (sig != null) {
        ByteBuffer.wrap(sig.bytes, sig.offset, sig.length).asIntBuffer().get(signature);
      }
      return new SourceRecord(
          doc.get(Fields.SOURCE),
          doc.get(Fields.PATH),
          doc.get(Fields.CONTENT_HASH),
          doc.get(Fields.SOURCE_KIND),
          signature,
          doc.getField(Fields.PASSAGE_COUNT).numericValue().intValue(),
          doc.get(Fields.DUPLICATE_OF),
          doc.get(Fields.ROOT),
          null);
    }
  }
}
