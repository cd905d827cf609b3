package org.quarry.segment;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a participant code given after a dash: {@code '…' — P07}, {@code "…" – Participant 7,
 * GP}, {@code — [P07]}, or a line {@code – Participant 7 (nurse)} after a block quote; the dash may
 * be an em dash, en dash, horizontal bar, figure dash or one to three hyphens.
 *
 * <p>A dash is an attribution only where nothing else could follow it: a bare code (no brackets)
 * must end the paragraph, or come straight after a closing quote mark and end its sentence ({@code
 * '…' — P07. Others…}). A dash inside a sentence ({@code services — it is too much}, {@code — see
 * Table 2}) is followed by words that are no code, and a dash after a word ({@code 12–18}) starts
 * nothing.
 */
final class DashAttribution {
  private static final String DASHES = "—–―‒-";

  /**
   * The text after the dash when it is a bare code ending the paragraph: a gloss in brackets may
   * follow.
   */
  private static final Pattern TRAILING_GLOSS =
      Pattern.compile("\\s*[(\\[][^()\\[\\]]{1,60}[)\\]]$");

  /** A bare code straight after a quote's dash, with an optional gloss in parentheses. */
  private static final Pattern CODE_THEN_BREAK =
      Pattern.compile("(" + QuoteExtractor.CODE + ")(?:\\s*\\([^()\\[\\]\\n]{1,60}\\))?");

  /**
   * A numbered heading that PDF text runs into the paragraph before: {@code 4.2.2.2. Service
   * design}.
   */
  private static final Pattern SECTION_NUMBER =
      Pattern.compile("[0-9]{1,2}(?:\\.[0-9]{1,2})*\\.?\\s+\\p{Lu}");

  private static final Pattern PAGE_REFERENCE = Pattern.compile("p{1,2}[0-9]+");

  /** Longest attribution after a dash; as with bracketed codes, a code and its gloss are short. */
  private static final int MAX_ATTRIBUTION = 200;

  private DashAttribution() {}

  /**
   * An attribution found after a dash.
   *
   * @param code the participant code as printed
   * @param dash index of the dash's first char
   * @param end one past the attribution (its closing bracket or last word)
   */
  record Found(String code, int dash, int end) {}

  /** True when {@code c} can be (the first char of) an attribution dash. */
  static boolean isDash(char c) {
    return DASHES.indexOf(c) >= 0;
  }

  /**
   * The attribution whose dash starts at {@code dash}, within the paragraph ending at {@code to};
   * {@code afterQuote} says whether a closing quote mark (and spaces) comes just before the dash.
   */
  static Optional<Found> at(String text, int dash, int to, boolean afterQuote) {
    int i = afterRun(text, dash, to);
    if (i < 0) {
      return Optional.empty();
    }
    while (i < to
        && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\u00A0')) {
      i++;
    }
    if (i >= to) {
      return Optional.empty();
    }
    char c = text.charAt(i);
    if (c == '[' || c == '(') {
      int close = QuoteExtractor.matching(text, i, to);
      if (close < 0) {
        return Optional.empty();
      }
      return QuoteExtractor.participantCode(text.substring(i + 1, close))
          .map(code -> new Found(code, dash, close + 1));
    }
    if (!Character.isLetter(c)) {
      return Optional.empty();
    }
    Matcher m = CODE_THEN_BREAK.matcher(text).region(i, Math.min(to, i + MAX_ATTRIBUTION));
    boolean code = m.lookingAt();
    // "'…' — P5 — and others agreed": after a quote a dash pair sets the code off, and the words
    // after it are no gloss (a line of its own, "— P5 — GP", is all attribution)
    boolean closingDash = afterQuote && code && closingDashAt(text, m.end(), to);
    Optional<Found> ending = closingDash ? Optional.empty() : endingParagraph(text, dash, i, to);
    if (ending.isPresent() || !afterQuote) {
      return ending;
    }
    // the code must end its sentence: in "'chaos' — P07 and P08 agreed" the code is a subject
    boolean sentenceEnds =
        code
            && (m.end() == to
                || closingDash
                || ".;,:!?".indexOf(text.charAt(m.end())) >= 0
                || newSentenceAt(text, m.end(), to));
    if (!sentenceEnds || PAGE_REFERENCE.matcher(m.group(1)).matches()) {
      return Optional.empty();
    }
    return Optional.of(new Found(m.group(1).replaceAll("\\s+", " "), dash, m.end()));
  }

