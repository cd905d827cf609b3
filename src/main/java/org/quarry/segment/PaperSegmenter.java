package org.quarry.segment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.Span;
import org.quarry.text.BlockQuoteMarkers;
import org.quarry.text.LineShapes;

/**
 * Segments a paper into sections, narrative paragraphs and participant-attributed quotes.
 *
 * <p>Works on normalised text, where one line is one paragraph, heading or list item (the
 * normaliser has joined hard-wrapped lines). Headings are Markdown heading lines, numbered theme
 * lines ({@code Theme 1: …}, also the lowercase {@code theme 1: …} of PDF text), and heading-like
 * lines: short, starting with a capital or digit, no final punctuation, and followed by a line that
 * is not heading-like itself. Headings are not passages; each passage's section is the nearest
 * heading before it, printed as in the paper with its first letter capitalised and PDF small-caps
 * artefacts ({@code IntrODuCtIOn}) put back in title case.
 *
 * <p>A paragraph that stops mid-sentence and is followed by one starting in lowercase (a page or
 * column break), with a comma, with a bracketed code then a lowercase word ({@code (P3)
 * contended}), or closing a bracket it left open ({@code (Participant 21, Social} / {@code
 * Worker)}), by a bare participant code, or by a dashed one after a quotation ({@code — P07}), is
 * one paragraph with it; a line before such a continuation is no heading, and a page number alone
 * is no paragraph. The lines of a Markdown block quote paragraph ({@code > …}) are one paragraph; a
 * line of {@code >} alone separates its paragraphs.
 *
 * <p>A quote that runs over several paragraphs ({@link ContinuedQuote}) is one {@code quote}
 * passage, from its first word to its last, attributed by the code that ends it.
 *
 * <p>Quotes (see {@link QuoteExtractor}) become {@code quote} passages covering the quoted words
 * only. Passages never overlap: the quote marks and the code belong to no passage, and the rest of
 * a paragraph holding inline quotes becomes one {@code narrative} passage for each stretch before,
 * between and after them that has a letter or digit.
 */
