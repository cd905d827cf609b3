package org.quarry.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quarry.text.BlockQuoteMarkers;
import org.quarry.text.LineShapes;
import org.quarry.text.SpeakerLabel;

/**
 * Repairs hard-wrapped text (PDF extractions): joins the wrapped lines of a paragraph with one
 * space, undoes line-end hyphenation, and removes the space PDF extraction leaves after a hyphen
 * inside a word ({@code health- related}).
 *
 * <p>Text counts as hard-wrapped when it has at least {@value #MIN_LINES} non-blank lines, most of
 * them come close to a common width (the 90th percentile of line lengths, between {@value
 * #MIN_WIDTH} and {@value #MAX_WIDTH} chars), most lines followed by another line end without
 * sentence punctuation, and at most a third of those are short (below 0.6 of the width). Other text
 * is returned unchanged, so web text, Markdown, transcripts and think-aloud notes keep their lines.
 *
 * <p>Within hard-wrapped text, a line is never joined to the next when either is blank, the next is
 * a Markdown heading, list item, table row, speaker line (a label in any {@link
 * org.quarry.text.TranscriptLayout}, the grammar the transcript segmenter reads) or numbered theme
 * heading, the line itself looks like a heading (short, no final punctuation, after a sentence end,
 * before a capital), a speaker label or timestamp alone or a page number, or the line is short and
 * ends a sentence (a paragraph's last line). Line shapes are {@link org.quarry.text.LineShapes}.
 * The wrapped lines of a Markdown block quote ({@code > …}) join only each other, without their
 * markers, and a line of {@code >} alone parts its paragraphs.
 */
final class LineJoiner {
  static final int MIN_LINES = 8;
  static final int MIN_WIDTH = 25;
  static final int MAX_WIDTH = 140;

  // starts only at a word start, and words never give back letters: a long run of letters (no
  // hyphen) costs linear time, not quadratic
  private static final Pattern IN_LINE_COMPOUND =
      Pattern.compile("(?<!\\p{L})(\\p{L}++)- ?(\\p{L}++)");

