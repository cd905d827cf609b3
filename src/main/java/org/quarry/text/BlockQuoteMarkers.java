package org.quarry.text;

/**
 * The {@code >} markers that start the lines of a Markdown block quote. A marker is followed by a
 * space, another marker or the line's end, and not by a number or comparison, so {@code >65 years}
 * and {@code > 5 years} are text, not quotes. Positions are within one line's content, from its
 * first non-space character.
 */
public final class BlockQuoteMarkers {
  private BlockQuoteMarkers() {}

  /** How deep {@code content} is quoted: the number of markers it starts with. */
  public static int depth(CharSequence content) {
    int depth = 0;
    int i = 0;
    while (i < content.length() && isMarker(content, i)) {
      depth++;
      i = skipSpaces(content, i + 1);
    }
    return depth;
  }

  /**
   * The length of the markers starting {@code content}, with the spaces after them; 0 when none.
   */
  public static int length(CharSequence content) {
    int i = 0;
    while (i < content.length() && isMarker(content, i)) {
      i = skipSpaces(content, i + 1);
    }
    return i;
  }

  /** Whether {@code content} is quoted: it starts with a marker. */
  public static boolean quoted(CharSequence content) {
    return !content.isEmpty() && isMarker(content, 0);
  }

  /**
   * Whether {@code content} is markers and nothing else: the line that parts two paragraphs of one
   * block quote.
   */
  public static boolean onlyMarkers(CharSequence content) {
    int n = length(content);
    return n > 0 && n == content.length();
  }

  /** Whether the {@code >} at {@code i} marks a block quote. */
  public static boolean isMarker(CharSequence content, int i) {
    if (content.charAt(i) != '>') {
      return false;
    }
    int j = i + 1;
    if (j < content.length()
        && content.charAt(j) != ' '
        && content.charAt(j) != '\t'
        && content.charAt(j) != '>') {
      return false;
    }
    j = skipSpaces(content, j);
    return j == content.length()
        || !Character.isDigit(content.charAt(j)) && ".,=%".indexOf(content.charAt(j)) < 0;
  }

  private static int skipSpaces(CharSequence s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
