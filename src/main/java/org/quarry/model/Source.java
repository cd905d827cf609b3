package org.quarry.model;

import java.util.Map;
import java.util.Objects;

/**
 * A file as read and normalised: the text Quarry segments, and the map back to the file.
 *
 * @param id the path relative to the folder given to {@code index}, with {@code /} separators (or
 *     the file name for a file given directly); unique within an index: a same-named file from
 *     another folder gets that folder in front ({@code b/P01.txt}), relative to the working folder
 *     where it lies inside it
 * @param path the file's absolute path as read, for messages
 * @param kind paper, transcript, record or survey
 * @param text the normalised text (NFC, PDF repairs applied)
 * @param offsets maps {@code text} char indices to code point offsets in the file as read
 * @param contentHash hex SHA-256 of the file's bytes (for a survey export, of its bytes and the
 *     survey options that chose its passages); re-indexing skips an unchanged hash
 * @param metadata front matter and reader facts ({@code participant}, {@code interviewer}, {@code
 *     title}, attributes); never null
 */
public record Source(
    String id,
    String path,
    SourceKind kind,
    String text,
    OffsetMap offsets,
    String contentHash,
    Map<String, String> metadata) {

  public Source {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(offsets, "offsets");
    if (offsets.length() != text.length()) {
      throw new IllegalArgumentException(
          "offset map covers " + offsets.length() + " chars but the text has " + text.length());
    }
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** The same source with another kind (a reader guessed, a segmenter knows better). */
  public Source withKind(SourceKind newKind) {
    return new Source(id, path, newKind, text, offsets, contentHash, metadata);
  }
}
