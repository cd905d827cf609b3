package org.quarry.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The readers Quarry knows, tried in order; the first that accepts a file reads it. */
public final class SourceReaders {
  private final List<SourceReader> readers;

  /** A registry over the given readers, in order. */
  public SourceReaders(List<SourceReader> readers) {
    this.readers = List.copyOf(readers);
  }

  /**
   * Every format Quarry reads as a single source: plain text and Markdown, HTML, office
   * documents and PDF, captions. (Survey exports, which hold many answers, have their own
   * reader.)
   */
  public static SourceReaders standard() {
    return new SourceReaders(
        List.of(new PlainTextReader(), new HtmlReader(), new DocumentReader(), new CaptionReader()));
  }

  /** The reader for this file, or empty when the format is not supported. */
  public Optional<SourceReader> forFile(Path file) {
    return readers.stream().filter(r -> r.accepts(file)).findFirst();
  }
}
