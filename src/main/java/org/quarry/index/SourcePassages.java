package org.quarry.index;

import java.util.List;
import java.util.Objects;
import org.quarry.model.Passage;
import org.quarry.model.Source;

/**
 * A source and the passages segmentation made of it: the unit the indexer writes.
 *
 * @param source the source as read
 * @param passages its passages in text order
 */
public record SourcePassages(Source source, List<Passage> passages) {
  public SourcePassages {
    Objects.requireNonNull(source, "source");
    passages = List.copyOf(passages);
  }
}
