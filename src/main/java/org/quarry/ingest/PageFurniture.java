package org.quarry.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quarry.text.LineShapes;
import org.quarry.text.SpeakerLabel;

/**
 * What a PDF page prints around the text and extraction puts into it: running headers and footers,
 * page numbers, and a typesetter's mark. Left in, they split a paragraph (and a quote) at every
 * page break, or sit in the middle of a participant's words.
 *
 * <ul>
 *   <li>the {@code XSL • FO RenderX} mark of XML typesetting, which extraction puts anywhere, even
 *       inside a sentence: removed from every text ({@link #stripTypesetterMarks});
 *   <li>in hard-wrapped text, a page number alone on its line, a line that the pages repeat
 *       ({@value #MIN_REPEATS} times or more, or twice next to other furniture, page numbers aside:
 *       {@code JMIR Mhealth Uhealth 2021 | vol. 9 | p. 7}), and the journals' {@code (page number
 *       not for citation purposes)}: see {@link #lines}; {@link LineJoiner} joins a paragraph
 *       across them.
 * </ul>
 */
final class PageFurniture {
  /** The typesetter's mark, with one space after it; alone on a line it may be split in two. */
  private static final Pattern TYPESETTER_MARK =
      Pattern.compile(
          // a line of its own goes with its line end; inside a line, with one space after it
          "(?m)^[ \\t]*(?:XSL ?• ?FO(?:\\s*RenderX)?|RenderX)[ \\t]*(?:\\n|$)"
              + "|XSL ?• ?FO(?:\\s*RenderX)?[ \\t]?|(?m)^RenderX[ \\t]");

  private static final Pattern NOT_FOR_CITATION =
      Pattern.compile("(?i)\\(?page number not for citation purposes\\)?");

  /**
   * A participant's code on a line of its own, bracketed or after a dash ({@code (P4_male_FGD)},
   * {@code – Participant 7, nurse}): such lines repeat, numbers aside, and are no headers.
   */
  private static final Pattern ATTRIBUTION_LINE = Pattern.compile("[\\[(].*[\\])][.,;]?|[—–―‒-].*");

  /** A running header names the authors or the issue: {@code et al}, a year, a DOI, a page. */
  private static final Pattern HEADER_SHAPE = Pattern.compile("[0-9]|\\bet al\\b");

  /** Shortest running header removed where glued to text: long enough to be no phrase of prose. */
  private static final int MIN_RUNNING_HEADER = 16;

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  /** A line that so many pages print is a running header or footer. */
  static final int MIN_REPEATS = 3;

  /**
   * Shortest repeated line taken for a header: a table's {@code Yes} or {@code n (%)} repeats too.
   */
  private static final int MIN_HEADER_CHARS = 12;

  private static final int MAX_HEADER_CHARS = 160;

  private PageFurniture() {}

  /** {@code t} without the typesetter's marks ({@code XSL • FO RenderX}). */
  static MappedText stripTypesetterMarks(MappedText t) {
    String s = t.text();
    if (s.indexOf("FO") < 0 && s.indexOf("RenderX") < 0) {
      return t;
    }
    Matcher m = TYPESETTER_MARK.matcher(s);
    if (!m.find()) {
      return t;
    }
    MappedText.Builder out = t.builder();
    int from = 0;
    do {
      out.copy(t, from, m.start());
      from = m.end();
    } while (m.find());
    out.copy(t, from, s.length());
    return out.build();
  }

