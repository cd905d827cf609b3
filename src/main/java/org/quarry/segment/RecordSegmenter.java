package org.quarry.segment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.Span;

/**
 * Splits a file of free-text records (patient feedback, survey answers, web comments exported as
 * text) into one {@link PassageKind#RESPONSE} passage per record.
 *
 * <p>Each record is a header line naming it, then its text up to the next header:
 *
 * <pre>
 * Comment 1
 * Temperature in theatre a little low.
 *
 * Response #4
 * First paragraph.
 *
 * Second paragraph of the same response.
 * </pre>
 *
 * <p>A header line holds only one word (the label: {@code Comment}, {@code Response}, {@code
 * Respondent}, optionally followed by {@code #} or {@code No.}), a separator of spaces, {@code #}
 * or {@code :}, and an id with a digit in it ({@code 17}, {@code R-204}, {@code A12}), perhaps then
 * a colon. The passage's participant is the id as written and its section is null: the label names
 * the kind of record, not a question the text answers (a survey export's section), and is the same
 * for every record. Its text runs from the line after the header to the last non-blank line before
 * the next header, blank lines inside included; a header with no text is no passage. Text before
 * the first header is segmented as a paper would be ({@link PaperSegmenter}).
 */
public final class RecordSegmenter implements Segmenter {
  /**
   * Headers needed before a file is taken for records: two could be a paper's "Table 1", "Table 2".
   */
  private static final int MIN_HEADERS = 3;

  /** Share of a file's blocks that must start with a header, in percent. */
  private static final int MIN_HEADED_PERCENT = 80;

  /** Longer lines are never headers; checked before the pattern, which runs on every line. */
  private static final int MAX_HEADER_CHARS = 60;

  private static final String ID =
      "(?=[\\p{L}\\p{N}._/-]*\\p{N})[\\p{L}\\p{N}]+(?:[-_./][\\p{L}\\p{N}]+)*";

  // the separator is required: "Comment12" is one word, not a label and an id
  private static final Pattern HEADER =
      Pattern.compile(
          "(?<label>\\p{L}+)(?:[ \\t]*(?:(?i:no)\\.|#)[ \\t#:]*|[ \\t#:]+)(?<id>"
              + ID
              + ")[ \\t]*:?");

  private final Segmenter papers = new PaperSegmenter();

  /**
   * Whether {@code source} is a file of records: at least three header lines, and at least 80% of
   * its blocks (runs of lines between blank lines) start with a header, all with the same label
   * (case aside), so that a mixture of "Table 1", "Figure 2" and "Step 3" lines is no record file.
   * Speaker-labelled transcripts must be told apart first ({@link
   * TranscriptSegmenter#looksLikeTranscript}): a bare {@code Respondent 4:} line is both.
   */
  public static boolean looksLikeRecords(Source source) {
    return !headers(source.text()).isEmpty();
  }

  @Override
  public List<Passage> segment(Source source) {
    String text = source.text();
    List<Header> headers = headers(text);
    List<Passage> out = new ArrayList<>();
    int firstHeader = headers.isEmpty() ? text.length() : headers.get(0).line().start();
    out.addAll(preamble(source, firstHeader));
    for (int k = 0; k < headers.size(); k++) {
      Header h = headers.get(k);
      int to = k + 1 < headers.size() ? headers.get(k + 1).line().start() : text.length();
      record(source, h, Math.min(h.line().end() + 1, to), to).ifPresent(out::add);
    }
    return out;
  }

  /** The passage of the record {@code h} whose text lies in {@code [from, to)}, unless blank. */
  private static Optional<Passage> record(Source source, Header h, int from, int to) {
    String text = source.text();
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    if (from == to) {
      return Optional.empty();
    }
    Span span = source.offsets().toOriginal(from, to);
    return Optional.of(
        Passage.of(
            source.id(),
            PassageKind.RESPONSE,
            h.id(),
            null,
            span.start(),
            span.end(),
            text.substring(from, to)));
  }

  /** The passages of the text before the first header (a title, an export note), as in a paper. */
  private List<Passage> preamble(Source source, int end) {
    if (source.text().substring(0, end).isBlank()) {
      return List.of();
    }
    int[] origin = new int[end + 1];
    for (int i = 0; i <= end; i++) {
      origin[i] = source.offsets().toOriginal(i);
    }
    Source head =
        new Source(
            source.id(),
            source.path(),
            source.kind(),
            source.text().substring(0, end),
            OffsetMap.of(origin),
            source.contentHash(),
            source.metadata());
    return papers.segment(head);
  }

  /**
   * The record headers of {@code text} in order, or none when it is no record file. The label is
   * the one most blocks start with, and blocks starting with another label's header count against
   * it; once the file is a record file, every line with a header of that label starts a record,
   * inside a block too: records need not be set apart by blank lines.
   */
  private static List<Header> headers(String text) {
    List<Line> lines = lines(text);
    int blocks = 0;
    Map<String, Integer> headedBy = new HashMap<>();
    boolean inBlock = false;
    for (Line line : lines) {
      if (line.blank(text)) {
        inBlock = false;
        continue;
      }
      if (!inBlock) {
        blocks++;
        header(text, line).ifPresent(h -> headedBy.merge(h.label(), 1, Integer::sum));
      }
      inBlock = true;
    }
    String label = null;
    int headed = 0;
    for (Map.Entry<String, Integer> e : headedBy.entrySet()) {
      if (e.getValue() > headed) {
        label = e.getKey();
        headed = e.getValue();
      }
    }
    if (label == null || headed * 100 < blocks * MIN_HEADED_PERCENT) {
      return List.of();
    }
    List<Header> headers = new ArrayList<>();
    for (Line line : lines) {
      Optional<Header> h = header(text, line);
      if (h.isPresent() && h.get().label().equals(label)) {
        headers.add(h.get());
      }
    }
    return headers.size() >= MIN_HEADERS ? headers : List.of();
  }

  /** The header on {@code line}, if the whole line is one. */
  private static Optional<Header> header(String text, Line line) {
    int s = line.start();
    int e = line.end();
    while (s < e && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    if (e - s > MAX_HEADER_CHARS || s == e) {
      return Optional.empty();
    }
    Matcher m = HEADER.matcher(text).region(s, e);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Header(line, m.group("label").toLowerCase(Locale.ROOT), m.group("id")));
  }

  private static List<Line> lines(String text) {
    List<Line> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int end = text.indexOf('\n', i);
      if (end < 0) {
        end = text.length();
      }
      out.add(new Line(i, end));
      i = end + 1;
    }
    return out;
  }

  /** A line {@code [start, end)} of the text, without its line end. */
  private record Line(int start, int end) {
    boolean blank(String text) {
      for (int i = start; i < end; i++) {
        if (!Character.isWhitespace(text.charAt(i))) {
          return false;
        }
      }
      return true;
    }
  }

  /** A header line: its label, lowercased, and the record's id as written. */
  private record Header(Line line, String label, String id) {}
}
