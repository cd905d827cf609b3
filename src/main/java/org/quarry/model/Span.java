package org.quarry.model;

/**
 * A half-open range {@code [start, end)} of Unicode code points in a source file as read.
 *
 * @param start first code point, from 0
 * @param end one past the last code point
 */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  /** Number of code points covered. */
  public int length() {
    return end - start;
  }

  /** True when the two spans share at least one code point. */
  public boolean overlaps(Span other) {
    return start < other.end && other.start < end;
  }
}
