package org.quarry.model;

import java.util.Objects;

/**
 * A researcher's decision on a code for a passage: accepted (the code is a human coding of the
 * passage's span, as if imported from a QDA tool) or rejected (the passage is not an example of the
 * code; a negative example for a learned suggester, and suggestion never stores the code on the
 * passage again).
 *
 * <p>A decision is kept by span, with the words it was made on, so it outlives its passage: when
 * the source's text changes, it moves to the passage that now holds the same words, and when no
 * passage does, it stays kept but no longer applies ({@link #applied()} false).
 *
 * @param source the {@link Source#id()} of the passage decided on
 * @param start first code point of the passage in the source file as read
 * @param end one past the last code point
 * @param code the code id
 * @param accepted true for accepted, false for rejected
 * @param text the passage's words when it was decided on
 * @param applied true while a passage with this span and these words is in the index, so the
 *     decision applies to it; false once the source changed or went away and no passage holds the
 *     words any more
 */
public record Decision(
    String source,
    int start,
    int end,
    String code,
    boolean accepted,
    String text,
    boolean applied) {
  public Decision {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(text, "text");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "bad decision offsets [" + start + ", " + end + ") in " + source + " for code " + code);
    }
  }

  /** The decision on {@code passage}, which applies to it. */
  public static Decision on(Passage passage, String code, boolean accepted) {
    return new Decision(
        passage.source(), passage.start(), passage.end(), code, accepted, passage.text(), true);
  }

  /** {@code source#start-end}: the id of the passage decided on. */
  public String passageId() {
    return Passage.idOf(source, start, end);
  }

  /** The span of the passage decided on. */
  public Span span() {
    return new Span(start, end);
  }

  /** The same decision moved to {@code [newStart, newEnd)}, applied or not. */
  public Decision at(int newStart, int newEnd, boolean nowApplied) {
    return new Decision(source, newStart, newEnd, code, accepted, text, nowApplied);
  }

  /** The accepted decision as the human coding it makes (score 1.0, origin human). */
  public Coding asCoding() {
    return new Coding(source, start, end, code, 1.0, CodeScore.HUMAN);
  }
}
