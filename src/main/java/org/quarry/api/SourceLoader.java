package org.quarry.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.quarry.ingest.SegmentedSource;
import org.quarry.ingest.SkippedSourceException;
import org.quarry.ingest.SourceFile;
import org.quarry.ingest.SourceReader;
import org.quarry.ingest.SourceReaders;
import org.quarry.model.Source;
import org.quarry.model.SurveyOptions;
import org.quarry.segment.SourceSegmenter;

/**
 * Reads one file with the reader its format needs and segments it: the ingest and segment stages
 * for one source. Formats: every reader of {@link SourceReaders#standard(SurveyOptions)}. A reader
 * whose format carries the passages (captions, surveys) hands them over; other sources are
 * segmented here.
 */
final class SourceLoader {
  private final SourceReaders readers;
  private final SourceSegmenter segmenter = new SourceSegmenter();

  private final long maxBytes;

  SourceLoader(SurveyOptions survey, int maxFileMb) {
    this.readers = SourceReaders.standard(survey);
    this.maxBytes = maxFileMb * 1024L * 1024L;
  }

  /**
   * Checks the reader options against a file before anything is indexed (see {@link
   * SourceReader#checkOptions}); a file too large to load, or of no known format, is not checked.
   *
   * @throws IllegalArgumentException when an option names something the file lacks
   * @throws IOException when the file cannot be read
   */
  void checkOptions(SourceFile file) throws IOException {
    Path path = file.file();
    Optional<SourceReader> reader = readers.forFile(path);
    if (reader.isPresent() && Files.size(path) <= maxBytes) {
      reader.get().checkOptions(path);
    }
  }

  /**
   * The source and its passages.
   *
   * @throws SkippedSourceException when there is nothing to index (the reason says why, including
   *     an unsupported format)
   * @throws IOException when the file cannot be read
   */
  SegmentedSource load(SourceFile file) throws IOException {
    Path path = file.file();
    long size = Files.size(path);
    if (size > maxBytes) {
      throw new SkippedSourceException(
          String.format(
              java.util.Locale.ROOT,
              "too large (%.1f MB > %d MB limit; raise --max-file-mb or split the file)",
              size / (1024.0 * 1024.0),
              maxBytes / (1024 * 1024)));
    }
    Optional<SourceReader> reader = readers.forFile(path);
    if (reader.isEmpty()) {
      String name = path.getFileName().toString();
      int dot = name.lastIndexOf('.');
      throw new SkippedSourceException(
          "unsupported format" + (dot < 0 ? "" : " (" + name.substring(dot) + ")"));
    }
    SegmentedSource read = reader.get().readSegmented(path, file.id());
    // the kind is stored with the source (exports, facets); a .txt reader cannot tell it alone
    return read.segmented() ? read : segmenter.split(read.source());
  }

  /**
   * The passages of a source that did not come from a file (a REFI-QDA import), cut by the same
   * segmenter as files, so imported text is searched like any other.
   */
  java.util.List<org.quarry.model.Passage> segment(Source source) {
    return segmenter.segment(source);
  }
}
