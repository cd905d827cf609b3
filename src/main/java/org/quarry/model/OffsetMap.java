package org.quarry.model;

import java.util.Arrays;

/**
 * Maps positions in a normalised text (Java {@code char} indices) back to code point offsets in the
 * original file as read, so that a passage found in the normalised text can be located, and
 * exported, in the original.
 *
 * <p>Entry {@code i} is the original code point offset of normalised char {@code i}; one extra
 * entry at {@code length} gives the original offset just past the end. Inserted characters (a space
 * that joins two hard-wrapped lines) map to the original offset of the character they replace;
 * removed characters (a hyphen and line break) simply have no entry.
 */
public final class OffsetMap {
  private final int[] origin;

  private OffsetMap(int[] origin) {
    this.origin = origin;
  }

  /**
   * A map from an array of original offsets, one per normalised char plus one for the end.
   *
   * @throws IllegalArgumentException when the offsets are empty, negative or decreasing
   */
  public static OffsetMap of(int[] originOffsets) {
    if (originOffsets.length == 0) {
      throw new IllegalArgumentException("an offset map needs the end entry");
    }
    int prev = 0;
    for (int i = 0; i < originOffsets.length; i++) {
      if (originOffsets[i] < prev) {
        throw new IllegalArgumentException(
            "offsets must not decrease: entry " + i + " is " + originOffsets[i] + " < " + prev);
      }
      prev = originOffsets[i];
    }
    return new OffsetMap(originOffsets.clone());
  }

  /** The identity map for a text that was not changed: char index to code point offset. */
  public static OffsetMap identity(String text) {
    int[] o = new int[text.length() + 1];
    int cp = 0;
    for (int i = 0; i < text.length(); i++) {
      o[i] = cp;
      if (!Character.isHighSurrogate(text.charAt(i))
          || i + 1 >= text.length()
          || !Character.isLowSurrogate(text.charAt(i + 1))) {
        cp++;
      }
    }
    o[text.length()] = cp;
    // a low surrogate shares its pair's offset; the code point was counted at the low surrogate
    for (int i = 0; i + 1 < text.length(); i++) {
      if (Character.isHighSurrogate(text.charAt(i))
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        o[i + 1] = o[i];
      }
    }
    return new OffsetMap(o);
  }

  /**
   * This map with every original offset moved on by {@code codePoints}: for a text normalised from
   * a part of the file (the body after front matter) that starts {@code codePoints} in.
   *
   * @throws IllegalArgumentException when {@code codePoints} is negative
   */
  public OffsetMap shifted(int codePoints) {
    if (codePoints < 0) {
      throw new IllegalArgumentException("cannot shift an offset map back: " + codePoints);
    }
    int[] o = origin.clone();
    for (int i = 0; i < o.length; i++) {
      o[i] += codePoints;
    }
    return new OffsetMap(o);
  }

  /** Length of the normalised text this map covers. */
  public int length() {
    return origin.length - 1;
  }

  /** Original code point offset of normalised char index {@code i} (0 to {@link #length()}). */
  public int toOriginal(int i) {
    return origin[i];
  }

  /** The original span covering normalised chars {@code [start, end)}. */
  public Span toOriginal(int start, int end) {
    if (end <= start) {
      return new Span(origin[start], origin[start]);
    }
    // the end maps to one past the original of the last char, not the original of char `end`,
    // which may sit after text that normalisation removed (a trailing hyphen, say)
    return new Span(origin[start], origin[end - 1] + 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OffsetMap other && Arrays.equals(origin, other.origin);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(origin);
  }
}
