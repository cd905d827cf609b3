package org.quarry.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.quarry.ingest.CaptionText;
import org.quarry.ingest.ContentHash;
import org.quarry.ingest.SegmentedSource;
import org.quarry.ingest.SkippedSourceException;
import org.quarry.ingest.SourceFile;
import org.quarry.ingest.SourceReader;
import org.quarry.ingest.SourceReaders;
import org.quarry.ingest.SurveyOptions;
import org.quarry.ingest.SurveyReader;
import org.quarry.ingest.TikaExtractor;
import org.quarry.model.OffsetMap;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;
import org.quarry.segment.Segmenter;
import org.quarry.segment.SourceSegmenter;

/**
 * Reads one file with the reader its format needs and segments it: the ingest and segment
 * stages for one source. Formats: plain text, Markdown and HTML (the ingest readers), office
 * documents and PDF (Tika), captions (.vtt, .srt) and survey exports (.csv, .xlsx).
 */
final class SourceLoader {
  private final SourceReaders readers = SourceReaders.standard();
  private final TikaExtractor tika = new TikaExtractor();
  private final SurveyReader surveys;
  private final Segmenter segmenter = new SourceSegmenter();

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
    Source source;
    if (TikaExtractor.handles(path)) {
      source = extracted(file, tika.extract(path), SourceKind.PAPER);
    } else if (isCaption(path)) {
      String transcript = CaptionText.toTranscript(decode(path));
      if (transcript.isBlank()) {
        throw new SkippedSourceException("no captions");
      }
      source = extracted(file, transcript, SourceKind.TRANSCRIPT);
    } else {
      Optional<SourceReader> reader = readers.forFile(path);
      if (reader.isEmpty()) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        throw new SkippedSourceException(
            "unsupported format" + (dot < 0 ? "" : " (" + name.substring(dot) + ")"));
      }
      source = reader.get().read(path, file.id());
    }
    return new SegmentedSource(source, segmenter.segment(source));
  }

  /**
   * The passages of a source that did not come from a file (a REFI-QDA import), cut by the same
   * segmenter as files, so imported text is searched like any other.
   */
  java.util.List<org.quarry.model.Passage> segment(Source source) {
    return segmenter.segment(source);
  }

  private static boolean isCaption(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".vtt") || name.endsWith(".srt");
  }

  private static String decode(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    if (bytes.length == 0) {
      throw new SkippedSourceException("empty");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  // a binary format's extracted text is the text Quarry keeps, so offsets point into it
  private static Source extracted(SourceFile file, String text, SourceKind kind) throws IOException {
    return new Source(
        file.id(),
        file.file().toString(),
        kind,
        text,
        OffsetMap.identity(text),
        ContentHash.of(file.file()),
        Map.of());
  }
}
