package org.quarry.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
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
 * sources, so an interrupted run keeps its earlier work, and at the end of every call. Those
 * commits run on a thread of their own ({@link BackgroundCommits}) while the writer goes on; each
 * source is written in one call, so a commit has it whole or not at all.
 *
 * <p>After each change, near duplicates are marked: a source whose signature is a near duplicate of
 * a source with a smaller id gets that id as {@link Fields#DUPLICATE_OF} on its passages.
 *
 * <p>Researchers' decisions on suggested codes ({@link #decide}) are kept per source with the human
 * codings ({@link KeptCodings}) and hold on every code list this class writes: an accepted code is
 * a human code of its passage, a rejected one is not stored on it again ({@link DecidedCodes}).
 * They survive re-indexing: an unchanged source is not touched, and a changed (or removed and
 * returned) source gets them back on the passages that hold the words they were made on ({@link
 * DecisionPlacement}); those no passage holds any more are kept, not applied, and named in {@link
 * IndexUpdate#notes()}.
 *
 * <p>Every commit records the index's {@link IndexStamp} (what its text was analysed with): an
 * update with an annotator of another analysis is refused ({@link StampMismatchException}) until
 * {@link #reindex} annotates every passage again. Writers that do not annotate (codes, decisions)
 * keep the stamp the index has.
 *
 * <p>A source may come annotated ({@link SourcePassages#annotations()}), by annotators on other
 * threads ({@link #annotates} says which sources need it): the writer then only writes. Sources are
 * written in the order given, by the one thread that calls {@link #update}, so the index is the
 * same however many threads annotated.
 *
 * <p>One writer per index: opening a second one fails with {@link IndexLockedException}.
 */
public final class Indexer implements Closeable {
  /**
   * Sources written between two commits (a commit still running then is not waited for: the next
   * one covers what this one would have).
   */
  public static final int COMMIT_EVERY = 25;

  private Runnable whenClosed;

  private final IndexWriter writer;
  private final TextAnnotator annotator;
  private final DuplicateFinder duplicates;
  private final SourceRecords sourceRecords;
  private final StoredFieldRewriter rewriter;

  private Indexer(IndexWriter writer, TextAnnotator annotator, DuplicateFinder duplicates) {
    this.writer = writer;
    this.annotator = annotator;
    this.duplicates = duplicates;
    this.sourceRecords = new SourceRecords(writer, duplicates);
    this.rewriter = new StoredFieldRewriter(writer);
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
    // a run ends by expunging every deleted document (DeletedCopies), which this policy lets
    // merge any segment with a deleted document
    org.apache.lucene.index.TieredMergePolicy merges =
        new org.apache.lucene.index.TieredMergePolicy();
    merges.setForceMergeDeletesPctAllowed(0);
    config.setMergePolicy(merges);
    // stored fields are most of an index (texts, annotations); Deflate halves them against LZ4,
    // and a search reads only its page of hits. The mode is recorded per segment, so segments
    // written with the default mode stay readable
    config.setCodec(new Lucene104Codec(Lucene104Codec.Mode.BEST_COMPRESSION));
    try {
      return new Indexer(new IndexWriter(directory, config), annotator, duplicates);
    } catch (LockObtainFailedException e) {
      throw new IndexLockedException(name, e);
    }
  }

  /**
   * Indexes each source unless its content hash is already indexed; marks near duplicates; commits.
   * A source that fails is named in {@link IndexUpdate#failures()} and the run goes on.
   */
  public IndexUpdate update(Stream<SourcePassages> sources) throws IOException {
    return update(sources, SourceListener.NONE);
  }

  /**
   * Like {@link #update(Stream)}, telling {@code listener} what happened to each source as it goes.
   */
  public IndexUpdate update(Stream<SourcePassages> sources, SourceListener listener)
      throws IOException {
    return update(sources, listener, false);
  }

  /**
   * Which sources {@link #update} (or, with {@code reannotate}, {@link #reindex}) would annotate,
   * as the index stands now: those it does not hold with the same content hash. For annotating
   * sources ahead of the writer, on other threads (the answer is a snapshot, safe to ask from any
   * thread); the writer checks again and annotates itself a source given without annotations that
   * it finds changed after all.
   */
  public Predicate<Source> annotates(boolean reannotate) throws IOException {
    if (reannotate) {
      return source -> true;
    }
    Map<String, String> hashes = new HashMap<>();
    for (SourceRecord r : sourceRecords.all().values()) {
      if (r.contentHash() != null) {
        hashes.put(r.id(), r.contentHash());
      }
    }
    return source ->
        source.contentHash() == null || !source.contentHash().equals(hashes.get(source.id()));
  }

  /**
   * {@code sp} with its near-duplicate signature made, as {@link #update} would make it: for making
   * it ahead of the writer, on another thread (a signature costs 128 hashes per five words, and the
   * writer's one thread bounds a run that does not tag). Safe to call from any thread.
   */
  public SourcePassages signed(SourcePassages sp) {
    return sp.withSignature(duplicates.signature(sp.source().text()));
  }

  /**
   * Annotates and writes every source of {@code sources} again, unchanged or not; re-annotates the
   * passages of the index's other sources (from other folders, or whose file failed this time) from
   * their stored text; then stamps the index with this annotator's analysis ({@link IndexStamp})
   * and commits. This is how an index analysed otherwise is brought in line: until that last commit
   * the index keeps its old stamp, so an interrupted run is refused again by {@link #update} and
   * can simply be repeated.
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

  private IndexUpdate update(
      Stream<SourcePassages> sources, SourceListener listener, boolean reannotate)
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
    Map<String, SourceRecord> records = sourceRecords.all();
    IndexStamp stamp = checkStamp(reannotate, !records.isEmpty());
    Set<String> rewritten = new java.util.HashSet<>();
    Map<String, KeptCodings> decided = rewriter.keptDecisions();
    Iterator<SourcePassages> it = sources.iterator();
    try (BackgroundCommits commits = new BackgroundCommits(writer)) {
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
            SourceRecord moved =
                old.movedTo(
                    movedRoot ? sp.root() : old.root(), movedFile ? source.path() : old.path());
            sourceRecords.rewrite(moved);
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
          for (int i = 0; i < sp.passages().size(); i++) {
            Passage p = sp.passages().get(i);
            if (!p.source().equals(source.id())) {
              throw new IllegalArgumentException(
                  "passage " + p.id() + " names source '" + p.source() + "'");
            }
            LemmaAnnotation annotation;
            if (sp.annotations() != null) {
              annotation = sp.annotations().get(i);
            } else {
              long a0 = System.nanoTime();
              annotation = annotator.annotate(p.text());
              annotateNanos += System.nanoTime() - a0;
            }
            List<CodeScore> codes = new ArrayList<>();
            if (placement != null) {
              placement
                  .acceptedOn(p)
                  .forEach(d -> codes.add(new CodeScore(d.code(), 1.0, CodeScore.HUMAN)));
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
                sp.signature() != null ? sp.signature() : duplicates.signature(source.text()),
                docs.size(),
                null,
                sp.root(),
                source,
                sp.passages());
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
        // one call, so that a commit on the commits' thread has the source whole or not at all
        writer.updateDocuments(new Term(Fields.SOURCE, source.id()), docs);
        // the text and passages are in the index now; a run over a million passages holds neither
        records.put(source.id(), record.withoutText());
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
          commits.request();
        }
      }
      commits.finish();
    }
    int dups = sourceRecords.markDuplicates(records);
    if (reannotate) {
      long a0 = System.nanoTime();
      int others = reannotateOthers(rewritten);
      annotateNanos += System.nanoTime() - a0;
      if (others > 0) {
        notes.add(
            "re-annotated "
                + others
                + " passage(s) of sources not read in this run, from their stored text");
      }
      writer.setLiveCommitData(stamp.userData().entrySet(), true);
    }
    DeletedCopies.expunge(writer);
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
   * Deletes the sources found under one of {@code roots} in an earlier run that are not in {@code
   * seenSourceIds}: files gone from a folder that was indexed again. Sources of other roots stay.
   * {@code roots} null means every source. Commits.
   */
  public IndexUpdate removeMissing(
      Set<String> seenSourceIds, Set<String> roots, SourceListener listener) throws IOException {
    long t0 = System.nanoTime();
    Map<String, SourceRecord> records = sourceRecords.all();
    Map<String, KeptCodings> decided = rewriter.keptDecisions();
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
          notes.add(
              "decisions on "
                  + id
                  + " after it was removed: "
                  + kept.decisions().size()
                  + " kept, not applied (they apply again if it comes back)");
        }
        records.remove(id);
        removed++;
      }
    }
    int dups = sourceRecords.markDuplicates(records);
    DeletedCopies.expunge(writer);
    writer.commit();
    return IndexUpdate.builder()
        .removed(removed)
        .duplicates(dups)
        .totalNanos(System.nanoTime() - t0)
        .notes(notes)
        .build();
  }

  /**
   * Replaces the codes of the given passages (an empty list clears them), re-adding their documents
   * from stored fields without running the annotator; commits. The researcher's decisions on a
   * passage hold over the list given ({@link DecidedCodes}): a rejected code is not stored, an
   * accepted one stays a human code. A passage whose codes come out as they were is not rewritten.
   *
   * @return how many passages were updated
   * @throws IllegalArgumentException naming a passage id the index does not hold; nothing is
   *     written then
   */
  public int setCodes(Map<String, List<CodeScore>> codesByPassage) throws IOException {
    return rewriter.setCodes(codesByPassage);
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
    return rewriter.replaceCodes(codesByPassage, origin);
  }

  /**
   * Keeps {@code codings} as the exact human codings imported for {@code source}, replacing the
   * codings kept for it (an empty list removes them; the researcher's decisions stay); commits. A
   * later re-index of the source drops them with its passages (an import keeps them again).
   */
  public void keepCodings(String source, List<Coding> codings) throws IOException {
    rewriter.keepCodings(source, codings);
  }

  /**
   * Records a researcher's decision on {@code code} for the passage {@code passageId}: accepted,
   * the code becomes a human code of the passage (score 1.0) and a human coding of its span ({@link
   * KeptCodings}); rejected, the code comes off the passage (unless an imported human coding puts
   * it there) and no later {@link #setCodes} stores it there. A decision on the same passage and
   * code replaces the earlier one. The passage and the kept decisions change in one commit, so a
   * crash leaves both as they were or both changed.
   *
   * @throws IllegalArgumentException naming a passage id the index does not hold; nothing is
   *     written then
   */
  public Decided decide(String passageId, String code, boolean accepted) throws IOException {
    return rewriter.decide(passageId, code, accepted);
  }

  /**
   * Keeps the cases of the project imported from {@code root} ({@link KeptCases}), replacing those
   * an earlier import of it kept; no cases removes them. Commits.
   */
  public void keepCases(String root, List<Case> cases) throws IOException {
    rewriter.keepCases(root, cases);
  }

  /**
   * Rewrites every stored passage through {@code change} (from stored fields, without the
   * annotator), writing only those it changes; commits.
   *
   * @return how many passages changed
   */
  public int rewritePassages(java.util.function.UnaryOperator<IndexedPassage> change)
      throws IOException {
    return rewriter.rewritePassages(change);
  }

  @Override
  public void close() throws IOException {
    try {
      writer.close();
    } finally {
      if (whenClosed != null) {
        whenClosed.run();
      }
    }
  }

  /**
   * Runs {@code action} once this writer is closed (whether closing succeeds or not): the opener's
   * hold on the index ends with the writer.
   */
  public void whenClosed(Runnable action) {
    this.whenClosed = action;
  }

  // annotates the stored text of every passage of a source not in `done` again, keeping all else
  // of the passage; returns how many were rewritten
  private int reannotateOthers(Set<String> done) throws IOException {
    int[] count = {0};
    // a point-in-time reader: the documents it reads are the old ones, whatever is written since
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = SequentialStoredFields.of(reader);
      DocumentWalk.forEach(
          searcher,
          new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)),
          doc -> {
            if (done.contains(stored.document(doc, Set.of(Fields.SOURCE)).get(Fields.SOURCE))) {
              return;
            }
            IndexedPassage old = PassageDocuments.fromStored(stored.document(doc));
            IndexedPassage now =
                new IndexedPassage(
                    old.passage(),
                    annotator.annotate(old.passage().text()),
                    old.codes(),
                    old.duplicateOf());
            writer.updateDocument(
                new Term(Fields.ID, old.passage().id()), PassageDocuments.toDocument(now));
            count[0]++;
          });
    }
    return count[0];
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
      parts.add(
          placement.unapplied()
              + " no longer match any passage's words: kept with those"
              + " words, not applied (accept or reject the changed passages again)");
    }
    return parts.isEmpty()
        ? null
        : "decisions on " + source + " after its text changed: " + String.join("; ", parts);
  }
}
