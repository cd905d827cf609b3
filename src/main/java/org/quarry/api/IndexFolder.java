package org.quarry.api;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.quarry.analysis.Glossary;
import org.quarry.analysis.TextAnnotator;
import org.quarry.index.Fields;
import org.quarry.index.IndexLockedException;
import org.quarry.index.IndexStamp;
import org.quarry.index.Indexer;
import org.quarry.index.StampMismatchException;
import org.quarry.ingest.ParticipantTable;

/**
 * An index folder on disk: Lucene's files, and the files Quarry keeps beside them (the glossary
 * applied to searches, the participants table applied to new files, the code tree of REFI-QDA
 * imports). Every job reaches the folder through this class, so the names of those files, what
 * makes a folder an index, and the messages for a folder that cannot be written are in one place.
 */
final class IndexFolder {
  /** The glossary kept with an index and applied to its searches. */
  private static final String GLOSSARY_FILE = "quarry-glossary.txt";

  /** The participant attributes kept with an index and applied to new files. */
  private static final String PARTICIPANTS_FILE = "quarry-participants.csv";

  // files Quarry itself keeps in an index folder besides Lucene's
  private static final Set<String> OWN_FILES =
      Set.of(GLOSSARY_FILE, PARTICIPANTS_FILE, KeptCodebook.FILE, ".gitkeep", "write.lock");

  private final Path dir;

  private IndexFolder(Path dir) {
    this.dir = dir;
  }

