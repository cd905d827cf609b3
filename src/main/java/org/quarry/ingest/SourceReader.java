package org.quarry.ingest;

import java.io.IOException;
import java.nio.file.Path;
import org.quarry.model.Source;

/**
 * Reads one kind of file into a normalised {@link Source}, and its passages when the format gives
 * them.
 */
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

  /**
   * Reads the file with the structure its format carries: the passages, when the format marks them
   * (a caption file's turns, a survey's answers), so that no segmenter has to guess them again from
   * the text; else none, and the loader segments the source.
   *
   * @throws SkippedSourceException as {@link #read}
   * @throws IOException as {@link #read}
   */
  default SegmentedSource readSegmented(Path file, String id) throws IOException {
    return SegmentedSource.unsegmented(read(file, id));
  }

  /**
   * Checks the options this reader was given against the file before anything is indexed (a survey
   * column named on the command line that the file lacks), so that a mistyped option stops the run
   * instead of failing one file.
   *
   * @throws IllegalArgumentException when an option names something the file lacks; the message
   *     names the file and what it has
   * @throws IOException when the file cannot be read
   */
  default void checkOptions(Path file) throws IOException {}
}
