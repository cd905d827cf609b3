package org.quarry.coding;

import org.quarry.model.Passage;
import org.quarry.model.Source;
import org.quarry.model.Span;

/**
 * Maps char ranges of a passage's text to code point spans of its source file as read.
 *
 * <p>A passage's text is a substring of its source's normalised text starting at the char whose
 * original offset is {@link Passage#start()}; the source's {@link org.quarry.model.OffsetMap} takes
 * it from there (de-hyphenated or joined lines included). Without a stored source text, the passage
 * text is taken to be the file's text from {@code start} on.
 */
final class EvidenceLocator {
  private final Passage passage;
  private final Source source;
  private final int base;

  EvidenceLocator(Passage passage, Source source) {
    this.passage = passage;
    int at = source == null ? -1 : find(source, passage);
    this.source = at < 0 ? null : source;
    this.base = at;
  }

  /** The source span of passage-text chars {@code [start, end)}. */
  Span span(int start, int end) {
    if (source != null) {
      return source.offsets().toOriginal(base + start, base + end);
    }
    String t = passage.text();
    return new Span(
        passage.start() + t.codePointCount(0, start), passage.start() + t.codePointCount(0, end));
  }

  // the char index of the passage text in the source text, or -1
  private static int find(Source source, Passage p) {
    String text = source.text();
    int lo = 0;
    int hi = source.offsets().length();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (source.offsets().toOriginal(mid) < p.start()) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo; i < text.length() && source.offsets().toOriginal(i) == p.start(); i++) {
      if (text.startsWith(p.text(), i)) {
        return i;
      }
    }
    return text.indexOf(p.text());
  }
}
