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
import java.util.Optional;
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
import org.quarry.model.Decision;
import org.quarry.model.Passage;
import org.quarry.model.Source;
import org.quarry.model.TextSignature;

/**
 * Writes sources' passages into the index incrementally: a source whose content hash is already
 * indexed is skipped without any CoreNLP work, a changed source is replaced, and {@link
 * #removeMissing} drops sources a full run no longer saw. Commits every {@value #COMMIT_EVERY}
 * sources, so an interrupted run keeps its earlier work, and at the end of every call.
 *
 * <p>After each change, near duplicates are marked: a source whose signature is a near duplicate
 * of a source with a smaller id gets that id as {@link Fields#DUPLICATE_OF} on its passages.
 *
 * <p>Researchers' decisions on suggested codes ({@link #decide}) are kept per source with the
 * human codings ({@link KeptCodings}) and hold on every code list this class writes: an accepted
 * code is a human code of its passage, a rejected one is not stored on it again ({@link
 * DecidedCodes}). They survive re-indexing: an unchanged source is not touched, and a changed
 * (or removed and returned) source gets them back on the passages that hold the words they were
 * made on ({@link DecisionPlacement}); those no passage holds any more are kept, not applied, and
 * named in {@link IndexUpdate#notes()}.
 *
 * <p>Every commit records the index's {@link IndexStamp} (what its text was analysed with): an
 * update with an annotator of another analysis is refused ({@link StampMismatchException}) until
 * {@link #reindex} annotates every passage again. Writers that do not annotate (codes,
 * decisions) keep the stamp the index has.
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
    return update(sources, listener, false);
  }

  /**
   * Annotates and writes every source of {@code sources} again, unchanged or not; re-annotates
   * the passages of the index's other sources (from other folders, or whose file failed this
   * time) from their stored text; then stamps the index with this annotator's analysis ({@link
   * IndexStamp}) and commits. This is how an index analysed otherwise is brought in line: until
   * that last commit the index keeps its old stamp, so an interrupted run is refused again by
   * {@link #update} and can simply be repeated.
   *
   * @throws StampMismatchException when a newer Quarry wrote the index; nothing is written then
   */
  public IndexUpdate reindex(Stream<SourcePassages> sources, SourceListener listener)
      throws IOException {
    return update(sources, listener, true);
  }

  /** The stamp of the index as the next commit will record it, or empty for an unstamped index. */
  public Optional<IndexStamp> stamp() {
    Map<String, String> data = new java.util.HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    return IndexStamp.fromUserData(data);
  }

  // checks the index's stamp against the annotator's before anything is written; an update
  // stamps an unstamped (or emptied) index with its analysis at once, a re-index only at its end
  private IndexStamp checkStamp(boolean reannotate, boolean hasSources) {
    IndexStamp wanted = IndexStamp.current(annotator.stamp());
    Optional<IndexStamp> found = stamp();
    if (found.isPresent() && found.get().newerThanThisQuarry()) {
      throw StampMismatchException.newer(found.get(), wanted);
    }
    if (reannotate) {
      return wanted;
    }
    if (hasSources && found.isPresent() && !found.get().analysis().equals(wanted.analysis())) {
      throw StampMismatchException.otherAnalysis(found.get(), wanted);
    }
    if (!found.equals(Optional.of(wanted))) {
      writer.setLiveCommitData(wanted.userData().entrySet(), true);
    }
    return wanted;
  }

  private IndexUpdate update(Stream<SourcePassages> sources, SourceListener listener, boolean reannotate)
      throws IOException {
    long t0 = System.nanoTime();
    long tagger0 = annotator.taggerNanos();
    long annotateNanos = 0;
    int added = 0;
    int replaced = 0;
    int unchanged = 0;
    int passages = 0;
    int sourcesWritten = 0;
    List<String> failures = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, SourceRecord> records = sourceRecords();
    IndexStamp stamp = checkStamp(reannotate, !records.isEmpty());
    Set<String> rewritten = new java.util.HashSet<>();
    Map<String, KeptCodings> decided = keptDecisions();
    Iterator<SourcePassages> it = sources.iterator();
    while (it.hasNext()) {
      SourcePassages sp = it.next();
      Source source = sp.source();
      SourceRecord old = records.get(source.id());
      if (old != null && old.fromAnotherFile(source.path())) {
        throw new SourceConflictException(source.id(), old.path(), source.path());
      }
      if (!reannotate
          && old != null
          && source.contentHash() != null
          && source.contentHash().equals(old.contentHash())) {
        unchanged++;
        boolean movedRoot = !Objects.equals(sp.root(), old.root()) && sp.root() != null;
        boolean movedFile = source.path() != null && !source.path().equals(old.path());
        if (movedRoot || movedFile) {
          SourceRecord moved = old.movedTo(movedRoot ? sp.root() : old.root(), movedFile ? source.path() : old.path());
          rewriteRecord(moved);
          records.put(moved.id(), moved);
        }
        listener.done(source.id(), SourceListener.Outcome.UNCHANGED, 0, null);
        continue;
      }
      List<Document> docs = new ArrayList<>();
      // the source's decisions go onto its new passages, by the words they were made on
      KeptCodings kept = decided.get(source.id());
      DecisionPlacement placement =
          kept == null ? null : DecisionPlacement.place(kept.decisions(), sp.passages());
      try {
        for (Passage p : sp.passages()) {
          if (!p.source().equals(source.id())) {
            throw new IllegalArgumentException(
                "passage " + p.id() + " names source '" + p.source() + "'");
          }
          long a0 = System.nanoTime();
          LemmaAnnotation annotation = annotator.annotate(p.text());
          annotateNanos += System.nanoTime() - a0;
          List<CodeScore> codes = new ArrayList<>();
          if (placement != null) {
            placement.acceptedOn(p).forEach(d -> codes.add(new CodeScore(d.code(), 1.0, CodeScore.HUMAN)));
          }
          docs.add(PassageDocuments.toDocument(new IndexedPassage(p, annotation, codes, null)));
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
      int written = docs.size();
      docs.add(record.toDocument());
      if (placement != null) {
        // the imported codings go with the old text (an import keeps them again); the decisions
        // are the researcher's and stay, in the same change as the passages they apply to
        KeptCodings now = KeptCodings.none(source.id()).withDecisions(placement.decisions());
        docs.add(now.toDocument());
        decided.put(source.id(), now);
        String note = placementNote(source.id(), placement);
        if (note != null) {
          notes.add(note);
        }
      }
      writer.deleteDocuments(new Term(Fields.SOURCE, source.id()));
      writer.addDocuments(docs);
      records.put(source.id(), record);
      rewritten.add(source.id());
      passages += written;
      if (old == null) {
        added++;
      } else {
        replaced++;
      }
      listener.done(
          source.id(),
          old == null ? SourceListener.Outcome.ADDED : SourceListener.Outcome.REPLACED,
          written,
          null);
      if (++sourcesWritten % COMMIT_EVERY == 0) {
        writer.commit();
      }
    }
    int dups = markDuplicates(records);
    if (reannotate) {
      long a0 = System.nanoTime();
      int others = reannotateOthers(rewritten);
      annotateNanos += System.nanoTime() - a0;
      if (others > 0) {
        notes.add("re-annotated " + others + " passage(s) of sources not read in this run, from their stored text");
      }
      writer.setLiveCommitData(stamp.userData().entrySet(), true);
    }
    writer.commit();
    return IndexUpdate.builder()
        .added(added)
        .replaced(replaced)
        .unchanged(unchanged)
        .passages(passages)
        .duplicates(dups)
        .totalNanos(System.nanoTime() - t0)
        .annotateNanos(annotateNanos)
        .taggerNanos(annotator.taggerNanos() - tagger0)
        .failures(failures)
        .notes(notes)
        .build();
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
    Map<String, KeptCodings> decided = keptDecisions();
    List<String> notes = new ArrayList<>();
    int removed = 0;
    for (String id : List.copyOf(records.keySet())) {
      SourceRecord r = records.get(id);
      boolean inScope = roots == null || (r.root() != null && roots.contains(r.root()));
      if (inScope && !seenSourceIds.contains(id)) {
        listener.done(id, SourceListener.Outcome.REMOVED, 0, null);
        writer.deleteDocuments(new Term(Fields.SOURCE, id));
        KeptCodings kept = decided.get(id);
        if (kept != null) {
          // no passage is left to apply them to, but they are the researcher's: kept, and
          // applied again should the source come back
          DecisionPlacement none = DecisionPlacement.place(kept.decisions(), List.of());
          writer.addDocument(KeptCodings.none(id).withDecisions(none.decisions()).toDocument());
          notes.add("decisions on " + id + " after it was removed: " + kept.decisions().size()
              + " kept, not applied (they apply again if it comes back)");
        }
        records.remove(id);
        removed++;
      }
    }
    int dups = markDuplicates(records);
    writer.commit();
    return IndexUpdate.builder()
        .removed(removed)
        .duplicates(dups)
        .totalNanos(System.nanoTime() - t0)
        .notes(notes)
        .build();
  }

  /**
   * Replaces the codes of the given passages (an empty list clears them), re-adding their
   * documents from stored fields without running the annotator; commits. The researcher's
   * decisions on a passage hold over the list given ({@link DecidedCodes}): a rejected code is
   * not stored, an accepted one stays a human code. A passage whose codes come out as they were
   * is not rewritten.
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
      Map<String, KeptCodings> kept = new java.util.HashMap<>();
      for (Map.Entry<String, List<CodeScore>> e : new TreeMap<>(codesByPassage).entrySet()) {
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, e.getKey())), 1);
        if (top.scoreDocs.length == 0) {
          throw new IllegalArgumentException(
              "no passage '" + e.getKey() + "' in the index; re-run the suggestions after indexing");
        }
        IndexedPassage old = PassageDocuments.fromStored(stored.document(top.scoreDocs[0].doc));
        String source = old.passage().source();
        if (!kept.containsKey(source)) {
          kept.put(source, kept(searcher, stored, source));
        }
        IndexedPassage now = old.withCodes(DecidedCodes.apply(old.passage(), e.getValue(), kept.get(source)));
        if (!new java.util.HashSet<>(now.codes()).equals(new java.util.HashSet<>(old.codes()))) {
          updated.add(now);
        }
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
   * Keeps {@code codings} as the exact human codings imported for {@code source}, replacing the
   * codings kept for it (an empty list removes them; the researcher's decisions stay); commits.
   * A later re-index of the source drops them with its passages (an import keeps them again).
   */
  public void keepCodings(String source, List<Coding> codings) throws IOException {
    KeptCodings kept;
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      kept = kept(new IndexSearcher(reader), reader.storedFields(), source).withImported(codings);
    }
    replaceKept(new Term(Fields.CODINGS_OF, source), kept.isEmpty() ? null : kept.toDocument());
  }

  /**
   * Records a researcher's decision on {@code code} for the passage {@code passageId}: accepted,
   * the code becomes a human code of the passage (score 1.0) and a human coding of its span
   * ({@link KeptCodings}); rejected, the code comes off the passage (unless an imported human
   * coding puts it there) and no later {@link #setCodes} stores it there. A decision on the same
   * passage and code replaces the earlier one. The passage and the kept decisions change in one
   * commit, so a crash leaves both as they were or both changed.
   *
   * @throws IllegalArgumentException naming a passage id the index does not hold; nothing is
   *     written then
   */
  public Decided decide(String passageId, String code, boolean accepted) throws IOException {
    IndexedPassage old;
    KeptCodings kept;
    boolean known;
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, passageId)), 1);
      if (top.scoreDocs.length == 0) {
        throw new IllegalArgumentException("no passage '" + passageId + "' in the index");
      }
      old = PassageDocuments.fromStored(stored.document(top.scoreDocs[0].doc));
      kept = kept(searcher, stored, old.passage().source());
      known = searcher.count(new TermQuery(new Term(Fields.CODE, code))) > 0;
    }
    Passage p = old.passage();
    Decision decision = Decision.on(p, code, accepted);
    Decision previous = kept.decisionOn(p, code);
    KeptCodings now = kept.withDecision(decision);
    List<CodeScore> codes = DecidedCodes.apply(p, old.codes(), now);
    if (!decision.equals(previous)) {
      writer.updateDocument(new Term(Fields.ID, p.id()), PassageDocuments.toDocument(old.withCodes(codes)));
      writer.updateDocument(new Term(Fields.CODINGS_OF, p.source()), now.toDocument());
      writer.commit();
    }
    boolean stays = !accepted && codes.stream().anyMatch(c -> c.code().equals(code));
    return new Decided(decision, previous, stays, known);
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

  // annotates the stored text of every passage of a source not in `done` again, keeping all else
  // of the passage; returns how many were rewritten
  private int reannotateOthers(Set<String> done) throws IOException {
    int count = 0;
    // a point-in-time reader: the documents it reads are the old ones, whatever is written since
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      TopDocs top =
          searcher.search(
              new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)), Math.max(1, reader.maxDoc()));
      for (ScoreDoc sd : top.scoreDocs) {
        if (done.contains(stored.document(sd.doc, Set.of(Fields.SOURCE)).get(Fields.SOURCE))) {
          continue;
        }
        IndexedPassage old = PassageDocuments.fromStored(stored.document(sd.doc));
        IndexedPassage now =
            new IndexedPassage(
                old.passage(), annotator.annotate(old.passage().text()), old.codes(), old.duplicateOf());
        writer.updateDocument(new Term(Fields.ID, old.passage().id()), PassageDocuments.toDocument(now));
        count++;
      }
    }
    return count;
  }

  // what is kept for one source, or nothing
  private static KeptCodings kept(IndexSearcher searcher, StoredFields stored, String source)
      throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(Fields.CODINGS_OF, source)), 1);
    return top.scoreDocs.length == 0
        ? KeptCodings.none(source)
        : KeptCodings.fromStored(stored.document(top.scoreDocs[0].doc));
  }

  // the stored fields the decisions of a kept document need (imported codings are not parsed)
  private static final Set<String> DECISION_FIELDS = Set.of(Fields.SOURCE, Fields.DECISIONS);

  // the decisions kept for each source that has some, without its imported codings: few, and
  // small next to the passages
  private Map<String, KeptCodings> keptDecisions() throws IOException {
    Map<String, KeptCodings> out = new java.util.HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = reader.storedFields();
      TopDocs top =
          searcher.search(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_CODINGS)), Math.max(1, reader.maxDoc()));
      for (ScoreDoc sd : top.scoreDocs) {
        KeptCodings k = KeptCodings.fromStored(stored.document(sd.doc, DECISION_FIELDS));
        if (!k.decisions().isEmpty()) {
          out.put(k.source(), k);
        }
      }
    }
    return out;
  }

  // one line on what re-indexing a source did to its decisions, or null when they all stayed
  // where they were
  private static String placementNote(String source, DecisionPlacement placement) {
    List<String> parts = new ArrayList<>();
    if (placement.moved() > 0) {
      parts.add(placement.moved() + " moved with the words they were made on");
    }
    if (placement.reapplied() > 0) {
      parts.add(placement.reapplied() + " apply again (their words are back)");
    }
    if (placement.unapplied() > 0) {
      parts.add(placement.unapplied() + " no longer match any passage's words: kept with those"
          + " words, not applied (accept or reject the changed passages again)");
    }
    return parts.isEmpty() ? null : "decisions on " + source + " after its text changed: " + String.join("; ", parts);
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
        if (!r.signature().isEmpty()
            && !earlier.signature().isEmpty()
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
      TextSignature signature,
      int passages,
      String duplicateOf,
      String root,
      Source source) {

    SourceRecord withDuplicateOf(String of) {
      return new SourceRecord(id, path, contentHash, kind, signature, passages, of, root, source);
    }

    SourceRecord movedTo(String newRoot, String newPath) {
      return new SourceRecord(id, newPath, contentHash, kind, signature, passages, duplicateOf, newRoot, source);
    }

    /**
     * True when {@code newPath} is another file than the one this source was read from, and that
     * one still exists: replacing it would lose a source the user indexed. A project's sources
     * ({@code project!name}) and sources of unknown path are the caller's to replace.
     */
    boolean fromAnotherFile(String newPath) {
      if (path == null || newPath == null || path.equals(newPath) || path.contains("!")) {
        return false;
      }
      try {
        java.nio.file.Path old = java.nio.file.Path.of(path);
        return old.isAbsolute() && java.nio.file.Files.exists(old);
      } catch (java.nio.file.InvalidPathException e) {
        return false;
      }
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
      ByteBuffer bytes = ByteBuffer.allocate(signature.length() * Integer.BYTES);
      bytes.asIntBuffer().put(signature.values());
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
          new TextSignature(signature),
          doc.getField(Fields.PASSAGE_COUNT).numericValue().intValue(),
          doc.get(Fields.DUPLICATE_OF),
          doc.get(Fields.ROOT),
          null);
    }
  }
}