  /**
   * The index folder {@code dir}, which need not exist yet.
   *
   * @throws QuarryException when {@code dir} is a file, or a folder of other files that is not a
   *     Quarry index
   */
  static IndexFolder at(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      throw new QuarryException(
          "index " + abs + " is a file, not a folder; name a folder with --index");
    }
    if (Files.isDirectory(abs) && !hasSegments(abs) && hasForeignFiles(abs)) {
      throw new QuarryException(
          "index "
              + abs
              + " is not a Quarry index (it holds other files and no Lucene segments);"
              + " name an empty or new folder with --index");
    }
    return new IndexFolder(abs);
  }

  /** The folder, absolute and normalised. */
  Path dir() {
    return dir;
  }

  /** True once an index run has committed to the folder. */
  boolean hasIndex() {
    return hasSegments(dir);
  }

  /** Fails, telling the user what to run, when nothing has been indexed here yet. */
  void requireIndex() {
    if (!hasIndex()) {
      throw new QuarryException("no Quarry index in " + dir + "; run 'quarry index' first");
    }
  }

  /** Creates the folder (and its parents) for a job that writes to it. */
  void create() {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new QuarryException("cannot create index folder " + dir + ": " + e.getMessage(), e);
    }
  }

  /** A writer on the folder, annotating with {@code annotator}; one process at a time. */
  Indexer openIndexer(TextAnnotator annotator) throws IOException {
    java.util.concurrent.Semaphore turn = WriterTurns.take(dir);
    try {
      Indexer indexer = Indexer.open(dir, annotator, new NearDuplicateFinder());
      indexer.whenClosed(turn::release);
      return indexer;
    } catch (IOException | RuntimeException | Error e) {
      turn.release();
      throw e;
    }
  }

  /**
   * Fails when a newer Quarry wrote the index, whose fields this one may misread; an index without
   * a stamp (made before stamps) is read as it is.
   */
  void requireReadableStamp() {
    if (!hasIndex()) {
      return;
    }
    try (Directory d = FSDirectory.open(dir)) {
      IndexStamp.read(d)
          .filter(IndexStamp::newerThanThisQuarry)
          .ifPresent(
              s -> {
                throw new QuarryException(
                    "index "
                        + dir
                        + " "
                        + StampMismatchException.newerMessage(s)
                        + ": use that Quarry or a newer one with this index");
              });
    } catch (IllegalArgumentException e) {
      throw new QuarryException("index " + dir + ": " + e.getMessage(), e);
    } catch (IOException e) {
      // an unreadable index is reported by the reader that opens it next, in its own words
    }
  }

  /**
   * The failure for writing to an index whose stamp forbids it: a newer Quarry's, or one analysed
   * otherwise, which {@code --reindex} brings in line.
   */
  QuarryException stampMismatch(StampMismatchException e) {
    if (e.newerFormat()) {
      return new QuarryException(
          "index "
              + dir
              + " "
              + e.getMessage()
              + ": use that Quarry or a newer one with this index",
          e);
    }
    return new QuarryException(
        "index "
            + dir
            + " "
            + e.getMessage()
            + "; run 'quarry index --reindex --index "
            + dir
            + " PATH...' to annotate every source again",
        e);
  }

  /** The failure for a folder another process holds the write lock of. */
  static QuarryException locked(IndexLockedException e) {
    return new IndexBusyException(
        e.getMessage() + " (another 'quarry index' is running; wait for it)", e);
  }

  /** The failure for a write that stopped half way: what was committed before stays. */
  QuarryException writeFailed(IOException e) {
    return new QuarryException(
        "index " + dir + ": " + e.getMessage(), QuarryException.PARTIAL_FAILURE, e);
  }

  /** The failure for an index that cannot be read; a missing index is named as such. */
  QuarryException unreadable(IOException e) {
    if (e instanceof FileNotFoundException || e instanceof NoSuchFileException) {
      return new QuarryException(e.getMessage(), e);
    }
    return new QuarryException("cannot read index " + dir + ": " + e.getMessage(), e);
  }

  // ---- the files kept beside Lucene's ----

  /** The glossary kept with the index, or an empty one. */
  Glossary glossary() {
    Path g = dir.resolve(GLOSSARY_FILE);
    return Files.isRegularFile(g) ? readGlossary(g) : Glossary.empty();
  }

  /** The participants table kept with the index, or an empty one. */
  ParticipantTable participants() {
    Path kept = dir.resolve(PARTICIPANTS_FILE);
    return Files.isRegularFile(kept) ? readParticipants(kept) : ParticipantTable.empty();
  }

  /** The code tree kept from REFI-QDA imports. */
  KeptCodebook codebook() {
    return new KeptCodebook(dir);
  }

  /** Keeps a copy of the user's glossary, replacing the kept one in one step. */
  void keepGlossary(Path file) {
    keep(file, GLOSSARY_FILE);
  }

  /** Keeps a copy of the user's participants table, replacing the kept one in one step. */
  void keepParticipants(Path file) {
    keep(file, PARTICIPANTS_FILE);
  }

  // copied to a temporary file and moved: a reader never sees half a file
  private void keep(Path file, String name) {
    try {
      Path target = dir.resolve(name);
      Path tmp = dir.resolve(name + ".tmp");
      Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new QuarryException(
          "cannot keep " + file + " with the index " + dir + ": " + e.getMessage(), e);
    }
  }

  // ---- reading glossaries and participants tables, the user's or the kept ones ----

  /**
   * Reads a glossary file.
   *
   * @throws QuarryException (bad input) for a missing or malformed file
   */
  static Glossary readGlossary(Path file) {
    try {
      return Glossary.load(file);
    } catch (NoSuchFileException e) {
      throw new QuarryException("glossary " + file + ": no such file", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    }
  }

  /**
   * Reads a participants table.
   *
   * @throws QuarryException (bad input) for a missing or malformed file, or a column named as one
   *     of Quarry's own fields
   */
  static ParticipantTable readParticipants(Path csv) {
    try {
      ParticipantTable table = ParticipantTable.read(csv);
      for (String name : table.attributes()) {
        if (Fields.RESERVED.contains(name)) {
          throw new QuarryException(
              csv + ":1: column '" + name + "' is a name Quarry uses itself; rename it");
        }
      }
      return table;
    } catch (NoSuchFileException e) {
      throw new QuarryException("participants file " + csv + ": no such file", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    }
  }

  private static boolean hasSegments(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean hasForeignFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      // Lucene's own files start with '_' or 'segments' (or 'pending_segments'): a run killed
      // before its first commit leaves such files and no segments_N, and is still an index
      return files
          .map(f -> f.getFileName().toString())
          .anyMatch(
              n ->
                  !OWN_FILES.contains(n)
                      && !n.startsWith("_")
                      && !n.startsWith("segments")
                      && !n.startsWith("pending_segments")
                      && !n.endsWith(".tmp"));
    } catch (IOException e) {
      return false;
    }
  }
}
