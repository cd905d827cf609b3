package org.quarry.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The unit of search and coding: a quote, a narrative paragraph, or a speaker turn.
 *
 * @param id {@code source#start-end}; stable while the source text is unchanged
 * @param source the {@link Source#id()} it comes from
 * @param kind quote, narrative, turn, interviewer or response
 * @param participant the speaker's code, or null when no one is attributed; for an interviewer's
 *     turn the interviewer's label, which names the speaker but is no participant (see {@link
 *     #participantCounted()})
 * @param section the heading it sits under, or null
 * @param start first code point in the source file as read
 * @param end one past the last code point in the source file as read
 * @param text the passage's normalised words
 * @param attributes participant or file attributes to facet on (role, region, …); never null
 * @param quoted participants whose quotes the paragraph of this narrative passage holds: the
 *     authors' framing of a quote counts for its participant in the participant facet (but not in
 *     {@code participant:} queries); empty for other passages, never null
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
    Map<String, String> attributes,
    List<String> quoted) {

  public Passage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad passage offsets [" + start + ", " + end + ")");
    }
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    quoted = quoted == null ? List.of() : List.copyOf(quoted);
  }

  /** A passage that frames no quote. */
  public Passage(
      String id,
      String source,
      PassageKind kind,
      String participant,
      String section,
      int start,
      int end,
      String text,
      Map<String, String> attributes) {
    this(id, source, kind, participant, section, start, end, text, attributes, List.of());
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

  /** Who speaks the passage: its participant, or the interviewer for an interviewer's turn. */
  public String speaker() {
    return participant;
  }

  /**
   * The participant the passage counts for in the participant facet, {@code participant:} queries,
   * matrix rows and exports: its {@link #participant()}, except for an interviewer's turn, which
   * counts for nobody (interviewers are not participants).
   */
  public String participantCounted() {
    return kind == PassageKind.INTERVIEWER ? null : participant;
  }

  /** The span of the source file this passage covers. */
  public Span span() {
    return new Span(start, end);
  }

  /** The same passage with attributes added (later keys win). */
  public Passage withAttributes(Map<String, String> more) {
    var merged = new java.util.TreeMap<>(attributes);
    merged.putAll(more);
    return new Passage(id, source, kind, participant, section, start, end, text, merged, quoted);
  }

  /** The same passage with other attributes (these replace the current ones). */
  public Passage replacingAttributes(Map<String, String> newAttributes) {
    return new Passage(
        id, source, kind, participant, section, start, end, text, newAttributes, quoted);
  }

  /** The same passage framing quotes of these participants. */
  public Passage withQuoted(List<String> participants) {
    return new Passage(
        id, source, kind, participant, section, start, end, text, attributes, participants);
  }
}
