package org.quarry.refi;

import org.quarry.model.OffsetMap;
import org.quarry.model.Source;
import org.quarry.model.Span;

/**
 * Converts spans in the source file as read (code points, the frame of passages and codings) to
 * code points of {@link Source#text()}, the normalised text Quarry exports. It inverts {@link
 * Source#offsets()}: a span starts at the first normalised char whose original offset is at or
 * after the span's start, and ends at the first one at or after the span's end, so text that
 * normalisation removed (a hyphen at a line break) falls out of the span and a replaced character
 * (CRLF become LF) stays in it.
 */
final class ExportOffsets {
  private final Source source;
  private final int[] cpBefore;

  ExportOffsets(Source source) {
    this.source = source;
    String t = source.text();
    cpBefore = new int[t.length() + 1];
    int cp = 0;
    for (int i = 0; i < t.length(); i++) {
      cpBefore[i] = cp;
      if (!(Character.isLowSurrogate(t.charAt(i))
          && i > 0
          && Character.isHighSurrogate(t.charAt(i - 1)))) {
        cp++;
      }
    }
    cpBefore[t.length()] = cp;
    // a low surrogate belongs to the code point its high surrogate started
    for (int i = 1; i < t.length(); i++) {
      if (Character.isLowSurrogate(t.charAt(i)) && Character.isHighSurrogate(t.charAt(i - 1))) {
        cpBefore[i] = cpBefore[i - 1];
      }
    }
  }

  /**
   * The span of the exported text covering original code points {@code [start, end)}.
   *
   * @throws IllegalArgumentException saying why when the span lies outside the file
   */
  Span toExported(int start, int end) {
    OffsetMap map = source.offsets();
    int fileEnd = map.toOriginal(map.length());
    if (end > fileEnd) {
      throw new IllegalArgumentException(
          "["
              + start
              + ", "
              + end
              + ") ends past the end of "
              + source.id()
              + " ("
              + fileEnd
              + " code points as read)");
    }
    int a = firstAtOrAfter(map, start);
    int b = Math.max(a, firstAtOrAfter(map, end));
    return new Span(cpBefore[a], cpBefore[b]);
  }

  private static int firstAtOrAfter(OffsetMap map, int original) {
    int lo = 0;
    int hi = map.length();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (map.toOriginal(mid) >= original) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
