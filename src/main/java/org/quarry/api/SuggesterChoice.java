package org.quarry.api;

import java.util.List;
import org.quarry.coding.Suggester;

/**
 * The suggester chosen for a run, with what the user should know about the choice (a stale model
 * passed over, say).
 *
 * @param suggester the suggester
 * @param warnings one line each
 */
public record SuggesterChoice(Suggester suggester, List<String> warnings) {
  public SuggesterChoice {
    warnings = List.copyOf(warnings);
  }
}
