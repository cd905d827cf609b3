package org.quarry.ingest;

import org.quarry.model.OffsetMap;

/**
 * Normalises text as read (decoded) into the text Quarry segments: Unicode NFC, one line-end
 * convention, and the repairs PDF-extracted text needs (line-end hyphenation, spurious spaces after
 * hyphens, hard-wrapped lines joined into paragraphs), keeping a map back to the text as read.
 *
 * <p>Interim: identity. The full normaliser replaces this body; the signature is the contract.
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  /**
   * A normalised text and the map from its chars to code point offsets in the text as read.
   *
   * @param text the normalised text
   * @param offsets char index in {@code text} to code point offset in the raw text
   */
  public record Normalized(String text, OffsetMap offsets) {}

  /** Normalises {@code raw} (the decoded file, without a byte-order mark). */
  public static Normalized normalize(String raw) {
    return new Normalized(raw, OffsetMap.identity(raw));
  }
}