public final class PaperSegmenter implements Segmenter {
  private static final int MAX_HEADING_CHARS = 100;
  private static final int MAX_HEADING_WORDS = 12;
  private static final int MAX_FRAGMENT = 20;
  private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");
  private static final Pattern NUMBERED_HEADING =
      Pattern.compile(
          "^(?:theme|section|part|chapter)\\s+\\d{1,2}\\s*[:.–—-]\\s*\\S.*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern EMPHASIS = Pattern.compile("^[*_]+|[*_]+$");
  private static final Pattern CONTINUATION = Pattern.compile("^\\p{Ll}[\\p{L}'’-]*(?:[\\s,;.]|$)");

  /** A bracketed code, then a lowercase word: {@code (P3) contended}. */
  private static final Pattern CODE_GOES_ON =
      Pattern.compile("[(\\[]([^()\\[\\]]{1,60})[)\\]]\\s+\\p{Ll}");

  /** How far back a bracket left open at a paragraph's end is looked for. */
  private static final int MAX_BRACKET = 200;

  private static final Pattern MID_SENTENCE_END = Pattern.compile("\\p{Ll}[.?!]\\s");

  private final QuoteExtractor quotes = new QuoteExtractor();

  @Override
  public List<Passage> segment(Source source) {
    String text = source.text();
    List<Block> blocks = mergeBreaks(text, blocks(text));
    List<List<QuoteExtractor.Quote>> found = new ArrayList<>();
    for (Block b : blocks) {
      found.add(b.heading() == null ? quotes.find(text, b.start(), b.end()) : List.of());
    }
    introducedQuotes(text, blocks, found);
    // a quote over several paragraphs is claimed by the paragraph holding its code, the last one
    ContinuedQuote.Start[] startOf = new ContinuedQuote.Start[blocks.size()];
    int[] runEnd = new int[blocks.size()];
    for (int last = 0; last < blocks.size(); last++) {
      runEnd[last] = Math.max(runEnd[last], last);
      if (!found.get(last).isEmpty()) {
        int end = last;
        ContinuedQuote.of(text, blocks, found, last, found.get(last).get(0))
            .ifPresent(
                s -> {
                  startOf[end] = s;
                  runEnd[s.block()] = end;
                });
      }
    }
    List<Passage> out = new ArrayList<>();
    String section = null;
    int k = 0;
    while (k < blocks.size()) {
      Block b = blocks.get(k);
      if (b.heading() != null) {
        section = b.heading();
        k++;
        continue;
      }
      int last = runEnd[k];
      List<QuoteExtractor.Quote> paragraphQuotes = new ArrayList<>(found.get(last));
      ContinuedQuote.Start start = startOf[last];
      if (start != null) {
        QuoteExtractor.Quote q = paragraphQuotes.get(0);
        paragraphQuotes.set(
            0,
            new QuoteExtractor.Quote(
                start.start(), q.end(), q.participant(), start.claimStart(), q.claimEnd()));
      }
      paragraph(source, section, b.start(), blocks.get(last).end(), paragraphQuotes, out);
      k = last + 1;
    }
    return out;
  }

  /**
   * Adds the quotes that open a paragraph with no code of their own when the paragraph before ends
   * by naming their speaker ({@link NarrativeAttribution#leadingParagraph}); names count that
   * attribute some quote of the paper in brackets or in a speaker phrase.
   */
  private static void introducedQuotes(
      String text, List<Block> blocks, List<List<QuoteExtractor.Quote>> found) {
    Set<String> names = new HashSet<>();
    for (List<QuoteExtractor.Quote> qs : found) {
      for (QuoteExtractor.Quote q : qs) {
        Pseudonym.inBrackets(q.participant()).ifPresent(names::add);
      }
    }
    for (int k = 1; k < blocks.size(); k++) {
      Block b = blocks.get(k);
      Block prev = blocks.get(k - 1);
      int open = ContinuedQuote.contentStart(text, b.start(), b.end());
      List<QuoteExtractor.Quote> qs = found.get(k);
      if (b.heading() != null
          || prev.heading() != null
          || !QuoteExtractor.isOpeningMark(text, open)
          || !qs.isEmpty() && qs.get(0).claimStart() <= open) {
        continue;
      }
      Optional<String> speaker =
          NarrativeAttribution.leadingParagraph(text, prev.start(), prev.end(), names);
      if (speaker.isEmpty()) {
        continue;
      }
      int close = QuoteExtractor.closingFor(text, open, b.end());
      int end = close < 0 ? b.end() : close;
      int claimEnd = close < 0 ? b.end() : close + 1;
      if (!qs.isEmpty() && claimEnd > qs.get(0).claimStart()) {
        continue;
      }
      List<QuoteExtractor.Quote> with = new ArrayList<>();
      with.add(new QuoteExtractor.Quote(open + 1, end, speaker.get(), open, claimEnd));
      with.addAll(qs);
      found.set(k, with);
    }
  }

  /** The passages of one paragraph (or a run of paragraphs one quote spans) {@code [from, to)}. */
  private static void paragraph(
      Source source,
      String section,
      int from,
      int to,
      List<QuoteExtractor.Quote> found,
      List<Passage> out) {
    int cursor = from;
    // the authors' words around a quote frame it: they count for its participant in facets
    List<String> quoted = found.stream().map(QuoteExtractor.Quote::participant).distinct().toList();
    List<Passage> paragraph = new ArrayList<>();
    for (QuoteExtractor.Quote q : found) {
      narrative(source, section, cursor, q.claimStart(), paragraph);
      paragraph.add(
          passage(source, PassageKind.QUOTE, q.participant(), section, q.start(), q.end()));
      cursor = q.claimEnd();
    }
    narrative(source, section, cursor, to, paragraph);
    for (Passage p : paragraph) {
      out.add(p.kind() == PassageKind.NARRATIVE && !quoted.isEmpty() ? p.withQuoted(quoted) : p);
    }
  }

  /** A line of text: a heading (with its section name) or a paragraph (heading null). */
  record Block(int start, int end, String heading) {
    Block to(int newEnd) {
      return new Block(start, newEnd, null);
    }
  }

  private static List<Block> blocks(String text) {
    List<int[]> lines = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int end = text.indexOf('\n', i);
      if (end < 0) {
        end = text.length();
      }
      int s = i;
      int e = end;
      while (s < e && Character.isWhitespace(text.charAt(s))) {
        s++;
      }
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      // a page number alone is no paragraph: the paragraphs on either side of it may be one
      if (e > s
          && !BlockQuoteMarkers.onlyMarkers(text.subSequence(s, e))
          && !LineShapes.isPageNumber(text.subSequence(s, e))) {
        int[] prev = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        if (prev != null
            && BlockQuoteMarkers.quoted(text.subSequence(s, e))
            && BlockQuoteMarkers.quoted(text.subSequence(prev[0], prev[1]))
            && adjacent(text, prev[1], s)) {
          prev[1] = e; // the lines of one paragraph in a Markdown block quote
        } else {
          lines.add(new int[] {s, e});
        }
      }
      i = end + 1;
    }
    List<Block> out = new ArrayList<>();
    for (int k = 0; k < lines.size(); k++) {
      String line = text.substring(lines.get(k)[0], lines.get(k)[1]);
      String next =
          k + 1 < lines.size() ? text.substring(lines.get(k + 1)[0], lines.get(k + 1)[1]) : null;
      String afterNext =
          k + 2 < lines.size()
              ? text.substring(
                  lines.get(k + 2)[0], Math.min(lines.get(k + 2)[1], lines.get(k + 2)[0] + 64))
              : null;
      // a heading-like line that the line after it goes on from is the start of a paragraph
      boolean nextStartsParagraph =
          next != null && afterNext != null && (goesOn(afterNext) || fragment(next, afterNext));
      out.add(
          new Block(lines.get(k)[0], lines.get(k)[1], heading(line, next, nextStartsParagraph)));
    }
    return out;
  }

