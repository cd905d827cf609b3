package org.quarry.ingest;

import java.util.Arrays;
import org.quarry.model.OffsetMap;

/**
 * Text under repair with, for every char, the code point offset in the raw text it comes from. Each
 * normalisation step reads one and builds the next, so the map survives any number of steps.
 */
final class MappedText {
  private final String text;
  private final int[] origins;
  private final int end;

  private MappedText(String text, int[] origins, int end) {
    this.text = text;
    this.origins = origins;
    this.end = end;
  }

  /** The raw text itself: each char maps to its own code point offset. */
  static MappedText of(String raw) {
    int[] o = new int[raw.length()];
    int cp = 0;
    for (int i = 0; i < raw.length(); i++) {
      // a low surrogate belongs to the code point its high surrogate opened
      if (i > 0
          && Character.isLowSurrogate(raw.charAt(i))
          && Character.isHighSurrogate(raw.charAt(i - 1))) {
        o[i] = o[i - 1];
      } else {
        o[i] = cp++;
      }
    }
    return new MappedText(raw, o, cp);
  }

  String text() {
    return text;
  }

  int length() {
    return text.length();
  }

  char charAt(int i) {
    return text.charAt(i);
  }

  /** Raw code point offset of char {@code i}. */
  int origin(int i) {
    return origins[i];
  }

  /** Raw code point offset just past the end (the raw text's code point count). */
  int end() {
    return end;
  }

  OffsetMap offsetMap() {
    int[] o = Arrays.copyOf(origins, origins.length + 1);
    o[origins.length] = end;
    return OffsetMap.of(o);
  }

  Builder builder() {
    return new Builder(end, text.length());
  }

  /** Accumulates the next step's text, one char and its raw origin at a time. */
  static final class Builder {
    private final StringBuilder sb;
    private int[] o;
    private final int end;

    private Builder(int end, int capacity) {
      this.end = end;
      this.sb = new StringBuilder(capacity);
      this.o = new int[Math.max(16, capacity)];
    }

    Builder add(char c, int origin) {
      if (sb.length() == o.length) {
        o = Arrays.copyOf(o, o.length * 2);
      }
      o[sb.length()] = origin;
      sb.append(c);
      return this;
    }

    /** Copies chars {@code [from, to)} of {@code src} with their origins. */
    Builder copy(MappedText src, int from, int to) {
      for (int i = from; i < to; i++) {
        add(src.charAt(i), src.origin(i));
      }
      return this;
    }

    MappedText build() {
      return new MappedText(sb.toString(), Arrays.copyOf(o, sb.length()), end);
    }
  }
}
