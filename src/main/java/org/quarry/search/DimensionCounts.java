package org.quarry.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TaskExecutor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;

/**
 * Facet counts of the dimensions a search asks for, and of no other: Lucene's {@code
 * SortedSetDocValuesFacetCounts} counts every dimension of the index (codes, origins, speakers,
 * attributes) for every hit, and maps every value of every hit to its global ordinal. Here each
 * segment counts in its own ordinals, only within the asked dimensions' ranges, and only the values
 * counted are mapped; values come from {@link FacetLabels}. A large set of hits is counted in
 * parts, ranges of a segment's documents, on several threads: counting reads every hit's values
 * from doc values, a third or more of a search with tens of thousands of hits on a large index.
 *
 * <p>Children come in the search contract's order: count descending, then value. A dimension that
 * was not asked for has no counts: {@link #getAllChildren} gives null for it, as Lucene does for a
 * dimension no document has.
 */
final class DimensionCounts extends Facets {
  private final FacetLabels labels;
  private final Map<String, int[]> counts = new HashMap<>();
  private final TaskExecutor executor;
  private final int parallelHits;

  /** Fewest hits worth counting on several threads: below it, handing work over costs more. */
  static final int PARALLEL_HITS = 10_000;

  /**
   * Counts {@code dims} over {@code hits}, except those in {@code sideways}, which are counted over
   * their own hits (drill-sideways: the hits of every filter but the dimension's own). With an
   * {@code executor}, a collector with at least {@code parallelHits} hits ({@link #PARALLEL_HITS}
   * but in tests) is counted in parts on its threads and the calling one.
   */
  DimensionCounts(
      FacetLabels labels,
      Set<String> dims,
      FacetsCollector hits,
      Map<String, FacetsCollector> sideways,
      Executor executor,
      int parallelHits)
      throws IOException {
    this.labels = labels;
    this.executor = executor == null ? null : new TaskExecutor(executor);
    this.parallelHits = parallelHits;
    Set<String> plain = new LinkedHashSet<>(dims);
    plain.removeAll(sideways.keySet());
    count(hits, plain);
    for (Map.Entry<String, FacetsCollector> e : sideways.entrySet()) {
      if (dims.contains(e.getKey())) {
        count(e.getValue(), Set.of(e.getKey()));
      }
    }
  }

  /**
   * One segment's hits and where the asked dimensions' values lie among its ordinals: each
   * dimension's values are one run ({@code "dim\u001fvalue"} sorts between {@code "dim\u001f"} and
   * {@code "dim\u0020"}), {@code lo[i]} to {@code hi[i]}, all within {@code min} to {@code max}.
   */
  private record Segment(FacetsCollector.MatchingDocs hits, int[] lo, int[] hi, int min, int max) {}

  // counts the values of dims over the hits of one collector
  private void count(FacetsCollector hits, Set<String> dims) throws IOException {
    List<String> present = new ArrayList<>();
    for (String dim : dims) {
      FacetLabels.Dimension d = labels.of(dim);
      if (d != null) {
        present.add(dim);
        counts.put(dim, new int[d.labels().length]);
      }
    }
    if (present.isEmpty() || hits == null) {
      return;
    }
    String field = labels.state().getField();
    List<Segment> segments = new ArrayList<>();
    long total = 0;
    for (FacetsCollector.MatchingDocs m : hits.getMatchingDocs()) {
      if (m.totalHits() == 0 || m.bits() == null) {
        continue;
      }
      SortedSetDocValues seg = DocValues.getSortedSet(m.context().reader(), field);
      int[] lo = new int[present.size()];
      int[] hi = new int[present.size()];
      int min = Integer.MAX_VALUE;
      int max = -1;
      for (int i = 0; i < present.size(); i++) {
        lo[i] = insertion(seg, present.get(i) + FacetsConfig.DELIM_CHAR);
        hi[i] = insertion(seg, present.get(i) + (char) (FacetsConfig.DELIM_CHAR + 1));
        if (hi[i] > lo[i]) {
          min = Math.min(min, lo[i]);
          max = Math.max(max, hi[i]);
        }
      }
      if (max >= 0) {
        segments.add(new Segment(m, lo, hi, min, max));
        total += m.totalHits();
      }
    }
    if (executor == null || total < parallelHits) {
      countInTurn(segments, present, field);
    } else {
      countInParts(segments, present, field, total);
    }
  }

  // one segment after another on this thread, in one array for every segment: a dimension with a
  // value per survey respondent spans hundreds of thousands of ordinals, so an array per segment
  // was a megabyte of garbage per segment per search
  private void countInTurn(List<Segment> segments, List<String> present, String field)
      throws IOException {
    int[] segCounts = new int[0];
    for (Segment s : segments) {
      if (segCounts.length < s.max() - s.min()) {
        segCounts = new int[s.max() - s.min()];
      } else {
        Arrays.fill(segCounts, 0, s.max() - s.min(), 0);
      }
      countRange(s, field, 0, DocIdSetIterator.NO_MORE_DOCS, segCounts);
      addToDimensions(s, present, segCounts);
    }
  }