  /**
   * The code of a paragraph that is only a dash attribution ({@code — P07}, {@code – [P07]}),
   * Markdown block quote markers aside; empty for any other paragraph.
   */
  static Optional<String> line(String text, int from, int to) {
    int i = from;
    while (i < to && (text.charAt(i) == '>' || Character.isWhitespace(text.charAt(i)))) {
      i++;
    }
    if (i >= to || !isDash(text.charAt(i))) {
      return Optional.empty();
    }
    return at(text, i, to, false)
        .filter(f -> onlyPunctuationAfter(text, f.end(), to))
        .map(Found::code);
  }

  /**
   * One past the dash run at {@code dash} (one dash, or up to three hyphens), or -1 when it is
   * none.
   */
  private static int afterRun(String text, int dash, int to) {
    char c = text.charAt(dash);
    if (!isDash(c)) {
      return -1;
    }
    int i = dash + 1;
    if (c == '-') {
      while (i < to && i - dash < 3 && text.charAt(i) == '-') {
        i++;
      }
    }
    return i < to && isDash(text.charAt(i)) ? -1 : i;
  }

  /**
   * True when spaces and then a spaced em or en dash come at {@code i}: the second of a dash pair.
   */
  private static boolean closingDashAt(String text, int i, int to) {
    int j = i;
    while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\u00A0')) {
      j++;
    }
    return j > i
        && j + 1 < to
        && "—–―".indexOf(text.charAt(j)) >= 0
        && Character.isWhitespace(text.charAt(j + 1));
  }

  /**
   * A bare code from {@code start} to the end of the paragraph, or of its sentence when more
   * sentences follow, with an optional bracketed gloss.
   */
  private static Optional<Found> endingParagraph(String text, int dash, int start, int to) {
    // a gloss ends with its sentence: in "— P09, GP. Not everyone agreed." the rest is narrative
    int limit = Math.min(to, start + 2 * MAX_ATTRIBUTION);
    int end = sentenceEnd(text, start, limit);
    // checked before trimming: every dash of a paragraph ending in a long run of dots would trim it
    if (end == limit && to - start > 2 * MAX_ATTRIBUTION) {
      return Optional.empty();
    }
    while (end > start
        && (Character.isWhitespace(text.charAt(end - 1))
            || ".,;".indexOf(text.charAt(end - 1)) >= 0)) {
      end--;
    }
    if (end - start > MAX_ATTRIBUTION) {
      return Optional.empty();
    }
    for (int j = start; j < end; j++) {
      if (isQuoteOpening(text.charAt(j)) && QuoteExtractor.isOpening(text, j)) {
        return Optional.empty(); // quoted words after the code: the quote goes on, it is no gloss
      }
    }
    String rest = text.substring(start, end);
    Matcher gloss = TRAILING_GLOSS.matcher(rest);
    String attribution = gloss.find() ? rest.substring(0, gloss.start()) : rest;
    int attributionEnd = end;
    return QuoteExtractor.participantCode(attribution)
        .map(code -> new Found(code, dash, attributionEnd));
  }

  /**
   * The first sentence end in {@code [from, to)} that more words follow ({@code . She}), or {@code
   * to}.
   */
  private static int sentenceEnd(String text, int from, int to) {
    for (int j = from; j + 2 < to; j++) {
      if (".!?".indexOf(text.charAt(j)) >= 0 && Character.isWhitespace(text.charAt(j + 1))) {
        int k = j + 1;
        while (k < to && Character.isWhitespace(text.charAt(k))) {
          k++;
        }
        if (k < to && (Character.isUpperCase(text.charAt(k)) || isQuoteOpening(text.charAt(k)))) {
          return j + 1;
        }
      }
    }
    return to;
  }

  /**
   * True when spaces and then a capital, an opening quote mark or a numbered heading come at {@code
   * i}: PDF text often loses the stop after an attribution ({@code "…" -R4 (e) Many elderly…},
   * {@code "…" -R4 (e) 4.2.2.2. Service design…}).
   */
  private static boolean newSentenceAt(String text, int i, int to) {
    int j = i;
    while (j < to && Character.isSpaceChar(text.charAt(j))) {
      j++;
    }
    return j > i
        && j < to
        && (Character.isUpperCase(text.charAt(j))
            || isQuoteOpening(text.charAt(j))
            || SECTION_NUMBER.matcher(text).region(j, Math.min(to, j + 40)).lookingAt());
  }

  private static boolean isQuoteOpening(char c) {
    return (QuoteExtractor.DOUBLE_OPEN + QuoteExtractor.SINGLE_OPEN).indexOf(c) >= 0;
  }

  private static boolean onlyPunctuationAfter(String text, int from, int to) {
    for (int j = from; j < to; j++) {
      if (!Character.isWhitespace(text.charAt(j)) && ".,;".indexOf(text.charAt(j)) < 0) {
        return false;
      }
    }
    return true;
  }
}
