package org.quarry.api;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.quarry.analysis.Glossary;
import org.quarry.analysis.TextAnnotator;
import org.quarry.index.IndexLockedException;
import org.quarry.index.IndexUpdate;
import org.quarry.index.Indexer;
import org.quarry.index.ParticipantAttributes;
import org.quarry.index.SourceConflictException;
import org.quarry.index.SourceListener;
import org.quarry.index.SourcePassages;
import org.quarry.index.StampMismatchException;
import org.quarry.ingest.ParticipantTable;
import org.quarry.ingest.SegmentedSource;
import org.quarry.ingest.SkippedSourceException;
import org.quarry.ingest.SourceFile;
import org.quarry.ingest.SourceWalker;
import org.quarry.model.Passage;
import org.quarry.model.Source;
import org.quarry.search.PassageSearcher;

/**
 * An index run ({@link Quarry#index}): walks the paths given, reads and segments each file, gives
 * the passages their participants' attributes, and updates the index, reporting each file's
 * outcome. It also keeps the glossary and participants table the run was given with the index.
 *
 * <p>Files are read, segmented and annotated on {@link IndexRequest#threads()} worker threads
 * ({@link ReadAhead}) and written by this thread alone, in walk order, so the index, the report and
 * the progress are the same whatever the number of threads.
 */
final class IndexJob {
  // sources read ahead of the writer per worker thread: enough that a worker never waits for the
  // writer to take a source, few enough that memory holds a handful of sources, not the run
  private static final int AHEAD_PER_THREAD = 2;

  private final IndexFolder folder;
  private final IndexSearch search;
  private final Supplier<TextAnnotator> annotators;

  IndexJob(IndexFolder folder, IndexSearch search, Supplier<TextAnnotator> annotators) {
    this.folder = folder;
    this.search = search;
    this.annotators = annotators;
  }

