package org.quarry.refi;

import java.util.ArrayList;
import java.util.List;
import org.quarry.model.OffsetMap;

/**
 * A source text as a QDA tool stored it, and the same text as Quarry keeps it (line endings
 * normalised to LF), with the ways a tool may have counted positions.
 *
 * <p>REFI-QDA says positions count Unicode code points from 0 in the plain text, but tools differ
 * on line breaks (a CRLF counted as two characters, or as one when the tool worked on a normalised
 * copy) and some count UTF-16 units, which differs after a character outside the Basic Multilingual
 * Plane. {@link #interpret} tries each reading and keeps the one under which the most selections
 * fall in range and start and end on word boundaries; ties go to the standard reading (code points,
 * CR counted).
 */
final class ToolText {
  /** One way of counting positions: unit index to code point of the LF text. */
  record Counting(String label, int[] toText) {
    int units() {
      return toText.length - 1;
    }
  }

  private final String text;
  private final int[] textCps;
  private final OffsetMap offsets;
  private final List<Counting> countings = new ArrayList<>();

  ToolText(String tool) {
    StringBuilder lf = new StringBuilder(tool.length());
    List<Integer> origin = new ArrayList<>();
    // units of the four countings, each unit mapped to the LF text's code point before it
    List<Integer> cpCr = new ArrayList<>();
    List<Integer> u16Cr = new ArrayList<>();
    List<Integer> u16Lf = new ArrayList<>();
    int toolCp = 0;
    int textCp = 0;
    for (int i = 0; i < tool.length(); ) {
      int cp = tool.codePointAt(i);
      int n = Character.charCount(cp);
      cpCr.add(textCp);
      for (int k = 0; k < n; k++) {
        u16Cr.add(textCp);
      }
      boolean crBeforeLf = cp == '\r' && i + 1 < tool.length() && tool.charAt(i + 1) == '\n';
      if (!crBeforeLf) {
        int out = cp == '\r' ? '\n' : cp;
        // the LF that ends a CRLF maps to the CR, the character it stands for
        int from = cp == '\n' && i > 0 && tool.charAt(i - 1) == '\r' ? toolCp - 1 : toolCp;
        lf.appendCodePoint(out);
        for (int k = 0; k < Character.charCount(out); k++) {
          origin.add(from);
          u16Lf.add(textCp);
        }
        textCp++;
      }
      toolCp++;
      i += n;
    }
    origin.add(toolCp);
    cpCr.add(textCp);
    u16Cr.add(textCp);
    u16Lf.add(textCp);
    text = lf.toString();
    textCps = text.codePoints().toArray();
    offsets = OffsetMap.of(origin.stream().mapToInt(Integer::intValue).toArray());
    int[] identity = new int[textCps.length + 1];
    for (int i = 0; i < identity.length; i++) {
      identity[i] = i;
    }
    countings.add(new Counting("code points, CRLF counted as two", toArray(cpCr)));
    countings.add(new Counting("code points, CRLF counted as one", identity));
    countings.add(new Counting("UTF-16 units, CRLF counted as two", toArray(u16Cr)));
    countings.add(new Counting("UTF-16 units, CRLF counted as one", toArray(u16Lf)));
  }

  private static int[] toArray(List<Integer> xs) {
    return xs.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The text with CRLF and lone CR turned into LF. */
  String text() {
    return text;
  }

  /** Maps {@link #text()} char indices to code points of the tool's text. */
  OffsetMap offsets() {
    return offsets;
  }

  /** Code points in {@link #text()}. */
  int length() {
    return textCps.length;
  }

  /** The counting that places the most of these {@code [start, end)} pairs cleanly. */
  Counting interpret(List<long[]> selections) {
    Counting best = countings.get(0);
    long bestScore = -1;
    for (Counting c : countings) {
      long inRange = 0;
      long clean = 0;
      for (long[] s : selections) {
        if (s[0] < 0 || s[1] < s[0] || s[1] > c.units()) {
          continue;
        }
        inRange++;
        int a = c.toText()[(int) s[0]];
        int b = c.toText()[(int) s[1]];
        boolean splits =
            c.toText()[(int) s[0]] == textAt(c, s[0] - 1)
                || c.toText()[(int) s[1]] == textAt(c, s[1] - 1);
        if (!splits && cleanStart(a) && cleanEnd(b)) {
          clean++;
        }
      }
      long score = inRange * (selections.size() + 1L) + clean;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }

  // the text code point of the unit before, or -1; two units mapping to the same code point
  // means a position inside a character (a surrogate pair, or between CR and LF)
  private static int textAt(Counting c, long unit) {
    return unit < 0 ? -1 : c.toText()[(int) unit];
  }

  private boolean cleanStart(int i) {
    return boundary(i) && (i == textCps.length || !Character.isWhitespace(textCps[i]));
  }

  private boolean cleanEnd(int i) {
    return boundary(i) && (i == 0 || !Character.isWhitespace(textCps[i - 1]));
  }

  private boolean boundary(int i) {
    return i == 0
        || i == textCps.length
        || !(Character.isLetterOrDigit(textCps[i - 1]) && Character.isLetterOrDigit(textCps[i]));
  }
}
