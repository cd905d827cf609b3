package org.quarry.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the passage a coding belongs to: the passage with exactly its span, else the passage of its
 * source it overlaps most (ties to the lower passage id). A human coding of a few words thus counts
 * for the passage that holds them.
 */
public final class PassageLocator {
  private final Map<String, Passage> byId = new HashMap<>();
  private final Map<String, List<Passage>> bySource = new HashMap<>();

  /** A locator over these passages. */
  public PassageLocator(List<Passage> passages) {
    for (Passage p : passages) {
      byId.putIfAbsent(p.id(), p);
      bySource.computeIfAbsent(p.source(), k -> new ArrayList<>()).add(p);
    }
  }

  /** The passage holding {@code coding}, or empty when no passage of its source overlaps it. */
  public Optional<Passage> locate(Coding coding) {
    Passage exact = byId.get(coding.spanId());
    if (exact != null) {
      return Optional.of(exact);
    }
    int s = coding.start();
    int e = Math.max(coding.end(), coding.start() + 1);
    return bySource.getOrDefault(coding.source(), List.of()).stream()
        .filter(p -> Math.min(e, p.end()) - Math.max(s, p.start()) > 0)
        .max(
            Comparator.comparingInt((Passage p) -> Math.min(e, p.end()) - Math.max(s, p.start()))
                .thenComparing(Passage::id, Comparator.reverseOrder()));
  }
}
