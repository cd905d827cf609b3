package org.quarry.model;

import java.util.Map;
import java.util.Objects;

/**
 * The unit of search and coding: a quote, a narrative paragraph, or a speaker turn.
 *
 * @param id {@code source#start-end}; stable while the source text is unchanged
 * @param source the {@link Source#id()} it comes from
 * @param kind quote, narrative, turn, interviewer or response
 * @param participant the speaker's code, or null when no one is attributed
 * @param section the heading it sits under, or null
 * @param start first code point in the source file as read
 * @param end one past the last code point in the source file as read
 * @param text the passage's normalised words
 * @param attributes participant or file attributes to facet on (role, region, …); never null
 */
public record Passage(
    String id,
    String source,
    PassageKind kind,
    String participant,
    String section,
    int start,
    int end,
    String text,
    Map<String, String> attributes) {

  public Passage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad passage offsets [" + start + ", " + end + ")");
    }
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** A passage whose id is derived from its source and offsets. */
  public static Passage of(
      String source,
      PassageKind kind,
      String participant,
      String section,
      int start,
      int end,
      String text) {
    return new Passage(
        idOf(source, start, end), source, kind, participant, section, start, end, text, Map.of());
  }

  /** The id of the passage at {@code [start, end)} of {@code source}. */
  public static String idOf(String source, int start, int end) {
    return source + "#" + start + "-" + end;
  }

  /** The span of the source file this passage covers. */
  public Span span() {
    return new Span(start, end);
  }

  /** The same passage with attributes added (later keys win). */
  public Passage withAttributes(Map<String, String> more) {
    var merged = new java.util.TreeMap<>(attributes);
    merged.putAll(more);
    return new Passage(id, source, kind, participant, section, start, end, text, merged);
  }
}