  /** True when only one line end lies between {@code end} and {@code start}. */
  private static boolean adjacent(String text, int end, int start) {
    int breaks = 0;
    for (int j = end; j < start; j++) {
      if (text.charAt(j) == '\n') {
        breaks++;
      }
    }
    return breaks == 1;
  }

  /**
   * The section name when {@code line} is a heading, else null; {@code nextStartsParagraph} says
   * that the line after {@code next} goes on from it, so {@code next} is no heading however it
   * looks.
   */
  static String heading(String line, String next, boolean nextStartsParagraph) {
    if (next != null && (fragment(line, next) || goesOn(next))) {
      return null; // the next line goes on with the same clause: a page break, not a section
    }
    Matcher md = MARKDOWN_HEADING.matcher(line);
    if (md.matches()) {
      String name = EMPHASIS.matcher(md.group(1).strip()).replaceAll("").strip();
      return name.isEmpty() ? null : sectionName(name);
    }
    if (line.length() <= 2 * MAX_HEADING_CHARS
        && NUMBERED_HEADING.matcher(line).matches()
        && !line.endsWith(".")) {
      return sectionName(line);
    }
    if (headingLike(line)
        && next != null
        && (nextStartsParagraph || !headingLike(next))
        && !MARKDOWN_HEADING.matcher(next).matches()) {
      return sectionName(EMPHASIS.matcher(line).replaceAll("").strip());
    }
    return null;
  }

