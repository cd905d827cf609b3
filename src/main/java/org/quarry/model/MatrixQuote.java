package org.quarry.model;

/**
 * A passage in a framework-matrix cell.
 *
 * @param passageId the passage's id, {@code source#start-end}
 * @param source the source id
 * @param start first code point of the passage in the source file
 * @param end one past its last code point
 * @param participant the speaker, or null
 * @param score the highest score of the codings that put it in this cell
 * @param text the passage's words
 */
public record MatrixQuote(
    String passageId,
    String source,
    int start,
    int end,
    String participant,
    double score,
    String text) {

  /** The case label of a passage with no participant (or no value of the rows' attribute). */
  public static final String NO_CASE = "(none)";

  /** {@code source#start-end}, where to find the quote. */
  public String ref() {
    return source + "#" + start + "-" + end;
  }

  /** The score with two decimals, as every renderer prints it. */
  public String scoreText() {
    return Scores.format(score, 2);
  }

  /** One line for text formats: {@code text [participant, 0.82, source#start-end]}. */
  public String line() {
    String who = participant == null ? NO_CASE : participant;
    return text + " [" + who + ", " + scoreText() + ", " + ref() + "]";
  }
}