  /** Runs {@code request}; see {@link Quarry#index} for what it does and throws. */
  IndexReport run(IndexRequest request, IndexProgress progress) {
    long t0 = System.nanoTime();
    List<SourceFile> walked;
    try {
      walked = SourceWalker.walk(request.paths());
    } catch (NoSuchFileException e) {
      throw new QuarryException(e.getFile() + ": no such file or folder", e);
    } catch (IOException e) {
      throw new QuarryException("cannot list files: " + e.getMessage(), e);
    }
    // every input is read and checked before anything is written
    Glossary glossary =
        request.glossary() == null ? null : IndexFolder.readGlossary(request.glossary());
    ParticipantTable participants =
        request.participants() == null
            ? null
            : IndexFolder.readParticipants(request.participants());
    // the participants file may sit in a folder being indexed; it describes sources, it is not one
    List<SourceFile> given =
        walked.stream().filter(f -> !sameFile(f.file(), request.participants())).toList();
    SourceLoader loader = new SourceLoader(request.survey(), request.maxFileMb());
    checkReaderOptions(given, loader);
    // a same-named file from another folder is another source, never a replacement
    List<SourceFile> files = new SourceIds(search.sourceOrigins(), Path.of("")).assign(given);
    search.release();
    folder.create();
    // the columns of the table the index had, whose values a new table replaces or drops
    List<String> previousAttributes =
        participants != null ? folder.participants().attributes() : List.of();
    if (glossary != null) {
      folder.keepGlossary(request.glossary());
      search.release(); // searches apply the kept glossary
    }
    ParticipantTable table = participants != null ? participants : folder.participants();

    Map<String, FileReport> reports = new TreeMap<>();
    List<String> order = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> roots = new LinkedHashSet<>();
    for (SourceFile f : files) {
      if (Files.isDirectory(f.root())) {
        roots.add(f.root().toString());
      }
    }
    long[] done = {0};
    IndexUpdate update;
    long workerTaggerNanos;
    TextAnnotator annotator = annotators.get();
    // each worker reads with a loader of its own: readers and segmenters are not made to be shared
    ThreadLocal<SourceLoader> loaders =
        ThreadLocal.withInitial(() -> new SourceLoader(request.survey(), request.maxFileMb()));
    try (Indexer indexer = folder.openIndexer(annotator)) {
      SourceListener listener =
          (id, outcome, passages, failure) -> {
            reports.put(id, fileReport(id, outcome, passages, failure));
            if (outcome != SourceListener.Outcome.REMOVED) {
              progress.update(++done[0], files.size(), id);
            }
          };
      // taken by the writer's thread, in walk order, as the workers need more
      Iterator<Walked> walkedFiles =
          files.stream()
              .map(
                  f -> {
                    order.add(f.id());
                    return new Walked(f, !seen.add(f.id()));
                  })
              .iterator();
      try (ReadAhead<Walked> ahead =
          new ReadAhead<>(
              walkedFiles,
              w -> load(w, loaders.get(), table),
              indexer.annotates(request.reindex()),
              indexer::signed,
              annotators,
              request.threads(),
              AHEAD_PER_THREAD * request.threads())) {
        Stream<SourcePassages> sources =
            StreamSupport.stream(
                    Spliterators.spliteratorUnknownSize(ahead, Spliterator.ORDERED), false)
                .map(
                    loaded -> {
                      FileReport row = loaded.report();
                      if (row == null) {
                        return loaded.passages();
                      }
                      reports.put(row.source(), row);
                      progress.update(++done[0], files.size(), row.source());
                      return null;
                    })
                .filter(Objects::nonNull);
        update =
            request.reindex()
                ? indexer.reindex(sources, listener)
                : indexer.update(sources, listener);
        workerTaggerNanos = ahead.taggerNanos();
      }
      // a skipped or failed file keeps what an earlier run indexed of it
      IndexUpdate removal = indexer.removeMissing(seen, roots, listener);
      // what changed sources did to the researcher's decisions on them
      List<String> notes = new ArrayList<>(update.plus(removal).notes());
      if (participants != null) {
        // committed by the update, so the kept sources are there to read
        notes.addAll(
            ParticipantAttributes.apply(
                indexer,
                participants,
                previousAttributes,
                () -> {
                  List<Source> kept = search.read(PassageSearcher::sources);
                  search.release();
                  return kept;
                }));
        // kept only once the passages carry it: a run that stops earlier still knows the old
        // table's columns next time, so it can clear them
        folder.keepParticipants(request.participants());
      }
      if (update.duplicates() > 0) {
        notes.add(
            update.duplicates()
                + " near-duplicate source(s) counted once (--include-duplicates counts them)");
      }
      search.release();
      List<FileReport> rows = new ArrayList<>();
      for (String id : order) {
        if (reports.containsKey(id)) {
          rows.add(reports.remove(id));
        }
      }
      rows.addAll(reports.values()); // removed sources, by id
      return new IndexReport(
          rows,
          search.read(PassageSearcher::passageCount),
          Duration.ofNanos(System.nanoTime() - t0),
          Duration.ofNanos(update.taggerNanos() + workerTaggerNanos),
          notes,
          folder.dir());
    } catch (IndexLockedException e) {
      throw IndexFolder.locked(e);
    } catch (SourceConflictException e) {
      throw new QuarryException(e.getMessage(), e);
    } catch (StampMismatchException e) {
      throw folder.stampMismatch(e);
    } catch (AccessDeniedException e) {
      throw new QuarryException(
          "cannot write to index " + folder.dir() + ": permission denied (" + e.getFile() + ")", e);
    } catch (FileSystemException e) {
      throw new QuarryException("cannot write to index " + folder.dir() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw folder.writeFailed(e);
    }
  }

  // one walked file, and whether an earlier file of the run had its id
  private record Walked(SourceFile file, boolean duplicate) {}

  // reads and segments one file (on a worker thread); what cannot be indexed comes back as its row
  private static ReadAhead.Loaded load(Walked walked, SourceLoader loader, ParticipantTable table) {
    SourceFile f = walked.file();
    if (walked.duplicate()) {
      return ReadAhead.Loaded.of(
          new FileReport(
              f.id(),
              FileReport.Status.FAILED,
              "another file has the same id " + f.id() + " (" + f.file() + ")",
              0));
    }
    try {
      SegmentedSource s = loader.load(f);
      List<Passage> passages =
          ParticipantAttributes.withAttributes(s.source(), s.passages(), table);
      return ReadAhead.Loaded.of(new SourcePassages(s.source(), passages, f.root().toString()));
    } catch (SkippedSourceException e) {
      return ReadAhead.Loaded.of(new FileReport(f.id(), FileReport.Status.SKIPPED, e.reason(), 0));
    } catch (IOException | RuntimeException e) {
      return ReadAhead.Loaded.of(
          new FileReport(f.id(), FileReport.Status.FAILED, QuarryException.describe(e), 0));
    }
  }

  // a column named with --text-column or --id-column that a survey lacks is bad usage: stop before
  // anything is written, rather than fail that file and index the rest without it
  private static void checkReaderOptions(List<SourceFile> files, SourceLoader loader) {
    for (SourceFile f : files) {
      try {
        loader.checkOptions(f);
      } catch (IllegalArgumentException e) {
        throw new QuarryException(e.getMessage(), e);
      } catch (IOException e) {
        // unreadable or empty: the run reports it with the file
      }
    }
  }

  private static boolean sameFile(Path file, Path other) {
    if (other == null) {
      return false;
    }
    try {
      return Files.isSameFile(file, other);
    } catch (IOException e) {
      return file.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
    }
  }

  private static FileReport fileReport(
      String id, SourceListener.Outcome outcome, int passages, String failure) {
    return switch (outcome) {
      case ADDED, REPLACED -> new FileReport(id, FileReport.Status.INDEXED, null, passages);
      case UNCHANGED -> new FileReport(id, FileReport.Status.UNCHANGED, null, 0);
      case FAILED -> new FileReport(id, FileReport.Status.FAILED, failure, 0);
      case REMOVED -> new FileReport(id, FileReport.Status.REMOVED, null, 0);
    };
  }
}