  private static boolean headingLike(String line) {
    if (line.length() > MAX_HEADING_CHARS || line.split("\\s+").length > MAX_HEADING_WORDS) {
      return false;
    }
    int first = line.codePointAt(0);
    if (!(Character.isUpperCase(first) || Character.isDigit(first))
        || line.indexOf('\t') >= 0
        || line.indexOf('|') >= 0
        || LineShapes.isListItem(line)
        || line.lastIndexOf('[') > line.lastIndexOf(']')
        || line.lastIndexOf('(') > line.lastIndexOf(')')) {
      return false; // a bracket left open goes on in the next line
    }
    // the last lines of a quotation: its words, a closing mark or stop, and its participant's code
    if (attributedQuoteEnd(line)) {
      return false;
    }
    // a sentence ends inside it: prose (a question with an aside), not a heading; "Table 1. …" is
    // one
    if (MID_SENTENCE_END.matcher(line).find()) {
      return false;
    }
    // a record's "Label: value" line with a date, number or address is metadata, not a heading
    int colon = line.indexOf(": ");
    if (line.contains("://")
        || colon >= 0 && line.substring(colon).chars().anyMatch(Character::isDigit)) {
      return false;
    }
    return ".,;:!?".indexOf(line.charAt(line.length() - 1)) < 0;
  }

  /**
   * True when {@code line} ends with a closing quote mark or a stop, then a bracketed participant
   * code.
   */
  private static boolean attributedQuoteEnd(String line) {
    char close = line.charAt(line.length() - 1);
    int open = line.lastIndexOf(close == ')' ? '(' : '[');
    if ((close != ')' && close != ']') || open <= 0) {
      return false;
    }
    int k = open - 1;
    while (k >= 0 && Character.isWhitespace(line.charAt(k))) {
      k--;
    }
    return k >= 0
        && ".!?…\"”’'»".indexOf(line.charAt(k)) >= 0
        && QuoteExtractor.participantCode(line.substring(open + 1, line.length() - 1)).isPresent();
  }

