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
  public AllPassages {
    hits = List.copyOf(hits);
    duplicates = Set.copyOf(duplicates);
  }

  /** The passages search counts, in the same order: those of near-duplicate sources left out. */
  public List<Hit> withoutDuplicates() {
    return hits.stream().filter(h -> !duplicates.contains(h.passage().id())).toList();
  }
}
