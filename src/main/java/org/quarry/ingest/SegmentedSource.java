package org.quarry.ingest;

import java.util.List;
import org.quarry.model.Passage;
import org.quarry.model.Source;

/**
 * A source with its passages: found by a segmenter, or handed over by a reader whose format carries
 * the structure (a survey export: one answer per cell; captions: one turn per voice). Straight from
 * a reader whose format carries none, the passages are empty and the loader segments the text.
 *
 * @param source the source, with the text Quarry keeps for it
 * @param passages its passages, offsets into that text; empty when it is yet to be segmented
 */
public record SegmentedSource(Source source, List<Passage> passages) {
  public SegmentedSource {
    passages = List.copyOf(passages);
  }

  /** A source read without structure: its passages are for a segmenter to find. */
  public static SegmentedSource unsegmented(Source source) {
    return new SegmentedSource(source, List.of());
  }

  /** Whether the passages are known (else a segmenter must find them). */
  public boolean segmented() {
    return !passages.isEmpty();
  }
}
