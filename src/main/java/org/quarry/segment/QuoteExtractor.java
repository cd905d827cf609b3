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
 * optionally after a role ({@code (practice manager, P07)}) or before a gloss ({@code (P07,
 * practice manager)}, {@code (IDNS1.14 [ID number …])}). A code that follows neither a closing
 * quote mark nor ends a paragraph is an example or a reference, not an attribution ({@code (eg,
 * [N710cg])}). Lowercase page references ({@code (p4)}) are not codes. A code may also follow a
 * dash instead of brackets ({@code '…' — P07}, {@code — [P07]}): see {@link DashAttribution}.
 *
 * <p>One code after several quoted fragments attributes each of them: fragments joined by {@code
 * and}, a comma or nothing, and fragments of three words or more earlier in the same sentence
 * ({@code "a" as they may "b" and "c" (P005)}).
 */
public final class QuoteExtractor {
  static final String CODE =
      "(?:[A-Za-z]{1,8}[-_]?[0-9][A-Za-z0-9]*(?:[.×_/-][A-Za-z0-9]+)*"
          + "|(?:Participant|Interviewee|Respondent|Informant|Patient|Pt|Case|Subject|Expert|Interview)\\.?\\s+#?[A-Za-z]?[0-9]+[A-Za-z]?"
          // a code printed with spaces: SP c 10, GP 7, FG 2
          + "|[A-Z]{1,4}(?: [a-z]{1,2})? [0-9]{1,3}(?![0-9]))";
  private static final Pattern ATTRIBUTION =
      Pattern.compile(
          "\\s*(?:[\\p{L}][\\p{L} '’-]{0,40}[,;]\\s*)?("
              + CODE
              + ")\\s*(?:([,;:–—-][^\\[\\]()]*)|\\[[^\\[\\]]*\\])?\\s*");
  private static final Pattern PAGE_REFERENCE = Pattern.compile("p{1,2}[0-9]+");
  private static final Pattern REFERENCE =
      Pattern.compile("(?i)\\b(?:doi|pmid|pmcid|medline|isbn|issn|https?|www)\\b");

  /** Longest bracketed attribution looked at: a code and its gloss are short. */
  private static final int MAX_ATTRIBUTION = 200;

  /** Longest stretch of narrative between fragments that share one code. */
  private static final int MAX_SHARED_GAP = 120;

