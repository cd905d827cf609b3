package org.quarry.model;

import java.util.List;

/**
 * A passage's candidate codes, highest score first (ties in codebook order).
 *
 * @param passage the passage
 * @param suggestions its suggestions, at most the run's top, each at least its min score
 */
public record PassageSuggestions(Passage passage, List<Suggestion> suggestions) {
  public PassageSuggestions {
    suggestions = List.copyOf(suggestions);
  }
}
