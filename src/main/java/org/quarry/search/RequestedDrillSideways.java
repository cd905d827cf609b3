package org.quarry.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.IndexSearcher;

/** Drill-sideways search that counts the asked facet dimensions only ({@link DimensionCounts}). */
final class RequestedDrillSideways extends DrillSideways {
  private final FacetLabels labels;
  private final Set<String> dims;

  RequestedDrillSideways(
      IndexSearcher searcher, FacetsConfig config, FacetLabels labels, List<String> dims) {
    super(searcher, config, labels.state());
    this.labels = labels;
    this.dims = new LinkedHashSet<>(dims);
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
    return new DimensionCounts(labels, dims, drillDowns, sideways);
  }
}
