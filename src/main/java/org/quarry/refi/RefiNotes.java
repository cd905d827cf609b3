package org.quarry.refi;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Quarry writes into REFI-QDA descriptions because the schema has no place for it, and reads
 * back: that a selection is a Quarry suggestion, with its score, and a code's Quarry id.
 * Descriptions are what QDA tools keep through their own export (QualCoder keeps them as memos,
 * while it mints every GUID anew), so these notes survive a round trip through a tool.
 */
final class RefiNotes {
  private static final String SUGGESTION = "Quarry suggestion, score ";
  private static final Pattern SUGGESTION_LINE =
      Pattern.compile(
          "\\A\\s*Quarry suggestion, score (0(?:\\.\\d+)?|1(?:\\.0+)?)[ \\t]*(?:\\R|\\z)");
  private static final String CODE_ID = "Quarry code id: ";
  private static final Pattern CODE_ID_LINE =
      Pattern.compile("(?:\\A|\\R)[ \\t]*Quarry code id: (\\S+)[ \\t]*\\s*\\z");

  private RefiNotes() {}

  /** The description of a suggestion's selection. */
  static String suggestion(double score) {
    return SUGGESTION + org.quarry.model.Scores.format(score, 2);
  }

  /**
   * The score of the suggestion a selection's description marks (its first line, as {@link
   * #suggestion} writes it), or empty for a person's selection: one whose description a researcher
   * cleared or rewrote in the tool is taken as theirs.
   */
  static OptionalDouble suggestionScore(String description) {
    if (description == null) {
      return OptionalDouble.empty();
    }
    Matcher m = SUGGESTION_LINE.matcher(description);
    return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
  }

  /**
   * The description written for a code: its own, then a last line with its id when an import would
   * not make that id from the code's name alone ({@link QdpxReader#slug}).
   */
  static String codeDescription(String description, String id, String name) {
    boolean plain = description == null || description.isBlank();
    if (QdpxReader.slug(name).equals(id)) {
      return plain ? null : description;
    }
    return plain ? CODE_ID + id : description.stripTrailing() + "\n\n" + CODE_ID + id;
  }

  /** The Quarry id a code's description ends with, or null. */
  static String codeId(String description) {
    if (description == null) {
      return null;
    }
    Matcher m = CODE_ID_LINE.matcher(description);
    return m.find() ? m.group(1) : null;
  }

  /**
   * The description without the id line {@link #codeDescription} added (null when nothing else was
   * in it); as it is when it has none.
   */
  static String withoutCodeId(String description) {
    if (codeId(description) == null) {
      return description;
    }
    String d = CODE_ID_LINE.matcher(description).replaceFirst("").stripTrailing();
    return d.isBlank() ? null : d;
  }
}
