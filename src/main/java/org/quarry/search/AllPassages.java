package org.quarry.search;

import java.util.List;
import java.util.Set;
import org.quarry.model.Hit;

/**
 * Every passage of an index, near duplicates included, with the ids of those that belong to
 * near-duplicate sources: one read serves a report that counts passages as search does (without the
 * duplicates) and names every code stored in the index (with them).
 *
 * @param hits every passage with its codes, ordered as {@link PassageSearcher#all(boolean)} orders
 * @param duplicates ids of the passages of near-duplicate sources
 */
public record AllPassages(List<Hit> hits, Set<String> duplicates) {
  /** The order a report lists passages in: by source, then offset, then id. */
  public static final java.util.Comparator<Hit> READING_ORDER =
      java.util.Comparator.comparing((Hit h) -> h.passage().source())
          .thenComparingInt(h -> h.passage().start())
          .thenComparing(h -> h.passage().id());

  public AllPassages {
    hits = List.copyOf(hits);
    duplicates = Set.copyOf(duplicates);
  }

  /** The passages search counts, in the same order: those of near-duplicate sources left out. */
  public List<Hit> withoutDuplicates() {
    return hits.stream().filter(h -> !duplicates.contains(h.passage().id())).toList();
  }
}
