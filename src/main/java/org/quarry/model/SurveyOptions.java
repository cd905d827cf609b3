package org.quarry.model;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How to read survey exports (CSV, XLSX): one row per respondent.
 *
 * @param textColumns the open-answer columns (one passage per non-empty answer, the column header
 *     as its section); empty to take every column whose answers average 30 characters or more
 * @param idColumn the participant id column; null for the first column
 * @param placeholders answers that mean "no answer" and are skipped, compared case-insensitively
 *     and without surrounding spaces (kept lowercased and stripped); null for {@link
 *     #DEFAULT_PLACEHOLDERS}, which a given list replaces
 */
public record SurveyOptions(List<String> textColumns, String idColumn, Set<String> placeholders) {
  /** Answers skipped unless configured otherwise. */
  public static final Set<String> DEFAULT_PLACEHOLDERS =
      Set.of(
          "n/a",
          "na",
          "none",
          "-",
          "--",
          ".",
          "did not answer",
          "no answer",
          "no response",
          "not applicable",
          "prefer not to say",
          "nothing",
          "no comment");

  public SurveyOptions {
    textColumns = textColumns == null ? List.of() : List.copyOf(textColumns);
    // lowercased here, so an API caller's "Did not answer" skips what the CLI's would
    placeholders =
        placeholders == null
            ? DEFAULT_PLACEHOLDERS
            : placeholders.stream()
                .map(p -> p.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether {@code answer} (stripped) means "no answer": empty or a placeholder. */
  public boolean isPlaceholder(String answer) {
    String a = answer.strip();
    return a.isEmpty() || placeholders.contains(a.toLowerCase(Locale.ROOT));
  }

  /**
   * The options as text, stable across runs: a survey read with other options makes other passages
   * from the same bytes, so the source's content hash includes this.
   */
  public String fingerprint() {
    return "text-columns="
        + textColumns
        + "; id-column="
        + idColumn
        + "; skip="
        + new TreeSet<>(placeholders);
  }

  /** Auto-detected text columns, first column as id, default placeholders. */
  public static SurveyOptions defaults() {
    return new SurveyOptions(List.of(), null, DEFAULT_PLACEHOLDERS);
  }
}
