package org.quarry.api;

import java.nio.file.Path;
import java.util.List;
import org.quarry.ingest.SurveyOptions;

/**
 * What to index.
 *
 * @param paths files and folders; a folder is walked recursively (its {@code .quarryignore}
 *     lists names or globs to leave out), and its files are sources named by their path relative
 *     to it
 * @param participants CSV of participant attributes (id column, then attribute columns), or null
 *     to keep the table the index has
 * @param glossary Solr-synonyms glossary to keep with the index for searches, or null to keep
 *     the one the index has
 * @param survey how to read survey exports (.csv, .xlsx)
 */
public record IndexRequest(List<Path> paths, Path participants, Path glossary, SurveyOptions survey) {
  public IndexRequest {
    paths = List.copyOf(paths);
    survey = survey == null ? SurveyOptions.defaults() : survey;
  }

  /** Paths with a participants file and a glossary, default survey options. */
  public IndexRequest(List<Path> paths, Path participants, Path glossary) {
    this(paths, participants, glossary, null);
  }

  /** Index these paths with no participants file and the index's current glossary. */
  public static IndexRequest of(Path... paths) {
    return new IndexRequest(List.of(paths), null, null, null);
  }
}
