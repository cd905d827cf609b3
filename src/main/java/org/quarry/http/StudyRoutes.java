package org.quarry.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.quarry.api.MatrixJson;
import org.quarry.api.MatrixRequest;
import org.quarry.api.PassageInContext;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.api.SearchJson;
import org.quarry.api.SolrIndex;
import org.quarry.model.Codebook;
import org.quarry.model.SearchOrder;
import org.quarry.model.SearchRequest;
import org.quarry.model.SuggestMethod;

/**
 * The read-only answers of the API: search, a passage in context, a whole source, the facet
 * dimensions, health, the codebook and the matrix, each as the JSON text of a 200; a bad request is
 * an {@link ApiError} naming the parameter.
 */
final class StudyRoutes {
  private final Quarry quarry;
  private final Codebook served;

  /** Answers from {@code quarry}, with {@code served} (null for none) as the served codebook. */
  // the SolrCloud collection searches go to, or null for the local index
  private final SolrIndex solr;

  StudyRoutes(Quarry quarry, Codebook served, SolrIndex solr) {
    this.solr = solr;
    this.quarry = quarry;
    this.served = served;
  }

  String search(QueryParameters params) {
    String q = params.first("q");
    if (q == null || q.isBlank()) {
      throw new ApiError(400, "parameter 'q' is required: the query", "q");
    }
    int limit = params.intParam("limit", 10);
    int offset = params.intParam("offset", 0);
    var filters = FilterParameter.parse(params.all("filter", List.of()));
    var facets = params.all("facet", SearchRequest.DEFAULT_FACETS);
    boolean dups = "true".equals(params.first("duplicates"));
    SearchOrder order;
    try {
      order =
          params.first("sort") == null
              ? SearchOrder.RELEVANCE
              : SearchOrder.of(params.first("sort"));
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, "parameter 'sort': " + e.getMessage(), "sort");
    }
    String interviewers = params.first("interviewers");
    if (interviewers != null && !interviewers.equals("show") && !interviewers.equals("hide")) {
      throw new ApiError(
          400,
          "parameter 'interviewers' must be show or hide, got '" + interviewers + "'",
          "interviewers");
    }
    SearchRequest request =
        SearchRequest.builder(q)
            .facets(facets)
            .filters(filters)
            .limit(limit)
            .offset(offset)
            .includeDuplicates(dups)
            .order(order)
            .interviewers(!"hide".equals(interviewers))
            .build();
    if (solr == null) {
      return SearchJson.write(quarry.search(request));
    }
    return SearchJson.write(fromCollection(() -> solr.search(quarry, request)));
  }

  /**
   * After a decision on {@code passageId} in the local index, sets the passage's stored codes in
   * the SolrCloud collection searches go to (none: nothing to do), so its searches and counts see
   * the decision; a collection that fails is a 502 that says the decision is kept.
   */
  void sendCodes(String passageId) {
    if (solr == null) {
      return;
    }
    try {
      solr.sendCodes(quarry, passageId);
    } catch (QuarryException e) {
      throw new ApiError(
          502,
          e.getMessage()
              + " (the decision is kept in the index; 'quarry index --solr' sends it with the"
              + " passage)",
          null);
    }
  }

  // an answer of the SolrCloud collection; its failure is a 502, bad input stays the caller's
  private static <T> T fromCollection(java.util.function.Supplier<T> ask) {
    try {
      return ask.get();
    } catch (QuarryException e) {
      if (e.exitCode() == QuarryException.BAD_INPUT) {
        throw e;
      }
      // the collection failed, not the request
      throw new ApiError(502, e.getMessage(), null);
    }
  }

  static String decodeId(String raw, String what) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, "the " + what + " id has a bad %-escape: '" + raw + "'", "id");
    }
  }

  String passage(String raw) {
    String id = decodeId(raw, "passage");
    Optional<PassageInContext> hit =
        solr == null
            ? quarry.passageInContext(id)
            : fromCollection(() -> solr.passageInContext(id));
    if (hit.isEmpty()) {
      // ids are SOURCE#START-END; a browser cuts an unencoded '#' off as the URL's fragment
      String hint =
          id.contains("#") ? "" : "; passage ids look like SOURCE#START-END: encode '#' as %23";
      throw new ApiError(404, "no passage with id '" + id + "'" + hint, "id");
    }
    return SearchJson.writeInContext(hit.get());
  }

  String health() {
    ObjectNode body = QuarryServer.JSON.createObjectNode().put("status", "ok").put("api", "v1");
    body.put("codebook", served == null ? null : served.name());
    body.put(
        "model",
        served != null && quarry.suggester(served, null).method() != SuggestMethod.LEXICON);
    body.put("passages", quarry.passageCount());
    return QuarryServer.pretty(body);
  }

  String facets() {
    ObjectNode body = QuarryServer.JSON.createObjectNode();
    var dims = body.putArray("dimensions");
    List.of("participant", "source", "section", "kind", "code", "speaker", "origin")
        .forEach(dims::add);
    var attributes = body.putArray("attributes");
    quarry.attributeNames().forEach(attributes::add);
    return QuarryServer.pretty(body);
  }

  String source(String raw) {
    String id = decodeId(raw, "source");
    var passages =
        solr == null ? quarry.sourcePassages(id) : fromCollection(() -> solr.sourcePassages(id));
    if (passages.isEmpty()) {
      throw new ApiError(404, "no source with id '" + id + "'", "id");
    }
    return SearchJson.writeSource(id, passages);
  }

  /** The served codebook, else the code tree kept with the index; 404 when neither is. */
  Codebook codebook() {
    if (served != null) {
      return served;
    }
    return quarry
        .keptCodebook()
        .orElseThrow(
            () ->
                new ApiError(
                    404,
                    "no codebook is kept with this index: import a REFI-QDA project or accept a"
                        + " code first",
                    null));
  }

  String matrix(QueryParameters params) {
    String rows = params.first("rows");
    String cells = params.first("cells");
    double minScore = minScore(params.first("min_score"));
    var filters = FilterParameter.parse(params.all("filter", List.of()));
    MatrixRequest request;
    try {
      request =
          new MatrixRequest(
              quarry.keptCodebook().orElse(null),
              rows == null ? "participant" : rows,
              minScore,
              filters,
              params.first("origin"));
    } catch (QuarryException e) {
      // the request's own checks: min_score is checked above, so origin is the one at fault
      throw new ApiError(400, e.getMessage().replace("--origin", "origin"), "origin");
    }
    var matrix =
        solr == null ? quarry.matrix(request) : fromCollection(() -> solr.matrix(quarry, request));
    String json;
    try {
      json = MatrixJson.write(matrix, cells == null ? "count" : cells);
    } catch (QuarryException e) {
      throw new ApiError(400, e.getMessage().replace("--cells", "cells"), "cells");
    }
    return json;
  }

  private static double minScore(String raw) {
    if (raw == null) {
      return 0;
    }
    try {
      double v = Double.parseDouble(raw);
      if (v >= 0 && v <= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // answered below, as an out-of-range value is
    }
    throw new ApiError(
        400, "parameter 'min_score' must be a number from 0 to 1, got '" + raw + "'", "min_score");
  }
}
