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
 * @param root the folder (or file) given to index that the source was found under; a later run over
 *     the same root removes the sources it no longer finds. Null when unknown.
 */
public record SourcePassages(Source source, List<Passage> passages, String root) {
  public SourcePassages {
    Objects.requireNonNull(source, "source");
    passages = List.copyOf(passages);
  }

  /** A source with no known root. */
  public SourcePassages(Source source, List<Passage> passages) {
    this(source, passages, null);
  }
}
