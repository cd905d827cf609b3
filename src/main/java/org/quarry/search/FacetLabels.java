package org.quarry.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * The values of each facet dimension of one index reader, by global ordinal, read once: looking a
 * label up in the doc values' term dictionary for every value of every search (a {@code source}
 * dimension has thousands) cost more than counting the hits.
 */
final class FacetLabels {
  /**
   * One dimension's values.
   *
   * @param start the global ordinal of its first value
   * @param labels its values, in ordinal order
   * @param rank each value's place in {@link String} order, by ordinal, for ties broken as the
   *     search contract orders values (the ordinals follow UTF-8 bytes, which can differ)
   * @param byRank the index of each rank's value: the inverse of {@code rank}
   */
  record Dimension(int start, String[] labels, int[] rank, int[] byRank) {}

  private final SortedSetDocValuesReaderState state;
  private final OrdinalMap ordinals;
  private final ConcurrentHashMap<String, Dimension> dims = new ConcurrentHashMap<>();

  /** The labels of {@code state}'s dimensions, each read when first asked for. */
  FacetLabels(SortedSetDocValuesReaderState state) throws IOException {
    this.state = state;
    // the state makes a new top-level doc values object, one per segment inside, at every call:
    // the map from segment to global ordinals is taken from it once
    this.ordinals =
        state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi
            ? multi.mapping
            : null;
  }

  /** The map of each segment's ordinals to the reader's, or null for one segment. */
  OrdinalMap ordinals() {
    return ordinals;
  }

  /** The reader state these labels belong to. */
  SortedSetDocValuesReaderState state() {
    return state;
  }

  /** The values of {@code dim}, or null when no passage has one. */
  Dimension of(String dim) throws IOException {
    Dimension d = dims.get(dim);
    if (d == null) {
      SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
      if (range == null) {
        return null;
      }
      d = read(range);
      dims.putIfAbsent(dim, d);
    }
    return d;
  }

  private Dimension read(SortedSetDocValuesReaderState.OrdRange range) throws IOException {
    SortedSetDocValues dv = state.getDocValues();
    int n = range.end() - range.start() + 1;
    String[] labels = new String[n];
    for (int i = 0; i < n; i++) {
      String[] path = FacetsConfig.stringToPath(dv.lookupOrd(range.start() + i).utf8ToString());
      labels[i] = path[path.length - 1];
    }
    Integer[] byLabel = new Integer[n];
    Arrays.setAll(byLabel, i -> i);
    Arrays.sort(byLabel, Comparator.comparing(i -> labels[i]));
    int[] rank = new int[n];
    int[] byRank = new int[n];
    for (int r = 0; r < n; r++) {
      rank[byLabel[r]] = r;
      byRank[r] = byLabel[r];
    }
    return new Dimension(range.start(), labels, rank, byRank);
  }
}
