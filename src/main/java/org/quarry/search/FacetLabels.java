package org.quarry.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * The values of each facet dimension of one index reader, by global ordinal, each read from the doc
 * values' term dictionary the first time a search counts it and kept for the reader's life. Looking
 * every counted value up again on every search (a {@code source} dimension has thousands) cost more
 * than counting the hits; reading every value of a dimension up front would make a one-search
 * process (the command line) pay for values it never shows.
 */
final class FacetLabels {
  /**
   * One dimension's values.
   *
   * @param start the global ordinal of its first value
   * @param labels its values in ordinal order, null until read
   */
  record Dimension(int start, String[] labels) {}

  private final SortedSetDocValuesReaderState state;
  private final OrdinalMap ordinals;
  private final ConcurrentHashMap<String, Dimension> dims = new ConcurrentHashMap<>();
  private SortedSetDocValues lookups; // guarded by this: looking up moves its position

  /** The labels of {@code state}'s dimensions, each read when first counted. */
  FacetLabels(SortedSetDocValuesReaderState state) throws IOException {
    this.state = state;
    // the state makes a new top-level doc values object, one per segment inside, at every call:
    // the map from segment to global ordinals is taken from it once
    this.ordinals =
        state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi
            ? multi.mapping
            : null;
  }

  /** The reader state these labels belong to. */
  SortedSetDocValuesReaderState state() {
    return state;
  }

  /** The map of each segment's ordinals to the reader's, or null for one segment. */
  OrdinalMap ordinals() {
    return ordinals;
  }

  /** The values of {@code dim}, or null when no passage has one. */
  Dimension of(String dim) {
    return dims.computeIfAbsent(
        dim,
        d -> {
          SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(d);
          return range == null
              ? null
              : new Dimension(range.start(), new String[range.end() - range.start() + 1]);
        });
  }

  /** The value at index {@code i} of dimension {@code d} (its global ordinal less the start). */
  String label(Dimension d, int i) {
    // a String is immutable, so a racy read sees either null (and reads under the lock) or it whole
    String s = d.labels()[i];
    if (s == null) {
      s = read(d, i);
    }
    return s;
  }

  private synchronized String read(Dimension d, int i) {
    String s = d.labels()[i];
    if (s == null) {
      try {
        if (lookups == null) {
          lookups = state.getDocValues();
        }
        String[] path = FacetsConfig.stringToPath(lookups.lookupOrd(d.start() + i).utf8ToString());
        s = path[path.length - 1];
      } catch (IOException e) {
        throw new UncheckedIOException("reading facet value " + (d.start() + i), e);
      }
      d.labels()[i] = s;
    }
    return s;
  }
}
