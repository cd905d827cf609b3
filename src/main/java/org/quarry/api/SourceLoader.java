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
import org.quarry.ingest.SurveyOptions;
import org.quarry.ingest.SurveyReader;
import org.quarry.model.Source;
import org.quarry.segment.SourceSegmenter;

/**
 * Reads one file with the reader its format needs and segments it: the ingest and segment
 * stages for one source. Formats: plain text, Markdown, HTML, office documents and PDF, captions
 * (.vtt, .srt) through {@link SourceReaders#standard()}, and survey exports (.csv, .xlsx).
 */
final class SourceLoader {
  private final SourceReaders readers = SourceReaders.standard();
  private final SurveyReader surveys;
  private final SourceSegmenter segmenter = new SourceSegmenter();

  private final long maxBytes;

  SourceLoader(SurveyOptions survey, int maxFileMb) {
    this.surveys = new SurveyReader(survey);
    this.maxBytes = maxFileMb * 1024L * 1024L;
  }

  /**
   * The source and its passages.
   *
   * @throws SkippedSourceException when there is nothing to index (the reason says why,
   *     including an unsupported format)
   * @throws IOException when the file cannot be read
   */
  SegmentedSource load(SourceFile file) throws IOException {
    Path path = file.file();
    long size = Files.size(path);
    if (size > maxBytes) {
      throw new SkippedSourceException(
          String.format(
              "too large (%.1f MB > %d MB limit; raise --max-file-mb or split the file)",
              size / (1024.0 * 1024.0), maxBytes / (1024 * 1024)));
    }
    if (SurveyReader.handles(path)) {
      return surveys.read(path, file.id());
    }
    Optional<SourceReader> reader = readers.forFile(path);
    if (reader.isEmpty()) {
      String name = path.getFileName().toString();
      int dot = name.lastIndexOf('.');
      throw new SkippedSourceException(
          "unsupported format" + (dot < 0 ? "" : " (" + name.substring(dot) + ")"));
    }
    // the kind is stored with the source (exports, facets); a .txt reader cannot tell it alone
    return segmenter.split(reader.get().read(path, file.id()));
  }

  /**
   * The passages of a source that did not come from a file (a REFI-QDA import), cut by the same
   * segmenter as files, so imported text is searched like any other.
   */
  java.util.List<org.quarry.model.Passage> segment(Source source) {
    return segmenter.segment(source);
  }
}
