package org.quarry.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds participant-attributed quotes in a paragraph of a paper: quoted words followed by a
 * participant code in square brackets or parentheses.
 *
 * <p>Two shapes are recognised:
 *
 * <ul>
 *   <li><b>inline</b>: words in quote marks ({@code “…”}, {@code ‘…’}, {@code "…"} or {@code '…'})
 *       followed by a code, anywhere in the paragraph;
 *   <li><b>block</b>: a paragraph that ends with a code and has no opening quote mark before it (an
 *       indented extract; its closing mark, if any, is dropped): the whole paragraph up to the code
 *       is the quote.
 * </ul>
 *
 * <p>A code is one bracketed token with letters and digits ({@code N710cg}, {@code n210×8}, {@code
 * IDNS1.14}, {@code P07}, {@code R3}, {@code FG2-P4}) or {@code Participant 12}-style label,
 * optionally after a role ({@code (practice manager, P07)}) or before a gloss ({@code (P07, practice
 * manager)}, {@code (IDNS1.14 [ID number …])}).
 * A code that follows neither a closing quote mark nor ends a paragraph is an example or a
 * reference, not an attribution ({@code (eg, [N710cg])}). Lowercase page references ({@code (p4)})
 * are not codes. A code may also follow a dash instead of brackets ({@code '…' — P07}, {@code — [P07]}):
 * see {@link DashAttribution}.
 */
public final class QuoteExtractor {
  static final String CODE =
      "(?:[A-Za-z]{1,8}[0-9][A-Za-z0-9]*(?:[.×_/-][A-Za-z0-9]+)*"
          + "|(?:Participant|Interviewee|Respondent|Informant)\\s+#?[A-Za-z]?[0-9]+[A-Za-z]?)";
  private static final Pattern ATTRIBUTION =
      Pattern.compile(
          "\\s*(?:[\\p{L}][\\p{L} '’-]{0,40}[,;]\\s*)?(" + CODE + ")\\s*(?:[,;:–—-][^\\[\\]()]*|\\[[^\\[\\]]*\\])?\\s*");
  private static final Pattern PAGE_REFERENCE = Pattern.compile("p{1,2}[0-9]+");
  /** Longest bracketed attribution looked at: a code and its gloss are short. */
  private static final int MAX_ATTRIBUTION = 200;
  /** Longest inline quote looked for, so a paragraph of stray codes costs linear time. */
  private static final int MAX_QUOTE = 5000;
  static final String DOUBLE_OPEN = "“\"«";
  static final String DOUBLE_CLOSE = "”\"»";
  static final String SINGLE_OPEN = "‘'";
  static final String SINGLE_CLOSE = "’'";

  /**
   * A quote in the text.
   *
   * @param start first char of the quoted words (no quote mark)
   * @param end one past the last quoted word or punctuation (no quote mark)
   * @param participant the code as printed, without its gloss
   * @param claimStart first char the quote owns: its opening mark, or the quote's first word
   * @param claimEnd one past the attribution's closing bracket
   */
  public record Quote(int start, int end, String participant, int claimStart, int claimEnd) {}

  /** The participant code in the text inside a bracket pair, if it is an attribution. */
  public static Optional<String> participantCode(String bracketed) {
    // as in find: a longer bracket is no attribution, and the code's repeated group would recurse
    // once a repetition (a paragraph "(P1-1-1…)" of 20k chars overflowed the stack)
    if (bracketed.length() > MAX_ATTRIBUTION) {
      return Optional.empty();
    }
    Matcher m = ATTRIBUTION.matcher(bracketed);
    if (!m.matches() || PAGE_REFERENCE.matcher(m.group(1)).matches()) {
      return Optional.empty();
    }
    return Optional.of(m.group(1).replaceAll("\\s+", " "));
  }

