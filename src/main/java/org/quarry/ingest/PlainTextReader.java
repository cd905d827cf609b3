package org.quarry.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.quarry.model.OffsetMap;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/**
 * Reads .txt and .md files: the charset is detected ({@link TextDecoder}), a front-matter block
 * ({@link FrontMatter}) becomes the source's metadata, and the body is normalised ({@link
 * TextNormalizer}). Offsets are code points of the decoded file after any byte-order mark, front
 * matter included, so a passage's span can be found in the file as a text editor shows it. {@code
 * kind: transcript} in the front matter makes the source a transcript; otherwise it is a paper
 * until a segmenter knows better.
 */
public final class PlainTextReader implements SourceReader {
  @Override
  public boolean accepts(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".txt") || name.endsWith(".md");
  }

  /**
   * @throws SkippedSourceException for an empty or binary file, or one with only front matter
   * @throws IOException for malformed front matter (naming file and line) or an unreadable file
   */
  @Override
  public Source read(Path file, String id) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String raw = TextDecoder.decode(bytes).text();
    FrontMatter front = FrontMatter.parse(raw, file);
    String body = raw.substring(front.bodyStart());
    if (body.isBlank()) {
      throw new SkippedSourceException("empty");
    }
    Map<String, String> metadata = new LinkedHashMap<>(front.attributes());
    SourceKind kind = kind(metadata.remove("kind"), front, file);
    TextNormalizer.Normalized normalized = TextNormalizer.normalize(body);
    OffsetMap offsets = normalized.offsets().shifted(raw.codePointCount(0, front.bodyStart()));
    return new Source(
        id, file.toString(), kind, normalized.text(), offsets, ContentHash.of(bytes), metadata);
  }

  private static SourceKind kind(String label, FrontMatter front, Path file) throws IOException {
    if (label == null) {
      return SourceKind.PAPER;
    }
    try {
      return SourceKind.parse(label.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IOException(
          file + ":" + front.lineOf("kind") + ": front matter " + e.getMessage(), e);
    }
  }
}
