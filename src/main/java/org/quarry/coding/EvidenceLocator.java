package org.quarry.coding;

import org.quarry.index.PassageLocations;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.Span;

/**
 * Maps char ranges of a passage's text to code point spans of its source file as read.
 *
 * <p>A passage's text is a substring of its source's normalised text starting at the char whose
 * original offset is {@link Passage#start()}; the source's {@link OffsetMap} takes it from there
 * (de-hyphenated or joined lines included). Without a stored source text, the passage text is taken
 * to be the file's text from {@code start} on.
 */
final class EvidenceLocator {
  private final Passage passage;
  private final OffsetMap offsets;
  private final int base;

  EvidenceLocator(Passage passage, PassageLocations locations) {
    this.passage = passage;
    int at = locations.charIndex(passage);
    this.offsets = at < 0 ? null : locations.offsets();
    this.base = at;
  }

  /** The source span of passage-text chars {@code [start, end)}. */
  Span span(int start, int end) {
    if (offsets != null) {
      return offsets.toOriginal(base + start, base + end);
    }
    String t = passage.text();
    return new Span(
        passage.start() + t.codePointCount(0, start), passage.start() + t.codePointCount(0, end));
  }
}
