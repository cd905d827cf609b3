package org.quarry.segment;

import java.util.List;
import org.quarry.model.Passage;
import org.quarry.model.Source;

/** Splits a source into passages whose offsets point into the file as read. */
public interface Segmenter {

  /** The passages of {@code source}, in text order, not overlapping. */
  List<Passage> segment(Source source);
}
