package org.quarry.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.quarry.model.SurveyOptions;

/** The readers Quarry knows, tried in order; the first that accepts a file reads it. */
public final class SourceReaders {
  private final List<SourceReader> readers;

  /** A registry over the given readers, in order. */
  public SourceReaders(List<SourceReader> readers) {
    this.readers = List.copyOf(readers);
  }

  /**
   * Every format Quarry reads: plain text and Markdown, HTML, office documents and PDF, captions,
   * and survey exports (.csv, .xlsx) with the default survey options.
   */
  public static SourceReaders standard() {
    return standard(SurveyOptions.defaults());
  }

  /** Every format Quarry reads, survey exports read with {@code survey}. */
  public static SourceReaders standard(SurveyOptions survey) {
    return new SourceReaders(
        List.of(
            new PlainTextReader(),
            new HtmlReader(),
            new DocumentReader(),
            new CaptionReader(),
            new SurveyReader(survey)));
  }

  /** The reader for this file, or empty when the format is not supported. */
  public Optional<SourceReader> forFile(Path file) {
    return readers.stream().filter(r -> r.accepts(file)).findFirst();
  }
}
