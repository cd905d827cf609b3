package org.quarry.api;

import java.nio.file.Path;
import java.util.List;

/**
 * What to index.
 *
 * @param paths files and folders; a folder is walked recursively (its {@code .quarryignore}
 *     lists names or globs to leave out), and its files are sources named by their path relative
 *     to it
 * @param participants CSV of participant attributes (id column, then attribute columns), or null
 * @param glossary Solr-synonyms glossary to keep with the index for searches, or null to keep
 *     the one the index has
 */
public record IndexRequest(List<Path> paths, Path participants, Path glossary) {
  public IndexRequest {
    paths = List.copyOf(paths);
  }

  /** Index these paths with no participants file and the index's current glossary. */
  public static IndexRequest of(Path... paths) {
    return new IndexRequest(List.of(paths), null, null);
  }
}
