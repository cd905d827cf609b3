package org.quarry.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.IndexSearcher;

/** Drill-sideways search that counts the asked facet dimensions only ({@link DimensionCounts}). */
final class RequestedDrillSideways extends DrillSideways {
  private final FacetLabels labels;
  private final Set<String> dims;
  private final Executor countThreads;
  private final int parallelHits;

  RequestedDrillSideways(
      IndexSearcher searcher, FacetsConfig config, FacetLabels labels, List<String> dims) {
    this(searcher, config, labels, dims, null);
  }

  /** The same, counting a large search's facets on {@code countThreads} too (null: on this one). */
  RequestedDrillSideways(
      IndexSearcher searcher,
      FacetsConfig config,
      FacetLabels labels,
      List<String> dims,
      Executor countThreads) {
    this(searcher, config, labels, dims, countThreads, DimensionCounts.PARALLEL_HITS);
  }

  /** The same, counting in parts from {@code parallelHits} hits (tests count small sets so). */
  RequestedDrillSideways(
      IndexSearcher searcher,
      FacetsConfig config,
      FacetLabels labels,
      List<String> dims,
      Executor countThreads,
      int parallelHits) {
    super(searcher, config, labels.state());
    this.labels = labels;
    this.dims = new LinkedHashSet<>(dims);
    this.countThreads = countThreads;
    this.parallelHits = parallelHits;
  }

  @Override
  protected Facets buildFacetsResult(
      FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] drillSidewaysDims)
      throws IOException {
    Map<String, FacetsCollector> sideways = new HashMap<>();
    if (drillSideways != null) {
      for (int i = 0; i < drillSideways.length; i++) {
        sideways.put(drillSidewaysDims[i], drillSideways[i]);
      }
    }
    return new DimensionCounts(labels, dims, drillDowns, sideways, countThreads, parallelHits);
  }
}
