package org.quarry.ingest;

import java.util.List;
import org.quarry.model.Passage;
import org.quarry.model.Source;

/**
 * A source whose reader already knows its passages, because the format carries the structure
 * (a survey export: one answer per cell). The segmenters are not run on it.
 *
 * @param source the source, with the text Quarry keeps for it
 * @param passages its passages, offsets into that text
 */
public record SegmentedSource(Source source, List<Passage> passages) {
  public SegmentedSource {
    passages = List.copyOf(passages);
  }
}