  /** Fewest words of a fragment that shares a later code across narrative words. */
  private static final int MIN_SHARED_WORDS = 3;

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
    if (REFERENCE.matcher(bracketed).find()) {
      return Optional.empty(); // a reference list's [doi: 10.1093/jamia/ocy072]
    }
    Matcher m = ATTRIBUTION.matcher(bracketed);
    if (!m.matches()) {
      return GlossedCode.of(bracketed);
    }
    String code = m.group(1).replaceAll("\\s+", " ");
    if (PAGE_REFERENCE.matcher(code).matches() || NotParticipant.is(code)) {
      return Optional.empty();
    }
    return Optional.of(GlossedCode.withinGroup(code, m.group(2)));
  }

  /** The quotes in the paragraph {@code text[from, to)}, in order, not overlapping. */
  public List<Quote> find(String text, int from, int to) {
    List<Quote> out = new ArrayList<>();
    int floor = from;
    // an extract without quote marks may follow another in one paragraph (GROBID joins them)
    boolean lastUnmarked = false;
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (DashAttribution.isDash(c) && dashStart(text, from, i)) {
        Optional<DashAttribution.Found> dash =
            DashAttribution.at(text, i, to, afterClosingMark(text, floor, i));
        Optional<Quote> quote = Optional.empty();
        if (dash.isPresent()) {
          DashAttribution.Found d = dash.get();
          quote = quoteBefore(text, floor, d.dash(), d.end(), to, d.code(), from, lastUnmarked);
        }
        if (quote.isPresent()) {
          floor = add(text, floor, quote.get(), out);
          lastUnmarked = unmarked(text, quote.get());
          i = floor;
        } else {
          i++;
        }
        continue;
      }
      if (isOpeningMark(text, i)) {
        Optional<Quote> spoken = spokenQuote(text, floor, i, to);
        if (spoken.isPresent()) {
          floor = add(text, floor, spoken.get(), out);
          lastUnmarked = false;
          i = floor;
          continue;
        }
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
      String inside = text.substring(i + 1, close);
      Optional<String> code = participantCode(inside);
      int lead = i;
      if (code.isEmpty()) {
        lead = dashBefore(text, floor, i); // "…" -[Marie]
        if (afterClosingMark(text, floor, lead)) {
          code = Pseudonym.inBrackets(inside); // "…" [Anna]
        }
      }
      if (code.isEmpty()) {
        i++; // a gloss or aside may hold the code: (eg, [N710cg])
        continue;
      }
      Optional<Quote> quote =
          quoteBefore(text, floor, lead, close + 1, to, code.get(), from, lastUnmarked);
      if (quote.isPresent()) {
        floor = add(text, floor, quote.get(), out);
        lastUnmarked = unmarked(text, quote.get());
      }
      i = close + 1;
    }
    return out;
  }

  /**
   * Adds {@code q}, and before it an earlier quote with no code of its own that shares {@code q}'s
   * ({@code "…" and "…" (P3)}); returns the new floor.
   */
  private static int add(String text, int floor, Quote q, List<Quote> out) {
    if (!unmarked(text, q)) {
      List<Quote> earlier = new ArrayList<>();
      Optional<Quote> shared = sharing(text, floor, q);
      shared.ifPresent(earlier::add);
      for (Optional<Quote> e = sameSentence(text, floor, shared.orElse(q));
          e.isPresent();
          e = sameSentence(text, floor, e.get())) {
        earlier.add(0, e.get());
      }
      out.addAll(earlier);
    }
    out.add(q);
    return q.claimEnd();
  }

  /**
   * A quoted fragment earlier in the sentence of {@code q}, with no code of its own, when the
   * narrative between them is short and has no bracket, colon or sentence end: one code after
   * several fragments attributes them all ({@code "a" as they may "b" and "c" (P005)}). A fragment
   * of fewer than {@value #MIN_SHARED_WORDS} words is more likely the authors' scare quotes.
   */
  private static Optional<Quote> sameSentence(String text, int floor, Quote q) {
    int k = q.claimStart() - 1;
    int limit = Math.max(floor, q.claimStart() - MAX_SHARED_GAP);
    while (k >= limit && !isCloseMark(text.charAt(k))) {
      char c = text.charAt(k);
      if ("()[]:;!?\n".indexOf(c) >= 0
          || DOUBLE_OPEN.indexOf(c) >= 0 && isOpening(text, k)
          || c == '.' && k + 1 < text.length() && Character.isWhitespace(text.charAt(k + 1))) {
        return Optional.empty();
      }
      k--;
    }
    if (k < limit || !isClosing(text, k) || k + 1 == q.claimStart()) {
      return Optional.empty();
    }
    int open = opening(text, floor, k);
    if (open < 0) {
      return Optional.empty();
    }
    long words = text.substring(open + 1, k).strip().split("\\s+").length;
    if (words < MIN_SHARED_WORDS) {
      return Optional.empty();
    }
    return words(text, open + 1, k, q.participant(), open, k + 1);
  }

  /**
   * The quote just before {@code q}, joined to it by nothing but a comma or {@code and}, if any.
   */
  private static Optional<Quote> sharing(String text, int floor, Quote q) {
    int k = q.claimStart() - 1;
    while (k >= floor
        && (Character.isWhitespace(text.charAt(k)) || ",;".indexOf(text.charAt(k)) >= 0)) {
      k--;
    }
    String joint = text.substring(Math.max(floor, k - 3), k + 1);
    if (joint.endsWith(" and") || joint.endsWith(" or")) {
      k -= joint.endsWith(" and") ? 3 : 2;
      while (k >= floor
          && (Character.isWhitespace(text.charAt(k)) || ",;".indexOf(text.charAt(k)) >= 0)) {
        k--;
      }
    }
    if (k < floor || !isCloseMark(text.charAt(k)) || !isClosing(text, k)) {
      return Optional.empty();
    }
    int open = opening(text, floor, k);
    if (open < 0) {
      return Optional.empty();
    }
    return words(text, open + 1, k, q.participant(), open, q.claimStart());
  }

  /** True when {@code q} is an extract without quote marks. */
  private static boolean unmarked(String text, Quote q) {
    char c = text.charAt(q.claimStart());
    return (DOUBLE_OPEN + SINGLE_OPEN).indexOf(c) < 0;
  }

  /**
   * A quote from the opening mark at {@code open} whose speaker the narrative names: before it
   * ({@code P4 explained: "…"}) or after its closing mark ({@code "…," P8 said}). A quote with a
   * bracketed code after it is left to that code.
   */
  private static Optional<Quote> spokenQuote(String text, int floor, int open, int to) {
    int close = closingFor(text, open, to);
    if (close < 0) {
      return Optional.empty();
    }
    int next = close + 1;
    while (next < to && (Character.isWhitespace(text.charAt(next)) || text.charAt(next) == ',')) {
      next++;
    }
    if (next < to
        && (text.charAt(next) == '('
            || text.charAt(next) == '['
            || DashAttribution.isDash(text.charAt(next)))) {
      return Optional.empty();
    }
    Optional<NarrativeAttribution.Speaker> after = NarrativeAttribution.after(text, close, to);
    if (after.isPresent()) {
      return words(text, open + 1, close, after.get().participant(), open, after.get().end());
    }
    Optional<String> before = NarrativeAttribution.before(text, floor, open);
    return before.flatMap(code -> words(text, open + 1, close, code, open, close + 1));
  }

  /**
   * The closing mark of the quote opened at {@code open}, nested quotes of the other kind aside; -1
   * if none.
   */
  static int closingFor(String text, int open, int to) {
    boolean single = SINGLE_OPEN.indexOf(text.charAt(open)) >= 0;
    String closes = single ? SINGLE_CLOSE : DOUBLE_CLOSE;
    for (int j = open + 1; j < Math.min(to, open + MAX_QUOTE); j++) {
      if (closes.indexOf(text.charAt(j)) >= 0 && isClosing(text, j)) {
        return j;
      }
    }
    return -1;
  }

  static boolean isOpeningMark(String text, int i) {
    return (DOUBLE_OPEN + SINGLE_OPEN).indexOf(text.charAt(i)) >= 0 && isOpening(text, i);
  }

  private static boolean isCloseMark(char c) {
    return DOUBLE_CLOSE.indexOf(c) >= 0 || SINGLE_CLOSE.indexOf(c) >= 0;
  }

  private static Optional<Quote> quoteBefore(
      String text,
      int floor,
      int codeStart,
      int codeEnd,
      int to,
      String code,
      int paragraphStart,
      boolean lastUnmarked) {
    int k = layoutBefore(text, floor, codeStart - 1);
    if (k < floor) {
      return Optional.empty();
    }
    // "…," a surgeon (P6) envisioned: the role between the quote and its code is narrative
    int role = NarrativeAttribution.closingBeforeRole(text, floor, k, codeEnd, to);
    if (role >= 0) {
      k = role;
    }
    char mark = text.charAt(k);
    boolean closed = isCloseMark(mark);
    int wordsEnd = closed ? k : k + 1;
    int open = closed ? opening(text, floor, k) : -1;
    if (open < 0) {
      open = unclosedOpening(text, floor, k, closed);
    }
    if (open >= 0) {
      return words(text, open + 1, wordsEnd, code, open, codeEnd);
    }
    // an extract without quote marks: it ends a sentence, and its code ends the paragraph or a
    // sentence follows ("(P004) for users" is an inline citation of a code, not an extract's end)
    // a code on a line of its own, or after a Markdown block quote, ends an extract however its
    // last sentence ends
    boolean ownLine =
        text.substring(k + 1, codeStart).indexOf('\n') >= 0 || text.charAt(paragraphStart) == '>';
    boolean speechEnds = closed || ownLine || ".?!…)]".indexOf(mark) >= 0;
    boolean stretchStarts = floor == paragraphStart || lastUnmarked;
    if (!speechEnds || !stretchStarts || !extractEnds(text, codeEnd, to)) {
      return Optional.empty();
    }
    int start = floor;
    // a Markdown block quote's '>' is layout, not words
    while (start < wordsEnd
        && (Character.isWhitespace(text.charAt(start))
            || text.charAt(start) == '>'
            || isOpening(text, start))) {
      start++;
    }
    int speech = LeadIn.end(text, start, wordsEnd);
    return words(text, speech, wordsEnd, code, speech > start ? speech : floor, codeEnd);
  }

  /**
   * An opening mark that starts the stretch before a code and is never closed, or closed by a mark
   * of the other kind ({@code "…which is good ("T", female, 49, FG1)}, {@code '…what you want"
   * (J)}); a straight mark with spaces on both sides counts (an opening mark alone on its line in
   * PDF text). -1 when there is none.
   */
  private static int unclosedOpening(String text, int floor, int k, boolean closed) {
    int o = floor;
    while (o < k && (Character.isWhitespace(text.charAt(o)) || text.charAt(o) == '>')) {
      o++;
    }
    char c = text.charAt(o);
    boolean spaced =
        (c == '"' || c == '\'')
            && o + 1 < text.length()
            && Character.isWhitespace(text.charAt(o + 1));
    if (o >= k || !(isOpeningMark(text, o) || spaced)) {
      return -1;
    }
    boolean single = SINGLE_OPEN.indexOf(c) >= 0;
    String closes = single ? SINGLE_CLOSE : DOUBLE_CLOSE;
    for (int j = o + 1; j < (closed ? k : k + 1); j++) {
      if (closes.indexOf(text.charAt(j)) >= 0 && isClosing(text, j)) {
        return -1; // closed inside: a quoted phrase in narrative, not the quote the code ends
      }
    }
    return o;
  }

  /**
   * True when only punctuation follows {@code i} in the paragraph, or a new sentence or bracket.
   */
  private static boolean extractEnds(String text, int i, int to) {
    int j = i;
    while (j < to
        && (Character.isWhitespace(text.charAt(j)) || ".,;".indexOf(text.charAt(j)) >= 0)) {
      j++;
    }
    return j >= to || !Character.isLowerCase(text.charAt(j));
  }

  /**
   * The last index at or before {@code k} that is not layout: spaces, line ends, and the {@code >}
   * markers a Markdown block quote puts at the start of its lines ({@code > [P3]} on a line of its
   * own).
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
        while (j >= floor
            && (text.charAt(j) == '>' || text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
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

  private static Optional<Quote> words(
      String text, int start, int end, String code, int claimStart, int claimEnd) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    boolean hasWord = text.substring(start, end).codePoints().anyMatch(Character::isLetterOrDigit);
    return hasWord
        ? Optional.of(new Quote(start, end, code, claimStart, claimEnd))
        : Optional.empty();
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
    return nearest >= 0 ? nearest : spacedOpening(text, floor, close, opens);
  }

  /**
   * A straight opening mark with a space after it, as PDF text prints a mark that stood alone on
   * its line ({@code wards: " We wait…"}): after a colon, a line end or the paragraph's start, with
   * no other mark of its kind before {@code close}. -1 when there is none.
   */
  private static int spacedOpening(String text, int floor, int close, String opens) {
    for (int j = close - 1; j >= Math.max(floor, close - MAX_QUOTE); j--) {
      char c = text.charAt(j);
      if (opens.indexOf(c) >= 0 || DOUBLE_CLOSE.indexOf(c) >= 0 && c != '"') {
        if ((c == '"' || c == '\'')
            && j + 1 < close
            && Character.isWhitespace(text.charAt(j + 1))) {
          int b = j - 1;
          while (b >= floor && Character.isSpaceChar(text.charAt(b))) {
            b--;
          }
          return b < floor || text.charAt(b) == ':' || text.charAt(b) == '\n' ? j : -1;
        }
        return -1;
      }
    }
    return -1;
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
    boolean before =
        j == 0
            || Character.isWhitespace(text.charAt(j - 1))
            || "([{—–:".indexOf(text.charAt(j - 1)) >= 0;
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

  /**
   * A dash that can open an attribution: first in the paragraph, or after a space or a closing
   * quote mark.
   */
  private static boolean dashStart(String text, int from, int i) {
    if (i == from) {
      return true;
    }
    char before = text.charAt(i - 1);
    return Character.isWhitespace(before)
        || (DOUBLE_CLOSE + SINGLE_CLOSE).indexOf(before) >= 0 && isClosing(text, i - 1);
  }

  /**
   * The dash just before the bracket at {@code i}, spaces aside ({@code -[Marie]}), or {@code i}
   * when there is none.
   */
  private static int dashBefore(String text, int floor, int i) {
    int k = i - 1;
    while (k >= floor && Character.isSpaceChar(text.charAt(k))) {
      k--;
    }
    int dash = k;
    while (dash >= floor && i - dash <= 4 && DashAttribution.isDash(text.charAt(dash))) {
      dash--;
    }
    return dash < k
            && (dash < floor
                || Character.isWhitespace(text.charAt(dash))
                || isCloseMark(text.charAt(dash)))
        ? dash + 1
        : i;
  }

  /** True when a closing quote mark comes right before {@code i}, spaces aside. */
  private static boolean afterClosingMark(String text, int floor, int i) {
    int k = i - 1;
    // a line end counts: a paragraph a page break split may end with the mark and open with the
    // code
    while (k >= floor && Character.isWhitespace(text.charAt(k))) {
      k--;
    }
    if (k < floor || (DOUBLE_CLOSE + SINGLE_CLOSE).indexOf(text.charAt(k)) < 0) {
      return false;
    }
    // PDF text may put a space before the closing mark (themselves. " [Anna]): a straight mark
    // with only spaces before a bracket closes whatever comes before it
    return isClosing(text, k) || k + 1 < i && (text.charAt(k) == '"' || text.charAt(k) == '\'');
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
