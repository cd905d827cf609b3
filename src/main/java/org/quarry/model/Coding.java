package org.quarry.model;

import java.util.Objects;

/**
 * A code applied to a span of a source: a human coding, or a suggestion accepted as one.
 *
 * <p>Offsets are in the same frame as {@link Passage#start()} and {@link Passage#end()}: Unicode
 * code points in the source file as read (for a source imported from REFI-QDA, the imported text as
 * Quarry keeps it).
 *
 * @param source the {@link Source#id()} (or imported source name) the span belongs to
 * @param start first code point, from 0
 * @param end one past the last code point
 * @param code the code id
 * @param score calibrated score in [0, 1]; 1.0 for a human coding
 * @param origin {@link CodeScore#SUGGESTED} or {@link CodeScore#HUMAN}
 */
public record Coding(String source, int start, int end, String code, double score, String origin) {
  /** The order codings are listed in: by source, then offset, then code. */
  public static final java.util.Comparator<Coding> ORDER =
      java.util.Comparator.comparing(Coding::source)
          .thenComparingInt(Coding::start)
          .thenComparingInt(Coding::end)
          .thenComparing(Coding::code);

  public Coding {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(origin, "origin");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "bad coding offsets [" + start + ", " + end + ") in " + source + " for code " + code);
    }
  }

  /** The span this coding covers. */
  public Span span() {
    return new Span(start, end);
  }

  /** {@code source#start-end}, the id a passage with exactly this span would have. */
  public String spanId() {
    return Passage.idOf(source, start, end);
  }
}
