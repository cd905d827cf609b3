package org.quarry.model;

import java.util.List;

/**
 * The outcome of a bulk suggestion run.
 *
 * @param passages passages with at least one suggestion, by passage id
 * @param considered passages the run looked at (after kind and filters)
 * @param codes codes that were run (codes without terms or query are skipped)
 * @param scoringNanos time spent running the code queries
 * @param evidenceNanos time spent finding matched words and reading passages
 * @param stored passages whose stored codes the run changed (0 when it stored nothing)
 */
public record SuggestionRun(
    List<PassageSuggestions> passages,
    int considered,
    int codes,
    long scoringNanos,
    long evidenceNanos,
    int stored) {
  public SuggestionRun {
    passages = List.copyOf(passages);
  }

  /** The same run, having changed the stored codes of {@code count} passages. */
  public SuggestionRun withStored(int count) {
    return new SuggestionRun(passages, considered, codes, scoringNanos, evidenceNanos, count);
  }
}