  /**
   * {@code t} without a running header that extraction glued to the paragraphs where pages broke
   * ({@code …meets some of these criteria Babili et al. 10.3389/fdgth.2022.1071790} / {@code
   * including usability…}): a line of its own somewhere, with a digit or {@code et al} in it,
   * printed {@value #MIN_REPEATS} times or more, once at least at the end of a line of other text
   * or at the start of one that goes on in lowercase. It goes from there and from the lines it
   * fills, with the space joining it to the text; the paragraph's two halves are then left for the
   * segmenter to join.
   */
  static MappedText stripRunningHeaders(MappedText t) {
    String s = t.text();
    Map<String, Integer> wholeLines = new HashMap<>();
    for (String line : s.split("\n")) {
      String h = line.strip();
      // a speaker label, heading or list item repeats too, and starts lines of text: no header
      if (h.length() >= MIN_RUNNING_HEADER
          && h.length() <= MAX_HEADER_CHARS
          && HEADER_SHAPE.matcher(h).find()
          && !LineShapes.endsSentence(h)
          && !LineShapes.isListItem(h)
          && !LineShapes.isNumberedHeading(h)
          && !LineShapes.isMarkdownHeading(h)
          && SpeakerLabel.parse(h).isEmpty()) {
        wholeLines.merge(h, 1, Integer::sum);
      }
    }
    boolean[] drop = new boolean[s.length()];
    boolean any = false;
    for (String header : wholeLines.keySet()) {
      List<int[]> edges = new java.util.ArrayList<>();
      int total = 0;
      boolean glued = false;
      for (int at = s.indexOf(header); at >= 0; at = s.indexOf(header, at + header.length())) {
        total++;
        int end = at + header.length();
        boolean startsLine = lineStartBefore(s, at);
        boolean endsLine = lineEndAfter(s, end);
        // glued before text, the text goes on in lowercase: a paragraph's second half, not a turn
        if (startsLine && !endsLine && !lowercaseAfter(s, end)) {
          continue;
        }
        if (startsLine || endsLine) {
          glued |= !(startsLine && endsLine);
          // take the space that joined it to the text on the glued side
          int from = !startsLine && at > 0 && s.charAt(at - 1) == ' ' ? at - 1 : at;
          int to =
              startsLine && !endsLine && end < s.length() && s.charAt(end) == ' ' ? end + 1 : end;
          edges.add(new int[] {from, to});
        }
      }
      if (total >= MIN_REPEATS && glued) {
        for (int[] e : edges) {
          java.util.Arrays.fill(drop, e[0], e[1], true);
          any = true;
        }
      }
    }
    if (!any) {
      return t;
    }
    MappedText.Builder out = t.builder();
    for (int i = 0; i < s.length(); i++) {
      if (!drop[i]) {
        out.add(s.charAt(i), t.origin(i));
      }
    }
    return out.build();
  }

  private static boolean lowercaseAfter(String s, int end) {
    int k = end;
    while (k < s.length() && s.charAt(k) == ' ') {
      k++;
    }
    return k < s.length() && Character.isLowerCase(s.charAt(k));
  }

  private static boolean lineStartBefore(String s, int at) {
    int k = at - 1;
    while (k >= 0 && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
      k--;
    }
    return k < 0 || s.charAt(k) == '\n' || s.charAt(k) == '\f';
  }

  private static boolean lineEndAfter(String s, int end) {
    int k = end;
    while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
      k++;
    }
    return k >= s.length() || s.charAt(k) == '\n' || s.charAt(k) == '\f';
  }

  /**
   * Which of {@code lines} (each without its line end) are page furniture: page numbers, lines the
   * pages repeat, and the journals' notes on page numbers.
   */
  static boolean[] lines(List<String> lines) {
    Map<String, Integer> counts = new HashMap<>();
    for (String line : lines) {
      String key = key(line);
      if (key != null) {
        counts.merge(key, 1, Integer::sum);
      }
    }
    boolean[] out = new boolean[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      String key = key(line);
      out[i] =
          !line.isEmpty()
              && (LineShapes.isPageNumber(line)
                  || NOT_FOR_CITATION.matcher(line).matches()
                  || key != null && counts.get(key) >= MIN_REPEATS);
    }
    // a line printed twice, each time next to other furniture, is a header of a short paper; one
    // step only, so the lines of a quote printed twice (a table's and the text's) never chain in
    boolean[] base = out.clone();
    Map<String, Boolean> besideFurniture = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String key = key(lines.get(i));
      if (!base[i] && key != null && counts.get(key) == 2) {
        boolean beside = nextToFurniture(lines, base, i, -1) || nextToFurniture(lines, base, i, 1);
        besideFurniture.merge(key, beside, Boolean::logicalAnd);
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      String key = key(lines.get(i));
      if (!base[i] && key != null && besideFurniture.getOrDefault(key, false)) {
        out[i] = true;
      }
    }
    return out;
  }

  /**
   * A bracket opened and not closed, or closed and not opened: the line goes on from or into the
   * next.
   */
  private static boolean balanced(String s) {
    return count(s, '(') == count(s, ')') && count(s, '[') == count(s, ']');
  }

  private static long count(String s, char c) {
    return s.chars().filter(x -> x == c).count();
  }

  /** True when the nearest non-blank line in direction {@code step} from {@code i} is furniture. */
  private static boolean nextToFurniture(List<String> lines, boolean[] furniture, int i, int step) {
    int j = i + step;
    while (j >= 0 && j < lines.size() && lines.get(j).isBlank()) {
      j += step;
    }
    return j >= 0 && j < lines.size() && furniture[j];
  }

  /**
   * The line with its numbers masked (a footer's page number changes), or null when too short or
   * long to be a header.
   */
  private static String key(String line) {
    String s = line.strip();
    if (s.length() < MIN_HEADER_CHARS
        || s.length() > MAX_HEADER_CHARS
        || s.chars().noneMatch(Character::isLetter)
        || ATTRIBUTION_LINE.matcher(s).matches()
        || !balanced(s)) {
      return null;
    }
    return DIGITS.matcher(s).replaceAll("#");
  }
}
