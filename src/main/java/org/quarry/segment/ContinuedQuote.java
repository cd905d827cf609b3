package org.quarry.segment;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds where a quote that runs over several paragraphs begins, given the quote that opens its last
 * paragraph (the one with the participant code).
 *
 * <p>Three layouts are recognised, each from a sign in the paper itself, so that a narrative
 * paragraph before a quote is never taken into it:
 *
 * <ul>
 *   <li><b>quote marks</b>: the last paragraph's words end with a closing mark. Each earlier
 *       paragraph of the quote opens with an opening mark of the same kind that is not closed
 *       before the paragraph ends (the usual convention leaves the closing mark out; a mark closing
 *       the whole paragraph is allowed too), the first may follow a lead-in ending with a colon
 *       ({@code She said: 'We …}). When the last paragraph has no opening mark of its own, up to
 *       {@value #MAX_UNMARKED} paragraphs without marks may come between it and the opening one
 *       (renderings that open only the first paragraph).
 *   <li><b>Markdown block quote</b>: the paragraphs of one {@code >} block, separated by {@code >}
 *       lines only.
 *   <li><b>indented extract</b>: paragraphs indented like the last one, after a paragraph indented
 *       less (a section's first paragraphs, or text where every paragraph is indented, have nothing
 *       to tell an extract from narrative, and are left alone).
 * </ul>
 *
 * <p>A paragraph with a quote of its own, a heading, or one ending in a colon (a lead-in) ends the
 * search.
 */
final class ContinuedQuote {
  /** Unmarked paragraphs allowed between an opening paragraph and the last one. */
  static final int MAX_UNMARKED = 3;

  /** Paragraphs of one quote at most: a longer run is more likely a misreading than an extract. */
  static final int MAX_PARAGRAPHS = 8;

  private static final int MIN_INDENT = 2;

  /** An answer or filler that opens speech, then a stop or comma. */
  private static final Pattern SPOKEN_OPENING =
      Pattern.compile(
          "(?:Yes|Yeah|Yah|No|Nope|Well|Okay|OK|Ok|Hmm+|Um+|Uh+|Ah+|Oh|Mm+|Erm)[.,!…]+\\s");

  private ContinuedQuote() {}

  /**
   * Where a quote begins.
   *
   * @param block index of its first paragraph
   * @param claimStart the first char it owns: its opening mark or the paragraph's start
   * @param start its first word
   */
  record Start(int block, int claimStart, int start) {}

  /**
   * The start of the quote {@code q}, the first quote found in paragraph {@code last}, when it
   * began in an earlier paragraph; empty when it begins in {@code last} itself.
   *
   * @param found the quotes of every paragraph, by index
   */
  static Optional<Start> of(
      String text,
      List<PaperSegmenter.Block> blocks,
      List<List<QuoteExtractor.Quote>> found,
      int last,
      QuoteExtractor.Quote q) {
    PaperSegmenter.Block b = blocks.get(last);
    int content = contentStart(text, b.start(), b.end());
    if (q.claimStart() > content) {
      return Optional.empty(); // narrative comes before the quote in its paragraph
    }
    int close = nextNonSpace(text, q.end(), b.end());
    boolean closed = close < b.end() && isMark(text, close, true);
    Optional<Start> start = Optional.empty();
    if (closed) {
      boolean single = QuoteExtractor.SINGLE_CLOSE.indexOf(text.charAt(close)) >= 0;
      boolean opened = isMark(text, content, false);
      start = byQuoteMarks(text, blocks, found, last, single, !opened);
    }
    if (start.isEmpty() && text.charAt(b.start()) == '>') {
      start = byBlockQuote(text, blocks, found, last);
    }
    if (start.isEmpty() && indent(text, b.start()) >= MIN_INDENT) {
      start = byIndent(text, blocks, found, last);
    }
    if (start.isEmpty() && !closed && !isMark(text, content, false) && last > 0) {
      start = bySpokenOpening(text, blocks.get(last - 1), found.get(last - 1), last - 1);
    }
    return start;
  }

  /**
   * An extract without quote marks whose first paragraph opens as speech does, with an answer or a
   * filler ({@code Yes. The messages…}, {@code Well, I…}): the paper's own paragraphs never do, so
   * that paragraph is the extract's first.
   */
  private static Optional<Start> bySpokenOpening(
      String text, PaperSegmenter.Block p, List<QuoteExtractor.Quote> quotes, int k) {
    if (!candidate(text, p, quotes) || text.charAt(p.start()) == '>') {
      return Optional.empty();
    }
    int content = contentStart(text, p.start(), p.end());
    if (!SPOKEN_OPENING.matcher(text).region(content, p.end()).lookingAt()
        || Marks.of(text, p.start(), p.end(), false).any()
        || text.charAt(p.end() - 1) == ':') {
      return Optional.empty();
    }
    return Optional.of(new Start(k, content, content));
  }

  private static Optional<Start> byQuoteMarks(
      String text,
      List<PaperSegmenter.Block> blocks,
      List<List<QuoteExtractor.Quote>> found,
      int last,
      boolean single,
      boolean unmarkedAllowed) {
    Start start = null;
    int unmarked = 0;
    for (int k = last - 1; k >= 0; k--) {
      if (last - k >= MAX_PARAGRAPHS) {
        return Optional.empty(); // too long a run to be one extract: no guess at where it began
      }
      PaperSegmenter.Block p = blocks.get(k);
      if (!candidate(text, p, found.get(k))) {
        break;
      }
      Marks marks = Marks.of(text, p.start(), p.end(), single);
      if (marks.opensAtStart()) {
        start = new Start(k, marks.opening(), wordStart(text, marks.opening() + 1, p.end()));
        if (unmarked > 0) {
          break; // only the first paragraph was opened: it is the start
        }
      } else if (marks.opensAfterLeadIn()) {
        start = new Start(k, marks.opening(), wordStart(text, marks.opening() + 1, p.end()));
        break;
      } else if (start == null && unmarkedAllowed && marks.unmarked() && unmarked < MAX_UNMARKED) {
        unmarked++;
      } else {
        break;
      }
    }
    return Optional.ofNullable(start);
  }

  private static Optional<Start> byBlockQuote(
      String text,
      List<PaperSegmenter.Block> blocks,
      List<List<QuoteExtractor.Quote>> found,
      int last) {
    Start start = null;
    for (int k = last - 1; k >= 0; k--) {
      if (last - k >= MAX_PARAGRAPHS) {
        return Optional.empty(); // too long a run to be one extract: no guess at where it began
      }
      PaperSegmenter.Block p = blocks.get(k);
      if (text.charAt(p.start()) != '>'
          || !candidate(text, p, found.get(k))
          || !sameBlockQuote(text, p.end(), blocks.get(k + 1).start())) {
        break;
      }
      int content = contentStart(text, p.start(), p.end());
      int words = isMark(text, content, false) ? content + 1 : content;
      start = new Start(k, p.start(), wordStart(text, words, p.end()));
    }
    return Optional.ofNullable(start);
  }

  private static Optional<Start> byIndent(
      String text,
      List<PaperSegmenter.Block> blocks,
      List<List<QuoteExtractor.Quote>> found,
      int last) {
    int depth = indent(text, blocks.get(last).start());
    Start start = null;
    for (int k = last - 1; k >= 0; k--) {
      if (last - k >= MAX_PARAGRAPHS) {
        return Optional.empty(); // too long a run to be one extract: no guess at where it began
      }
      PaperSegmenter.Block p = blocks.get(k);
      int pDepth = indent(text, p.start());
      if (pDepth < depth) {
        // the extract ends where the paper's own, less indented, paragraphs are
        return p.heading() == null ? Optional.ofNullable(start) : Optional.empty();
      }
      if (!candidate(text, p, found.get(k))) {
        return Optional.empty();
      }
      int words = isMark(text, p.start(), false) ? p.start() + 1 : p.start();
      start = new Start(k, p.start(), wordStart(text, words, p.end()));
    }
    return Optional.empty();
  }

  /**
   * A paragraph that may belong to a quote ending later: no heading, no quote of its own, no
   * lead-in.
   */
  private static boolean candidate(
      String text, PaperSegmenter.Block p, List<QuoteExtractor.Quote> quotes) {
    return p.heading() == null && quotes.isEmpty() && text.charAt(p.end() - 1) != ':';
  }

  /**
   * The quote marks of one kind in a paragraph, read left to right: where an opening mark is left
   * unclosed at the paragraph's end, and whether the paragraph has stray marks.
   */
  private record Marks(
      int content, int opening, boolean leadIn, boolean wholly, boolean stray, boolean any) {
    static Marks of(String text, int from, int to, boolean single) {
      int content = contentStart(text, from, to);
      int last = to - 1;
      // positions of open marks not yet closed; only the outermost one and the depth matter
      int outermost = -1;
      int depth = 0;
      boolean stray = false;
      boolean any = false;
      boolean wholly = false;
      int closedFirstAt = -1;
      for (int j = content; j < to; j++) {
        if (isMarkOf(text, j, false, single)) {
          any = true;
          if (depth == 0) {
            outermost = j;
          }
          depth++;
        } else if (isMarkOf(text, j, true, single)) {
          any = true;
          if (depth == 0) {
            stray = true;
            continue;
          }
          depth--;
          if (depth == 0) {
            if (outermost == content && closedFirstAt < 0) {
              closedFirstAt = j;
            }
            outermost = -1;
          }
        }
      }
      if (closedFirstAt == last && depth == 0) {
        wholly = true;
      }
      boolean leadIn = depth > 0 && outermost > content && colonBefore(text, content, outermost);
      int opening = depth > 0 ? outermost : wholly ? content : -1;
      return new Marks(content, opening, leadIn, wholly, stray, any);
    }

    /** Opens at its first word and stays open to its end, or closes exactly there. */
    boolean opensAtStart() {
      return opening == content && !stray;
    }

    /** A lead-in ending with a colon, then an opening mark left open. */
    boolean opensAfterLeadIn() {
      return leadIn && !stray;
    }

    /** No mark of this kind at all. */
    boolean unmarked() {
      return !any;
    }
  }

  private static boolean colonBefore(String text, int from, int mark) {
    int k = mark - 1;
    while (k >= from && Character.isWhitespace(text.charAt(k))) {
      k--;
    }
    return k >= from && text.charAt(k) == ':';
  }

  /** An opening (or closing) quote mark of either kind at {@code j}. */
  private static boolean isMark(String text, int j, boolean closing) {
    return isMarkOf(text, j, closing, true) || isMarkOf(text, j, closing, false);
  }

  private static boolean isMarkOf(String text, int j, boolean closing, boolean single) {
    char c = text.charAt(j);
    if (closing) {
      String marks = single ? QuoteExtractor.SINGLE_CLOSE : QuoteExtractor.DOUBLE_CLOSE;
      return marks.indexOf(c) >= 0 && QuoteExtractor.isClosing(text, j);
    }
    String marks = single ? QuoteExtractor.SINGLE_OPEN : QuoteExtractor.DOUBLE_OPEN;
    // '90s is an elision, not a quote
    boolean elision = c == '\'' && j + 1 < text.length() && Character.isDigit(text.charAt(j + 1));
    return marks.indexOf(c) >= 0 && QuoteExtractor.isOpening(text, j) && !elision;
  }

  /** True when every line between two block quote paragraphs holds a {@code >}: one block quote. */
  private static boolean sameBlockQuote(String text, int from, int to) {
    boolean marked = true; // the rest of the first paragraph's own line
    for (int j = from; j < to; j++) {
      char c = text.charAt(j);
      if (c == '\n') {
        if (!marked) {
          return false;
        }
        marked = false;
      } else if (c == '>') {
        marked = true;
      } else if (!Character.isWhitespace(c)) {
        return false;
      }
    }
    return true; // the last line's '>' starts the next paragraph
  }

  /** The first index of {@code [from, to)} after spaces and Markdown {@code >} markers. */
  static int contentStart(String text, int from, int to) {
    int i = from;
    while (i < to - 1 && (text.charAt(i) == '>' || Character.isWhitespace(text.charAt(i)))) {
      i++;
    }
    return i;
  }

  private static int wordStart(String text, int from, int to) {
    int i = from;
    while (i < to && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int nextNonSpace(String text, int from, int to) {
    int i = from;
    while (i < to && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Columns of indentation of the line holding {@code start}; a tab counts four. */
  private static int indent(String text, int start) {
    int n = 0;
    for (int j = start - 1; j >= 0 && text.charAt(j) != '\n'; j--) {
      n += text.charAt(j) == '\t' ? 4 : 1;
    }
    return n;
  }
}
