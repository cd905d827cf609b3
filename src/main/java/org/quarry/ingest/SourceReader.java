package org.quarry.ingest;

import java.io.IOException;
import java.nio.file.Path;
import org.quarry.model.Source;

/** Reads one kind of file into a normalised {@link Source}. */
public interface SourceReader {

  /** True when this reader handles the file (by extension; content is checked in read). */
  boolean accepts(Path file);

  /**
   * Reads and normalises the file.
   *
   * @param file the file to read
   * @param id the source id to give it (relative path with {@code /} separators)
   * @throws SkippedSourceException when the file is readable but has nothing to index (empty,
   *     binary, encrypted, no text layer); the reason goes in the ingest report
   * @throws IOException when the file cannot be read
   */
  Source read(Path file, String id) throws IOException;
}
