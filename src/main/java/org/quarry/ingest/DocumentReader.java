package org.quarry.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/**
 * Reads office documents and PDF (.docx, .doc, .odt, .rtf, .pdf): the text layer Tika extracts
 * ({@link TikaExtractor}), normalised ({@link TextNormalizer}), which repairs a PDF's hard-wrapped
 * lines and hyphenation. There is no plain text "as read" for these formats, so offsets point into
 * the extracted text.
 */
public final class DocumentReader implements SourceReader {
  private final TikaExtractor tika = new TikaExtractor();

  @Override
  public boolean accepts(Path file) {
    return TikaExtractor.handles(file);
  }

  /**
   * @throws SkippedSourceException for an empty or encrypted document, or a PDF without a text
   *     layer
   * @throws IOException when the file cannot be read or is not the format its name says
   */
  @Override
  public Source read(Path file, String id) throws IOException {
    TextNormalizer.Normalized normalized = TextNormalizer.normalize(tika.extract(file));
    return new Source(
        id,
        file.toString(),
        SourceKind.PAPER,
        normalized.text(),
        normalized.offsets(),
        ContentHash.of(file),
        Map.of());
  }
}
