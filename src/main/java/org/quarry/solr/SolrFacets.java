package org.quarry.solr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.json.BucketBasedJsonFacet;
import org.apache.solr.client.solrj.response.json.BucketJsonFacet;
import org.apache.solr.client.solrj.response.json.NestableJsonFacet;
import org.quarry.model.FacetValue;
import org.quarry.model.SearchRequest;

/**
 * A search's facets in Solr's JSON facet API, counted as the local index counts them: one terms
 * facet per dimension with every value a passage has, and a dimension that is also filtered on
 * counted without its own filter (drill sideways: its filter is tagged and the facet excludes the
 * tag).
 */
final class SolrFacets {
  private final SearchRequest request;
  // a plain key per dimension (a facet's name, a filter's tag): attribute names may hold anything
  private final Map<String, String> keys = new HashMap<>();

  SolrFacets(SearchRequest request) {
    this.request = request;
    TreeSet<String> dims = new TreeSet<>(request.facets());
    dims.addAll(request.filters().keySet());
    for (String dim : dims) {
      keys.put(dim, "d" + keys.size());
    }
  }

  /** The tag of a filter on {@code dim} (a facet or filter dimension of the request). */
  String key(String dim) {
    return keys.get(dim);
  }

  /** The {@code json.facet} parameter. */
  String request() {
    StringBuilder json = new StringBuilder("{");
    for (String dim : request.facets()) {
      json.append(json.length() > 1 ? "," : "")
          .append(keys.get(dim))
          .append(":{type:terms,field:")
          .append(SolrPassages.field(dim))
          .append(",limit:-1,mincount:1");
      if (request.filters().containsKey(dim)) {
        json.append(",domain:{excludeTags:").append(keys.get(dim)).append('}');
      }
      json.append('}');
    }
    return json.append('}').toString();
  }

  /** The counts of each requested dimension, most passages first, then by value, as locally. */
  Map<String, List<FacetValue>> counts(QueryResponse r) {
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    NestableJsonFacet json = r.getJsonFacetingResponse();
    for (String dim : request.facets()) {
      List<FacetValue> values = new ArrayList<>();
      BucketBasedJsonFacet f = json == null ? null : json.getBucketBasedFacets(keys.get(dim));
      if (f != null) {
        for (BucketJsonFacet b : f.getBuckets()) {
          if (b.getCount() > 0) {
            values.add(new FacetValue(String.valueOf(b.getVal()), (int) b.getCount()));
          }
        }
      }
      values.sort(
          Comparator.comparingInt(FacetValue::count).reversed().thenComparing(FacetValue::value));
      facets.put(dim, values);
    }
    return facets;
  }
}
