package org.quarry.model;

import java.util.Locale;

/** What a source is; decides how it is segmented into passages. */
public enum SourceKind {
  /** A published paper or report: sections, paragraphs and attributed quotes. */
  PAPER,
  /** An interview or focus-group transcript: speaker turns. */
  TRANSCRIPT,
  /** A catalogue or repository record: short web-page text. */
  RECORD,
  /** Open-ended survey answers, one passage per answer. */
  SURVEY;

  /** The lowercase name used in JSON, facets and the CLI. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #label()}; throws IllegalArgumentException naming the accepted values. */
  public static SourceKind parse(String label) {
    for (SourceKind k : values()) {
      if (k.label().equals(label)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown source kind '" + label + "' (use paper, transcript, record or survey)");
  }
}
