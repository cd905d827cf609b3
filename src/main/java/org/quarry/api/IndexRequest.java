package org.quarry.api;

import java.nio.file.Path;
import java.util.List;
import org.quarry.model.SurveyOptions;

/**
 * What to index.
 *
 * @param paths files and folders; a folder is walked recursively (its {@code .quarryignore} lists
 *     names or globs to leave out), and its files are sources named by their path relative to it
 * @param participants CSV of participant attributes (id column, then attribute columns), or null to
 *     keep the table the index has
 * @param glossary Solr-synonyms glossary to keep with the index for searches, or null to keep the
 *     one the index has
 * @param survey how to read survey exports (.csv, .xlsx)
 * @param maxFileMb files larger than this many MiB are skipped (and reported), so one stray export
 *     cannot stall a run; 0 for the default, {@value #DEFAULT_MAX_FILE_MB}
 * @param reindex annotate and write every source again, unchanged or not, and stamp the index with
 *     the current analysis: needed once the analysis an index was made with changed
 * @param threads threads that read, segment and annotate files (one thread writes the index, in the
 *     same order whatever this is, so the index is the same); 0 for the default, as many as there
 *     are processors
 */
public record IndexRequest(
    List<Path> paths,
    Path participants,
    Path glossary,
    SurveyOptions survey,
    int maxFileMb,
    boolean reindex,
    int threads) {
  /** Largest file indexed by default, in MiB: a long interview transcript is under 1 MiB. */
  public static final int DEFAULT_MAX_FILE_MB = 20;

  public IndexRequest {
    paths = List.copyOf(paths);
    survey = survey == null ? SurveyOptions.defaults() : survey;
    if (maxFileMb < 0) {
      throw new IllegalArgumentException("maxFileMb must be 0 (default) or more, got " + maxFileMb);
    }
    maxFileMb = maxFileMb == 0 ? DEFAULT_MAX_FILE_MB : maxFileMb;
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be 0 (default) or more, got " + threads);
    }
    threads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }

  /** A request with the default number of threads. */
  public IndexRequest(
      List<Path> paths,
      Path participants,
      Path glossary,
      SurveyOptions survey,
      int maxFileMb,
      boolean reindex) {
    this(paths, participants, glossary, survey, maxFileMb, reindex, 0);
  }

  /** A request that skips unchanged files. */
  public IndexRequest(
      List<Path> paths, Path participants, Path glossary, SurveyOptions survey, int maxFileMb) {
    this(paths, participants, glossary, survey, maxFileMb, false);
  }

  /** Paths with a participants file and a glossary, default survey options and size limit. */
  public IndexRequest(List<Path> paths, Path participants, Path glossary) {
    this(paths, participants, glossary, null, 0);
  }

  /** Index these paths with no participants file and the index's current glossary. */
  public static IndexRequest of(Path... paths) {
    return new IndexRequest(List.of(paths), null, null, null, 0);
  }

  /** The same request, annotating and writing every source again ({@code reindex}). */
  public IndexRequest reindexing() {
    return new IndexRequest(paths, participants, glossary, survey, maxFileMb, true, threads);
  }

  /** The same request on {@code threads} threads (0 for the default). */
  public IndexRequest withThreads(int threads) {
    return new IndexRequest(paths, participants, glossary, survey, maxFileMb, reindex, threads);
  }
}