  /** Lowercase words that no sentence, turn or heading ends with. */
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "of", "the", "a", "an", "to", "in", "on", "at", "for", "with", "by", "from", "into",
          "than", "and", "or");

  /**
   * A full stop, question or exclamation mark ending a line, then closing quote marks or brackets.
   */
  private static final Pattern SENTENCE_STOP = Pattern.compile("[.!?…][\"”’')\\]]*$");

  /** Words after which {@code X- } is a suspended hyphen ({@code short- and long-term}). */
  private static final Set<String> SUSPENDING_WORDS = Set.of("and", "or", "to", "nor", "but", "as");

  private LineJoiner() {}

  /** The text with its hard wrapping undone, or {@code t} itself when it is not hard-wrapped. */
  static MappedText repair(MappedText t) {
    List<Line> all = lines(t.text());
    boolean[] furniture = PageFurniture.lines(all.stream().map(Line::content).toList());
    for (int i = 0; i < all.size(); i++) {
      // a transcript repeats its speaker labels, and a paper its list bullets: they are no headers
      String c = all.get(i).content();
      furniture[i] &= LineShapes.isPageNumber(c) || !startsBlock(c) && !speakerHeader(c);
    }
    List<Line> text = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (!furniture[i]) {
        text.add(all.get(i));
      }
    }
    int width = wrapWidth(text);
    if (width < 0) {
      return t;
    }
    List<Line> lines = acrossPageBreaks(all, furniture);
    Layout layout = new Layout(width, trailingSpaceConvention(lines));
    return removeSpaceAfterHyphens(join(t, lines, layout, compounds(t.text())));
  }

  /**
   * The lines without page furniture ({@link PageFurniture}): a run of furniture and blank lines
   * after a line that does not end its sentence and before more text is left out whole, so the
   * paragraph's lines meet and join; elsewhere repeated headers and footers are left out and blank
   * lines and lone page numbers stay.
   */
  private static List<Line> acrossPageBreaks(List<Line> all, boolean[] furniture) {
    List<Line> out = new ArrayList<>();
    int i = 0;
    while (i < all.size()) {
      Line line = all.get(i);
      boolean breakRun = furniture[i] || line.blank();
      if (!breakRun) {
        out.add(line);
        i++;
        continue;
      }
      int j = i;
      boolean anyFurniture = false;
      while (j < all.size() && (furniture[j] || all.get(j).blank())) {
        anyFurniture |= furniture[j];
        j++;
      }
      Line before = out.isEmpty() ? null : out.get(out.size() - 1);
      boolean paragraphGoesOn =
          anyFurniture
              && before != null
              && !before.blank()
              && j < all.size()
              && !LineShapes.endsSentence(before.content())
              && goesOn(before.content(), all.get(j).content());
      boolean pageBreak = false;
      for (int k = i; k < j; k++) {
        pageBreak |= furniture[k] && !LineShapes.isPageNumber(all.get(k).content());
      }
      for (int k = i; k < j && !paragraphGoesOn; k++) {
        // a repeated header or footer goes wherever it is; a lone number stays unless a header or
        // footer shows a page break there (elsewhere it may be a table's)
        if (!furniture[k] || !pageBreak && LineShapes.isPageNumber(all.get(k).content())) {
          out.add(all.get(k));
        }
      }
      i = j;
    }
    return out;
  }

  /**
   * The wrap width, and whether wrapped lines end with a space (many PDF extractors write {@code
   * word \n}): then a line without one was not wrapped, a strong heading signal.
   */
  private record Layout(int width, boolean trailingSpaces) {}

  private static boolean trailingSpaceConvention(List<Line> lines) {
    int open = 0;
    int spaced = 0;
    for (int i = 0; i + 1 < lines.size(); i++) {
      Line line = lines.get(i);
      if (!line.blank()
          && !lines.get(i + 1).blank()
          && Character.isLetterOrDigit(line.content().charAt(line.length() - 1))) {
        open++;
        if (line.contentEnd() < line.end()) {
          spaced++;
        }
      }
    }
    return open >= MIN_LINES / 2 && spaced >= 0.8 * open;
  }

  private record Line(int start, int end, int contentStart, int contentEnd, String content) {
    boolean blank() {
      return contentStart == contentEnd;
    }

    int length() {
      return content.length();
    }
  }

  private static List<Line> lines(String s) {
    List<Line> out = new ArrayList<>();
    int start = 0;
    while (start <= s.length()) {
      int end = s.indexOf('\n', start);
      if (end < 0) {
        end = s.length();
      }
      int cs = start;
      int ce = end;
      while (cs < ce && Character.isWhitespace(s.charAt(cs))) {
        cs++;
      }
      while (ce > cs && Character.isWhitespace(s.charAt(ce - 1))) {
        ce--;
      }
      out.add(new Line(start, end, cs, ce, s.substring(cs, ce)));
      start = end + 1;
    }
    return out;
  }

  /**
   * True when a paragraph ending {@code last} goes on in {@code next}: it ends with a word, a comma
   * or a dash, or {@code next} goes on in lowercase; a line ending with a bracket or a quote mark
   * (a quote's code, {@code " -[Marie]}) ends its paragraph unless so.
   */
  private static boolean goesOn(String last, String next) {
    char end = last.charAt(last.length() - 1);
    return Character.isLetterOrDigit(end)
        || ",-–—/".indexOf(end) >= 0
        || !next.isEmpty() && Character.isLowerCase(next.codePointAt(0));
  }

  /** The common line width when the text is hard-wrapped, else -1. */
  private static int wrapWidth(List<Line> lines) {
    int[] lengths = lines.stream().filter(l -> !l.blank()).mapToInt(Line::length).toArray();
    if (lengths.length < MIN_LINES) {
      return -1;
    }
    int[] sorted = lengths.clone();
    Arrays.sort(sorted);
    int width = sorted[(int) (0.9 * (sorted.length - 1))];
    if (width < MIN_WIDTH || width > MAX_WIDTH) {
      return -1;
    }
    long near = Arrays.stream(lengths).filter(n -> n >= 0.6 * width).count();
    int followed = 0;
    int open = 0;
    int shortOpen = 0;
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (!lines.get(i).blank() && !lines.get(i + 1).blank()) {
        followed++;
        if (!LineShapes.endsSentence(lines.get(i).content())) {
          open++;
          if (lines.get(i).length() < 0.6 * width && !standsAlone(lines.get(i))) {
            shortOpen++;
          }
        }
      }
    }
    // a wrapped line breaks where the next word would not fit, close to the width; where many
    // short lines run on unpunctuated, lines are utterances (think-aloud notes, chat), not wraps
    boolean wrapped =
        near * 2 >= lengths.length
            && followed >= MIN_LINES / 2
            && open * 2 >= followed
            && shortOpen * 3 <= open;
    return wrapped ? width : -1;
  }

  /** A line that is never part of a paragraph: a speaker header, Markdown heading or table row. */
  private static boolean standsAlone(Line line) {
    String a = line.content();
    return speakerHeader(a) || LineShapes.isMarkdownHeading(a) || LineShapes.isTableRow(a);
  }

  /**
   * Hyphenated pairs printed within a line, lowercased: evidence that a line-end hyphen is real.
   */
  private static Set<String> compounds(String s) {
    Set<String> out = new HashSet<>();
    Matcher m = IN_LINE_COMPOUND.matcher(s);
    int from = 0;
    while (m.find(from)) {
      out.add(m.group(1).toLowerCase(Locale.ROOT) + "-" + m.group(2).toLowerCase(Locale.ROOT));
      // chains (face-to-face) share words: restart at the second word
      from = m.start(2);
    }
    return out;
  }

  private enum Join {
    NONE,
    SPACE,
    TIGHT,
    DROP_HYPHEN
  }

  private static MappedText join(
      MappedText t, List<Line> lines, Layout layout, Set<String> compounds) {
    MappedText.Builder out = t.builder();
    int emitFrom = lines.isEmpty() ? 0 : lines.get(0).start();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      Join join = i + 1 < lines.size() ? joinKind(lines, i, layout, compounds) : Join.NONE;
      switch (join) {
        case NONE -> out.copy(t, emitFrom, Math.min(line.end() + 1, t.length()));
        case TIGHT -> out.copy(t, emitFrom, line.contentEnd());
        case DROP_HYPHEN -> out.copy(t, emitFrom, line.contentEnd() - 1);
        case SPACE -> {
          out.copy(t, emitFrom, line.contentEnd());
          out.add(' ', t.origin(line.contentEnd()));
        }
      }
      // a joined line of a Markdown block quote leaves its '>' markers out; page furniture left out
      // of the lines is left out of the text
      emitFrom =
          join == Join.NONE
              ? (i + 1 < lines.size() ? lines.get(i + 1).start() : line.end() + 1)
              : lines.get(i + 1).contentStart()
                  + BlockQuoteMarkers.length(lines.get(i + 1).content());
    }
    return out.build();
  }

  private static Join joinKind(List<Line> lines, int i, Layout layout, Set<String> compounds) {
    int width = layout.width();
    Line line = lines.get(i);
    Line next = lines.get(i + 1);
    if (line.blank() || next.blank()) {
      return Join.NONE;
    }
    // "…end of" / "February: 'You're…": a line ending with an article or preposition goes on,
    // even into what looks like a speaker label
    if (startsBlock(next.content())
        && !(endsWithFunctionWord(line.content())
            && SpeakerLabel.parse(next.content()).isPresent())) {
      return Join.NONE;
    }
    // a Markdown block quote: its lines join only each other, and a line of '>' alone parts its
    // paragraphs
    int markers = BlockQuoteMarkers.length(line.content());
    int nextMarkers = BlockQuoteMarkers.length(next.content());
    if (BlockQuoteMarkers.depth(line.content()) != BlockQuoteMarkers.depth(next.content())
        || markers == line.content().length()
        || nextMarkers == next.content().length()) {
      return Join.NONE;
    }
    String a = line.content();
    if (LineShapes.isMarkdownHeading(a)
        || LineShapes.isTableRow(a)
        || speakerHeader(a)
        || LineShapes.isPageNumber(a)) {
      return Join.NONE;
    }
    if (LineShapes.isNumberedHeading(a) || looksLikeHeading(lines, i, layout)) {
      return Join.NONE;
    }
    // a short line is a paragraph's last: one that ends a sentence, or a quote's code or mark
    if ((LineShapes.endsSentence(a) || ")]\"”".indexOf(a.charAt(a.length() - 1)) >= 0)
        && a.length() < 0.75 * width) {
      return Join.NONE;
    }
    // a sentence that ends its line before one opening with a quote mark: an extract set off as its
    // own paragraph, whose speaker the paragraph before may name (a lead-in's colon keeps them one)
    if (SENTENCE_STOP.matcher(a).find()
        && "\"“‘«".indexOf(next.content().charAt(nextMarkers)) >= 0
        && next.content().length() > nextMarkers + 1
        && !Character.isWhitespace(next.content().charAt(nextMarkers + 1))) {
      return Join.NONE;
    }
    char last = a.charAt(a.length() - 1);
    if (a.length() == 1 && "\"“‘«".indexOf(last) >= 0) {
      return Join.TIGHT; // an opening mark alone on its line opens the words on the next
    }
    if (last == '\u00AD') {
      return Join.DROP_HYPHEN;
    }
    if ((last == '-' || last == '\u2010')
        && a.length() >= 2
        && Character.isLetter(a.charAt(a.length() - 2))) {
      return hyphenJoin(a, next.content().substring(nextMarkers), compounds);
    }
    if (last == '—' || last == '–' || last == '/') {
      return Join.TIGHT;
    }
    return Join.SPACE;
  }

  private static boolean endsWithFunctionWord(String content) {
    int k = content.length();
    int w = k;
    while (w > 0 && Character.isLetter(content.charAt(w - 1))) {
      w--;
    }
    return w < k
        && (w == 0 || content.charAt(w - 1) == ' ')
        && FUNCTION_WORDS.contains(content.substring(w, k));
  }

  /** True for a line that starts its own block: never joined to the line before. */
  private static boolean startsBlock(String content) {
    return LineShapes.isMarkdownHeading(content)
        || LineShapes.isListItem(content)
        || LineShapes.isTableRow(content)
        || SpeakerLabel.parse(content).isPresent()
        || LineShapes.startsWithBracketedTimestamp(content)
        || LineShapes.isNumberedHeading(content)
        || LineShapes.isPageNumber(content);
  }

  /**
   * A speaker label with no words after it, or a timestamp alone: the turn follows on the next
   * lines.
   */
  private static boolean speakerHeader(String content) {
    return LineShapes.isTimestampAlone(content)
        || SpeakerLabel.parse(content).map(l -> l.fills(content)).orElse(false);
  }

  /**
   * Short (or, where wrapped lines end with a space, not wrapped), unpunctuated, after a sentence
   * end or a blank line, and followed by a capital.
   */
  private static boolean looksLikeHeading(List<Line> lines, int i, Layout layout) {
    Line line = lines.get(i);
    String a = line.content();
    boolean unwrapped = layout.trailingSpaces() && line.contentEnd() == line.end();
    if (a.length() > (unwrapped ? layout.width() : 0.7 * layout.width())
        || !Character.isUpperCase(a.codePointAt(0)) && !Character.isDigit(a.charAt(0))) {
      return false;
    }
    char last = a.charAt(a.length() - 1);
    if (",;:.!?-—–/".indexOf(last) >= 0) {
      return false;
    }
    // a list item starts its own block whatever comes before it: "3. Feeling of support" is a title
    boolean afterBreak =
        i == 0
            || lines.get(i - 1).blank()
            || LineShapes.endsSentence(lines.get(i - 1).content())
            || LineShapes.isListItem(a);
    String next = lines.get(i + 1).content();
    int first = next.codePointAt(0);
    return afterBreak
        && (Character.isUpperCase(first)
            || Character.isDigit(first)
            || "“\"‘'".indexOf(first) >= 0);
  }

  /**
   * Keeps a line-end hyphen when it is part of a compound: the next line starts with a capital or
   * digit ({@code non-}/{@code GP}), the word before it is itself hyphenated ({@code face-to-}), or
   * the pair is printed hyphenated elsewhere in the text; otherwise the word was split and is
   * joined.
   */
  private static Join hyphenJoin(String a, String b, Set<String> compounds) {
    if (!Character.isLowerCase(b.codePointAt(0))) {
      return Join.TIGHT;
    }
    int hyphen = a.length() - 1;
    int x = hyphen;
    while (x > 0 && Character.isLetter(a.charAt(x - 1))) {
      x--;
    }
    int before = x - 1;
    while (before >= 0 && a.charAt(before) == ' ') {
      before--;
    }
    if (before >= 0 && (a.charAt(before) == '-' || a.charAt(before) == '\u2010')) {
      return Join.TIGHT;
    }
    int y = 0;
    while (y < b.length() && Character.isLetter(b.charAt(y))) {
      y++;
    }
    String pair = (a.substring(x, hyphen) + "-" + b.substring(0, y)).toLowerCase(Locale.ROOT);
    return compounds.contains(pair) ? Join.TIGHT : Join.DROP_HYPHEN;
  }

  /**
   * {@code health- related} to {@code health-related}; a suspended hyphen ({@code short- and
   * long-term}) keeps its space.
   */
  private static MappedText removeSpaceAfterHyphens(MappedText t) {
    String s = t.text();
    MappedText.Builder out = t.builder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      out.add(c, t.origin(i));
      if ((c == '-' || c == '\u2010')
          && i > 0
          && Character.isLetter(s.charAt(i - 1))
          && i + 1 < s.length()
          && s.charAt(i + 1) == ' ') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) == ' ') {
          j++;
        }
        int w = j;
        while (w < s.length() && Character.isLetter(s.charAt(w))) {
          w++;
        }
        if (w > j) {
          String word = s.substring(j, w).toLowerCase(Locale.ROOT);
          boolean chained = w < s.length() && s.charAt(w) == '-';
          if (!SUSPENDING_WORDS.contains(word) || chained) {
            i = j;
            continue;
          }
        }
      }
      i++;
    }
    return out.build();
  }
}
