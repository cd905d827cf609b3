package org.quarry.api;

import java.util.regex.Pattern;

/**
 * A passage's words shortened to one line, so a listing of suggestions shows what was coded: white
 * space (line breaks, tabs, no-break spaces) collapsed to single spaces, and a text longer than
 * {@value #LENGTH} characters cut with an ellipsis, at the end of a word where one is near.
 */
final class OneLine {
  /** Most characters (code points) of a line, the ellipsis included. */
  static final int LENGTH = 100;

  private static final Pattern SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private OneLine() {}

  /** {@code text} on one line of at most {@value #LENGTH} characters. */
  static String of(String text) {
    String s = SPACE.matcher(text).replaceAll(" ").strip();
    if (s.codePointCount(0, s.length()) <= LENGTH) {
      return s;
    }
    int cut = s.offsetByCodePoints(0, LENGTH - 1);
    // back to a space, so no word is cut in two, unless that would drop a fifth of the line
    int space = s.lastIndexOf(' ', cut);
    if (space > cut * 4 / 5) {
      cut = space;
    }
    return s.substring(0, cut).stripTrailing() + "…";
  }
}
