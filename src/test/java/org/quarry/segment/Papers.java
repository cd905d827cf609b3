package org.quarry.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.quarry.ingest.TextNormalizer;
import org.quarry.model.Passage;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/** Test helpers: a file read, normalised and segmented as a paper, and text comparisons. */
final class Papers {
  static final List<String> SEEDS =
      List.of(
          "000_ac75c9529fd8bcf6.txt",
          "001_ff96146560c50914.txt",
          "002_089efb293f434282.txt",
          "003_fd80cfdad6a1c7c5.txt",
          "004_117dc69e015f0744.txt");

  private Papers() {}

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Source source(String id, String raw) {
    TextNormalizer.Normalized n = TextNormalizer.normalize(raw);
    return new Source(id, "/test/" + id, SourceKind.PAPER, n.text(), n.offsets(), "0", null);
  }

  static Source seed(String name) {
    return source(name, read(Path.of("seeds", name)));
  }

  static Source fixture(String name) {
    return source(name, read(Path.of("src/test/resources/papers", name)));
  }

  static List<Passage> segment(Source source) {
    return new PaperSegmenter().segment(source);
  }

  /** The code points {@code [start, end)} of {@code raw}. */
  static String codePoints(String raw, int start, int end) {
    return raw.substring(raw.offsetByCodePoints(0, start), raw.offsetByCodePoints(0, end));
  }

  /** Text with what normalisation repairs taken out: NFC, no whitespace, no hyphens. */
  static String modRepairs(String s) {
    // inline HTML tags and <sup> citation markers are removed by the normaliser too
    String untagged =
        s.replaceAll(
            "<(su[pb])>[\\d,\\s\\-–—]*</\\1>|</?(?:sup|sub|em|i|b|strong|span|a|br)\\b[^<>]*>", "");
    return Normalizer.normalize(untagged, Normalizer.Form.NFC)
        .replaceAll("[\\s\\-\u2010\u00AD]", "");
  }

  /**
   * Quote words as the gold file compares them: whitespace collapsed, surrounding quote marks and
   * leading or trailing ellipses left out.
   */
  static String words(String quote) {
    return quote
        .replaceAll("\\s+", " ")
        .replaceAll("^[\\s“”‘’\"'…]+|^\\.\\.\\.", "")
        .replaceAll("[\\s“”‘’\"'…]+$|\\.\\.\\.$", "")
        .strip();
  }
}
