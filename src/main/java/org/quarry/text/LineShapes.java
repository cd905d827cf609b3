package org.quarry.text;

import java.util.regex.Pattern;

/**
 * What a line of text looks like, as both line joining and paper segmentation must see it: a
 * heading, a list item, a table row, a page number, a timestamp alone, a line that ends a sentence.
 * Each test takes one line, with or without its surrounding spaces.
 */
public final class LineShapes {
  private static final Pattern MARKDOWN_HEADING = Pattern.compile("^\\s*#{1,6}\\s");
  private static final Pattern NUMBERED_HEADING =
      Pattern.compile(
          "^\\s*(?:theme|section|part|chapter)\\s+\\d{1,2}\\s*[:.–—-]\\s*\\S",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern LIST_ITEM =
      Pattern.compile("^\\s*(?:[-*•►▪‣◦●■]|\\(?\\d{1,3}[.)]|\\(?[a-z]\\))\\s+");
  private static final Pattern TABLE_ROW = Pattern.compile("^\\s*\\||\\t");
  private static final Pattern PAGE_NUMBER = Pattern.compile("^\\s*\\d{1,4}\\s*$");
  private static final Pattern TIMESTAMP_ALONE =
      Pattern.compile("^\\s*[\\[(]?" + LabelGrammar.TIME + "[\\])]?\\s*$");
  private static final Pattern BRACKETED_TIMESTAMP_START =
      Pattern.compile("^\\s*[\\[(]\\d{1,2}:\\d{2}");
  // a stop, a question, an exclamation, or a colon or semicolon that closes a clause, then any
  // closing quotes and brackets
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;][\"”’')\\]]*$");

  private LineShapes() {}

  /** A Markdown ATX heading ({@code ## Findings}). */
  public static boolean isMarkdownHeading(CharSequence line) {
    return MARKDOWN_HEADING.matcher(line).find();
  }

  /**
   * A numbered theme or section heading ({@code Theme 2: workload}, {@code Section 3. Methods}).
   */
  public static boolean isNumberedHeading(CharSequence line) {
    return NUMBERED_HEADING.matcher(line).find();
  }

  /** A bulleted, numbered or lettered list item ({@code - }, {@code 2.}, {@code (b)}). */
  public static boolean isListItem(CharSequence line) {
    return LIST_ITEM.matcher(line).find();
  }

  /** A table row: a Markdown pipe row, or cells separated by tabs. */
  public static boolean isTableRow(CharSequence line) {
    return TABLE_ROW.matcher(line).find();
  }

  /** A page number alone on its line. */
  public static boolean isPageNumber(CharSequence line) {
    return PAGE_NUMBER.matcher(line).matches();
  }

  /** A timestamp alone on its line ({@code 00:01:23}, {@code [12:04]}). */
  public static boolean isTimestampAlone(CharSequence line) {
    return TIMESTAMP_ALONE.matcher(line).matches();
  }

  /** A line that starts with a bracketed timestamp ({@code [00:01:23] …}, {@code (12:04) …}). */
  public static boolean startsWithBracketedTimestamp(CharSequence line) {
    return BRACKETED_TIMESTAMP_START.matcher(line).find();
  }

  /**
   * Whether the line ends a sentence or a clause ({@code .}, {@code ?}, {@code :}, {@code ;}, then
   * closing marks).
   */
  public static boolean endsSentence(CharSequence line) {
    return SENTENCE_END.matcher(line).find();
  }
}
