package org.quarry.segment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.quarry.model.OffsetMap;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/** Transcript fixtures under {@code src/test/resources/transcripts/}, as sources. */
final class TranscriptFixtures {
  private TranscriptFixtures() {}

  /** The file's raw content. */
  static String raw(String name) {
    try (InputStream in = TranscriptFixtures.class.getResourceAsStream("/transcripts/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture as a transcript source with identity offsets. */
  static Source transcript(String name, Map<String, String> metadata) {
    return source(name, SourceKind.TRANSCRIPT, raw(name), metadata);
  }

  /** Any text as a source of {@code kind}. */
  static Source source(String id, SourceKind kind, String text, Map<String, String> metadata) {
    return new Source(id, id, kind, text, OffsetMap.identity(text), "hash", metadata);
  }

  /**
   * The fixture read as a front-matter reader would: {@code key: value} lines between {@code ---}
   * fences become metadata, the body becomes the text, and offsets still point into the file.
   */
  static Source withFrontMatter(String name) {
    String raw = raw(name);
    if (!raw.startsWith("---\n")) {
      throw new IllegalArgumentException(name + " has no front matter");
    }
    int close = raw.indexOf("\n---\n", 3);
    Map<String, String> metadata = new LinkedHashMap<>();
    for (String line : raw.substring(4, close).split("\n")) {
      int colon = line.indexOf(':');
      metadata.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
    int bodyStart = close + 5;
    String body = raw.substring(bodyStart);
    int shift = raw.codePointCount(0, bodyStart);
    OffsetMap identity = OffsetMap.identity(body);
    int[] origin = new int[body.length() + 1];
    for (int i = 0; i <= body.length(); i++) {
      origin[i] = identity.toOriginal(i) + shift;
    }
    return new Source(
        name, name, SourceKind.TRANSCRIPT, body, OffsetMap.of(origin), "hash", metadata);
  }
}
