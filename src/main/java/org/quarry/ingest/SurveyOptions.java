package org.quarry.ingest;

import java.util.List;
import java.util.Set;

/**
 * How to read survey exports (CSV, XLSX): one row per respondent.
 *
 * @param textColumns the open-answer columns (one passage per non-empty answer, the column
 *     header as its section); empty to take every column whose answers average 30 characters or
 *     more
 * @param idColumn the participant id column; null for the first column
 * @param placeholders answers that mean "no answer" and are skipped, compared case-insensitively
 */
public record SurveyOptions(List<String> textColumns, String idColumn, Set<String> placeholders) {
  /** Answers skipped unless configured otherwise. */
  public static final Set<String> DEFAULT_PLACEHOLDERS =
      Set.of("n/a", "na", "none", "-", "--", ".", "did not answer", "no answer", "no response",
          "not applicable", "prefer not to say", "nothing", "no comment");

  public SurveyOptions {
    textColumns = textColumns == null ? List.of() : List.copyOf(textColumns);
    placeholders = placeholders == null ? DEFAULT_PLACEHOLDERS : Set.copyOf(placeholders);
  }

  /** Auto-detected text columns, first column as id, default placeholders. */
  public static SurveyOptions defaults() {
    return new SurveyOptions(List.of(), null, DEFAULT_PLACEHOLDERS);
  }
}