  /**
   * A heading as printed, with a lowercase first letter raised ({@code theme 1:} from PDF text) and
   * words with small-caps extraction artefacts ({@code AbStrACt}) in title case, so the PDF and web
   * renderings of one paper name their sections alike.
   */
  static String sectionName(String heading) {
    StringBuilder out = new StringBuilder();
    for (String word : heading.split("(?<=\\s)|(?=\\s)")) {
      out.append(
          smallCapsArtefact(word)
              ? word.substring(0, 1).toUpperCase(Locale.ROOT)
                  + word.substring(1).toLowerCase(Locale.ROOT)
              : word);
    }
    String name = out.toString().strip();
    return name.isEmpty()
        ? name
        : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  /** Three or more capitals with a lowercase letter directly before one of them. */
  private static boolean smallCapsArtefact(String word) {
    long upper = word.chars().filter(Character::isUpperCase).count();
    if (upper < 3 || word.chars().noneMatch(Character::isLowerCase)) {
      return false;
    }
    for (int i = 1; i < word.length(); i++) {
      if (Character.isLowerCase(word.charAt(i - 1)) && Character.isUpperCase(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Joins paragraphs a page or column break split, and bare or dashed codes to the extract they
   * end.
   */
  private static List<Block> mergeBreaks(String text, List<Block> blocks) {
    List<Block> out = new ArrayList<>();
    for (int k = 0; k < blocks.size(); k++) {
      Block b = blocks.get(k);
      Block prev = out.isEmpty() ? null : out.get(out.size() - 1);
      Block next = k + 1 < blocks.size() ? blocks.get(k + 1) : null;
      if (prev != null
          && prev.heading() == null
          && b.heading() == null
          && (continues(text, prev, b)
              || bareCode(text, b)
              || leadingCode(text, prev, b)
              || dashedCode(text, prev, b, next)
              || fragment(
                  text.substring(prev.start(), prev.end()),
                  text.substring(b.start(), Math.min(b.end(), b.start() + 64))))) {
        out.set(out.size() - 1, prev.to(b.end()));
      } else {
        out.add(b);
      }
    }
    return out;
  }

  /**
   * A word or two that a PDF rendering split off the start of a paragraph ({@code They'd} / {@code
   * be great…}, {@code She [} / {@code My daughter] has…}, {@code It} / {@code 's just…}): short,
   * no final stop, and the next line goes on with a lowercase word, a contraction, or the bracket
   * the fragment opened.
   */
  static boolean fragment(String line, String next) {
    if (line.length() > MAX_FRAGMENT
        || line.split("\\s+").length > 3
        || next.isEmpty()
        || LineShapes.endsSentence(line)
        || NUMBERED_HEADING.matcher(next).matches()) {
      return false;
    }
    char first = next.charAt(0);
    boolean contraction =
        (first == '\'' || first == '’')
            && next.length() > 1
            && Character.isLowerCase(next.charAt(1));
    boolean bracketGoesOn =
        line.lastIndexOf('[') > line.lastIndexOf(']')
            && next.indexOf(']') >= 0
            && (next.indexOf('[') < 0 || next.indexOf(']') < next.indexOf('['));
    return Character.isLowerCase(first) || contraction || bracketGoesOn;
  }

  private static boolean continues(String text, Block prev, Block next) {
    // only the paragraph's tail matters, and a chain of merges must not rescan the whole paragraph
    String p = text.substring(Math.max(prev.start(), prev.end() - 8), prev.end());
    char last = p.charAt(p.length() - 1);
    // an ellipsis a page break split: "But.." then ".if I didn't"
    if ((p.endsWith("..") || last == '…')
        && text.startsWith(".", next.start())
        && next.start() + 1 < next.end()
        && Character.isLowerCase(text.charAt(next.start() + 1))) {
      return true;
    }
    boolean open = Character.isLetterOrDigit(last) || last == ',' || last == '-';
    if (!open || LineShapes.endsSentence(p)) {
      return false;
    }
    String head = text.substring(next.start(), Math.min(next.end(), next.start() + 64));
    String tail = text.substring(Math.max(prev.start(), prev.end() - MAX_BRACKET), prev.end());
    return goesOn(head) || CONTINUATION.matcher(head).find() || closesBracket(tail, head);
  }

  /**
   * A line that can only go on with a sentence begun before it: it opens with a comma ({@code ,
   * switching it on]…}), or with a bracketed code then a lowercase word ({@code (P3) contended
   * that…}).
   */
  private static boolean goesOn(String head) {
    if ((head.startsWith(", ") || head.startsWith("; ")) && head.length() > 2) {
      return true; // no paragraph opens with a comma: "…[taps on variable dose" / ", switching it
      // on]…"
    }
    Matcher m = CODE_GOES_ON.matcher(head);
    return m.lookingAt() && QuoteExtractor.participantCode(m.group(1)).isPresent();
  }

  /**
   * True when {@code tail} leaves a bracket open that {@code head} closes first: {@code
   * (Participant 21, Social} / {@code Worker)}.
   */
  private static boolean closesBracket(String tail, String head) {
    int open = Math.max(tail.lastIndexOf('('), tail.lastIndexOf('['));
    if (open < 0 || Math.max(tail.lastIndexOf(')'), tail.lastIndexOf(']')) > open) {
      return false;
    }
    char want = tail.charAt(open) == '(' ? ')' : ']';
    int close = head.indexOf(want);
    int reopen =
        Math.min(
            head.indexOf('(') < 0 ? Integer.MAX_VALUE : head.indexOf('('),
            head.indexOf('[') < 0 ? Integer.MAX_VALUE : head.indexOf('['));
    return close > 0 && close < reopen;
  }

  /**
   * A line {@code — P07} or {@code – Participant 7 (nurse)} after a quotation: the quote's
   * attribution. Not after a lead-in ({@code Participants:}) or before another such line, where the
   * dashes are a list of codes.
   */
  private static boolean dashedCode(String text, Block prev, Block b, Block next) {
    if (!DashAttribution.isDash(text.charAt(markersEnd(text, b)))) {
      return false;
    }
    char last = text.charAt(prev.end() - 1);
    // a Markdown block quote is a quotation however its last sentence ends
    boolean quotationEnds = ".!?…\"”’'»".indexOf(last) >= 0 || text.charAt(prev.start()) == '>';
    boolean listFollows =
        next != null
            && next.heading() == null
            && DashAttribution.line(text, next.start(), next.end()).isPresent();
    return quotationEnds
        && !listFollows
        && DashAttribution.line(text, b.start(), b.end()).isPresent();
  }

  /** The first index of {@code b} after Markdown block quote markers ({@code > > }). */
  private static int markersEnd(String text, Block b) {
    return ContinuedQuote.contentStart(text, b.start(), b.end());
  }

  private static boolean bareCode(String text, Block b) {
    // only a bracketed block can be a code: other paragraphs are not copied or scanned
    int start = markersEnd(text, b);
    // a closing mark the PDF put on the code's line: " [Christine]
    boolean afterMark =
        (text.charAt(start) == '"' || text.charAt(start) == '”') && start + 1 < b.end();
    if (afterMark) {
      start++;
      while (start < b.end() - 1 && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      // or the mark and a dash attribution: " -[Marie]
      if (DashAttribution.isDash(text.charAt(start))) {
        Optional<String> dashed = DashAttribution.line(text, start, b.end());
        if (dashed.isPresent()) {
          return true;
        }
        int afterDash = start;
        while (afterDash < b.end() - 1
            && (DashAttribution.isDash(text.charAt(afterDash))
                || Character.isWhitespace(text.charAt(afterDash)))) {
          afterDash++;
        }
        start = afterDash;
      }
    }
    char first = text.charAt(start);
    if (first != '[' && first != '(') {
      return false;
    }
    // trailing punctuation stripped by hand: "[.,;]+$" retried every start in a run of dots
    int end = b.end();
    while (end > start && ".,;".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    String s = text.substring(start, end);
    if (s.length() < 3) {
      return false;
    }
    char open = s.charAt(0);
    char close = s.charAt(s.length() - 1);
    String inside = s.substring(1, s.length() - 1);
    return ((open == '[' && close == ']') || (open == '(' && close == ')'))
        && (QuoteExtractor.participantCode(inside).isPresent()
            || afterMark && Pseudonym.inBrackets(inside).isPresent());
  }

  /**
   * A paragraph that opens with a participant code and goes on ({@code [P1] Huh? I didn't…}) after
   * a paragraph that ends a quotation: the code attributes the quotation before it. A name in
   * brackets counts only after a closing quote mark ({@code [Christine] "it's…"}).
   */
  private static boolean leadingCode(String text, Block prev, Block b) {
    char first = text.charAt(b.start());
    if (first != '[' && first != '(') {
      return false;
    }
    int close = QuoteExtractor.matching(text, b.start(), b.end());
    if (close < 0 || close + 1 >= b.end()) {
      return false; // a code alone on its line is a bare code
    }
    String inside = text.substring(b.start() + 1, close);
    char last = text.charAt(prev.end() - 1);
    boolean quoteCloses =
        "\"”’'".indexOf(last) >= 0 && QuoteExtractor.isClosing(text, prev.end() - 1);
    if (QuoteExtractor.participantCode(inside).isPresent()) {
      return quoteCloses || ".!?…".indexOf(last) >= 0;
    }
    return quoteCloses && Pseudonym.inBrackets(inside).isPresent();
  }

  /**
   * A narrative passage for {@code [from, to)}, trimmed of spaces and stray punctuation, if a word
   * remains.
   */
  private static void narrative(
      Source source, String section, int from, int to, List<Passage> out) {
    String text = source.text();
    while (from < to
        && (Character.isWhitespace(text.charAt(from))
            || ".,;:)]".indexOf(text.charAt(from)) >= 0)) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    // a stretch without a letter is a page number, a table cell or stray punctuation
    if (text.substring(from, to).codePoints().anyMatch(Character::isLetter)) {
      out.add(passage(source, PassageKind.NARRATIVE, null, section, from, to));
    }
  }

  private static Passage passage(
      Source source, PassageKind kind, String participant, String section, int from, int to) {
    Span span = source.offsets().toOriginal(from, to);
    return Passage.of(
        source.id(),
        kind,
        participant,
        section,
        span.start(),
        span.end(),
        source.text().substring(from, to));
  }
}