  // each segment cut into ranges of documents holding about an equal share of the hits, counted
  // on the executor's threads, then added up segment by segment on this one
  private void countInParts(List<Segment> segments, List<String> present, String field, long total)
      throws IOException {
    long share = Math.max(1, total / (2L * Runtime.getRuntime().availableProcessors()));
    List<Callable<int[]>> parts = new ArrayList<>();
    int[] partsOf = new int[segments.size()];
    for (int si = 0; si < segments.size(); si++) {
      Segment s = segments.get(si);
      int maxDoc = s.hits().context().reader().maxDoc();
      int k = (int) Math.min(8, Math.max(1, (s.hits().totalHits() + share - 1) / share));
      partsOf[si] = k;
      for (int p = 0; p < k; p++) {
        int from = (int) ((long) maxDoc * p / k);
        int to = (int) ((long) maxDoc * (p + 1) / k);
        parts.add(
            () -> {
              int[] c = new int[s.max() - s.min()];
              countRange(s, field, from, to, c);
              return c;
            });
      }
    }
    List<int[]> counted = executor.invokeAll(parts);
    int next = 0;
    for (int si = 0; si < segments.size(); si++) {
      int[] sum = counted.get(next++);
      for (int p = 1; p < partsOf[si]; p++) {
        int[] c = counted.get(next++);
        for (int j = 0; j < sum.length; j++) {
          sum[j] += c[j];
        }
      }
      addToDimensions(segments.get(si), present, sum);
    }
  }

  // counts the values of the hits from doc from (inclusive) to doc to (exclusive) of a segment, by
  // its ordinal less min
  private static void countRange(Segment s, String field, int from, int to, int[] into)
      throws IOException {
    SortedSetDocValues values = DocValues.getSortedSet(s.hits().context().reader(), field);
    DocIdSetIterator docs = s.hits().bits().iterator();
    if (docs == null) {
      return;
    }
    int min = s.min();
    int max = s.max();
    for (int doc = docs.advance(from); doc < to; doc = docs.nextDoc()) {
      if (!values.advanceExact(doc)) {
        continue;
      }
      for (int v = values.docValueCount(); v > 0; v--) {
        long ord = values.nextOrd();
        if (ord >= max) {
          break; // ordinals come in order
        }
        if (ord >= min) {
          into[(int) ord - min]++;
        }
      }
    }
  }

  // adds a segment's counts (by its ordinal less min) to the dimensions' counts
  private void addToDimensions(Segment s, List<String> present, int[] segCounts) {
    OrdinalMap map = labels.ordinals();
    LongValues global =
        map == null ? LongValues.IDENTITY : map.getGlobalOrds(s.hits().context().ord);
    for (int i = 0; i < present.size(); i++) {
      FacetLabels.Dimension d = labels.of(present.get(i));
      int[] into = counts.get(present.get(i));
      for (int ord = s.lo()[i]; ord < s.hi()[i]; ord++) {
        int c = segCounts[ord - s.min()];
        if (c != 0) {
          into[(int) global.get(ord) - d.start()] += c;
        }
      }
    }
  }

  // the ordinal at which term is or would be in the segment's sorted values
  private static int insertion(SortedSetDocValues seg, String term) throws IOException {
    long ord = seg.lookupTerm(new BytesRef(term));
    return (int) (ord >= 0 ? ord : -ord - 1);
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    return result(dim, path, Integer.MAX_VALUE);
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    validateTopN(topN);
    return result(dim, path, topN);
  }

  private FacetResult result(String dim, String[] path, int topN) {
    if (path.length > 0) {
      throw new IllegalArgumentException("facet dimensions here are flat, got a path under " + dim);
    }
    int[] c = counts.get(dim);
    if (c == null) {
      return null;
    }
    FacetLabels.Dimension d = labels.of(dim);
    // count descending, then ordinal: one primitive sort of (inverted count, ordinal) pairs
    int n = 0;
    for (int count : c) {
      if (count > 0) {
        n++;
      }
    }
    long[] keys = new long[n];
    n = 0;
    long total = 0;
    for (int i = 0; i < c.length; i++) {
      if (c[i] > 0) {
        keys[n++] = ((long) (Integer.MAX_VALUE - c[i]) << 32) | i;
        total += c[i];
      }
    }
    Arrays.sort(keys, 0, n);
    int kept = Math.min(n, topN);
    LabelAndValue[] out = new LabelAndValue[n];
    for (int j = 0; j < n; j++) {
      int i = (int) keys[j];
      out[j] = new LabelAndValue(labels.label(d, i), c[i]);
    }
    inStringOrder(out);
    return new FacetResult(dim, path, total, Arrays.copyOf(out, kept), n);
  }

  /**
   * Puts values of equal count in {@link String} order. They come in ordinal order, which is UTF-8
   * byte order: the same as {@code String} order unless a value holds a character outside the Basic
   * Multilingual Plane (a surrogate pair, which Java orders below U+E000..U+FFFF), so only runs
   * holding one are sorted again.
   */
  private static void inStringOrder(LabelAndValue[] values) {
    int from = 0;
    while (from < values.length) {
      int to = from + 1;
      boolean surrogates = hasSurrogate(values[from].label);
      while (to < values.length && values[to].value.intValue() == values[from].value.intValue()) {
        surrogates |= hasSurrogate(values[to].label);
        to++;
      }
      if (surrogates) {
        Arrays.sort(values, from, to, (a, b) -> a.label.compareTo(b.label));
      }
      from = to;
    }
  }

  private static boolean hasSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    int[] c = counts.get(dim);
    FacetLabels.Dimension d = labels.of(dim);
    if (c == null || d == null || path.length != 1) {
      return -1;
    }
    for (int i = 0; i < c.length; i++) {
      if (labels.label(d, i).equals(path[0])) {
        return c[i];
      }
    }
    return -1;
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    validateTopN(topN);
    List<FacetResult> out = new ArrayList<>();
    for (String dim : counts.keySet()) {
      FacetResult r = result(dim, new String[0], topN);
      if (r != null && r.childCount > 0) {
        out.add(r);
      }
    }
    out.sort((a, b) -> Long.compare(b.value.longValue(), a.value.longValue()));
    return out;
  }
}