  /** The quotes in the paragraph {@code text[from, to)}, in order, not overlapping. */
  public List<Quote> find(String text, int from, int to) {
    List<Quote> out = new ArrayList<>();
    int floor = from;
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (DashAttribution.isDash(c) && dashStart(text, from, i)) {
        Optional<DashAttribution.Found> dash = DashAttribution.at(text, i, to, afterClosingMark(text, floor, i));
        Optional<Quote> quote = Optional.empty();
        if (dash.isPresent()) {
          DashAttribution.Found d = dash.get();
          quote = quoteBefore(text, floor, d.dash(), d.end(), atEnd(text, d.end(), to), d.code(), from);
        }
        if (quote.isPresent()) {
          out.add(quote.get());
          floor = dash.get().end();
          i = floor;
        } else {
          i++;
        }
        continue;
      }
      if (c != '[' && c != '(') {
        i++;
        continue;
      }
      int close = matching(text, i, to);
      if (close < 0) {
        i++;
        continue;
      }
      Optional<String> code = participantCode(text.substring(i + 1, close));
      if (code.isEmpty()) {
        i++; // a gloss or aside may hold the code: (eg, [N710cg])
        continue;
      }
      Optional<Quote> quote = quoteBefore(text, floor, i, close + 1, atEnd(text, close + 1, to), code.get(), from);
      if (quote.isPresent()) {
        out.add(quote.get());
        floor = close + 1;
      }
      i = close + 1;
    }
    return out;
  }

  private static Optional<Quote> quoteBefore(
      String text, int floor, int codeStart, int codeEnd, boolean paragraphEnd, String code, int paragraphStart) {
    int k = layoutBefore(text, floor, codeStart - 1);
    if (k < floor) {
      return Optional.empty();
    }
    char mark = text.charAt(k);
    boolean closed = DOUBLE_CLOSE.indexOf(mark) >= 0 || SINGLE_CLOSE.indexOf(mark) >= 0;
    int wordsEnd = closed ? k : k + 1;
    int open = closed ? opening(text, floor, k) : -1;
    if (open >= 0) {
      return words(text, open + 1, wordsEnd, code, open, codeEnd);
    }
    if (!paragraphEnd || floor != paragraphStart) {
      return Optional.empty();
    }
    int start = floor;
    // a Markdown block quote's '>' is layout, not words
    while (start < wordsEnd
        && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '>' || isOpening(text, start))) {
      start++;
    }
    return words(text, start, wordsEnd, code, floor, codeEnd);
  }

  /**
   * The last index at or before {@code k} that is not layout: spaces, line ends, and the {@code >}
   * markers a Markdown block quote puts at the start of its lines ({@code > [P3]} on a line of its own).
   */
  private static int layoutBefore(String text, int floor, int k) {
    while (k >= floor) {
      char c = text.charAt(k);
      if (Character.isWhitespace(c)) {
        k--;
        continue;
      }
      if (c == '>') {
        int j = k;
        while (j >= floor && (text.charAt(j) == '>' || text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
          j--;
        }
        if (j < floor || text.charAt(j) == '\n') {
          k = j;
          continue;
        }
      }
      return k;
    }
    return k;
  }

  private static Optional<Quote> words(String text, int start, int end, String code, int claimStart, int claimEnd) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    boolean hasWord = text.substring(start, end).codePoints().anyMatch(Character::isLetterOrDigit);
    return hasWord ? Optional.of(new Quote(start, end, code, claimStart, claimEnd)) : Optional.empty();
  }

  /**
   * The opening mark that pairs with the closing mark at {@code close}, scanning back no further
   * than {@code floor}; quotes nested inside count as balanced pairs, and when the marks do not
   * balance the nearest opening mark wins. -1 when there is none.
   */
  private static int opening(String text, int floor, int close) {
    boolean single = SINGLE_CLOSE.indexOf(text.charAt(close)) >= 0;
    String opens = single ? SINGLE_OPEN : DOUBLE_OPEN;
    String closes = single ? SINGLE_CLOSE : DOUBLE_CLOSE;
    int depth = 0;
    int nearest = -1;
    for (int j = close - 1; j >= Math.max(floor, close - MAX_QUOTE); j--) {
      char c = text.charAt(j);
      if (opens.indexOf(c) >= 0 && isOpening(text, j)) {
        if (depth == 0) {
          return j;
        }
        nearest = nearest < 0 ? j : nearest;
        depth--;
      } else if (closes.indexOf(c) >= 0 && isClosing(text, j)) {
        depth++;
      }
    }
    // unbalanced: a plural possessive (PCNs’ role) looked like a closing mark
    return nearest;
  }

  /** A quote mark that opens: at a word start, never an apostrophe between letters. */
  static boolean isOpening(String text, int j) {
    char c = text.charAt(j);
    if (c == '“' || c == '‘' || c == '«') {
      return true;
    }
    if (c != '"' && c != '\'') {
      return false;
    }
    boolean before = j == 0 || Character.isWhitespace(text.charAt(j - 1)) || "([{—–:".indexOf(text.charAt(j - 1)) >= 0;
    boolean after = j + 1 < text.length() && !Character.isWhitespace(text.charAt(j + 1));
    return before && after;
  }

  /** A quote mark that closes: after a word, and not inside one (an apostrophe). */
  static boolean isClosing(String text, int j) {
    char c = text.charAt(j);
    if (c == '”' || c == '»') {
      return true;
    }
    boolean before = j > 0 && !Character.isWhitespace(text.charAt(j - 1));
    boolean after = j + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(j + 1));
    return before && after;
  }

  /** A dash that can open an attribution: first in the paragraph, or after a space or a closing quote mark. */
  private static boolean dashStart(String text, int from, int i) {
    if (i == from) {
      return true;
    }
    char before = text.charAt(i - 1);
    return Character.isWhitespace(before) || (DOUBLE_CLOSE + SINGLE_CLOSE).indexOf(before) >= 0 && isClosing(text, i - 1);
  }

  /** True when a closing quote mark comes right before {@code i}, spaces aside. */
  private static boolean afterClosingMark(String text, int floor, int i) {
    int k = i - 1;
    while (k >= floor && (text.charAt(k) == ' ' || text.charAt(k) == '\u00A0')) {
      k--;
    }
    return k >= floor && (DOUBLE_CLOSE + SINGLE_CLOSE).indexOf(text.charAt(k)) >= 0 && isClosing(text, k);
  }

  /** True when only punctuation and spaces follow {@code i} in the paragraph. */
  private static boolean atEnd(String text, int i, int to) {
    for (int j = i; j < to; j++) {
      char c = text.charAt(j);
      if (!Character.isWhitespace(c) && ".,;".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Index of the bracket closing the one at {@code open}, counting nested brackets; -1 if none
   * within {@link #MAX_ATTRIBUTION} chars.
   */
  static int matching(String text, int open, int to) {
    int depth = 0;
    for (int j = open; j < Math.min(to, open + MAX_ATTRIBUTION); j++) {
      char c = text.charAt(j);
      if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        depth--;
        if (depth == 0) {
          return j;
        }
      }
    }
    return -1;
  }
}
