package org.quarry.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A request's decoded query parameters, checked against the names a route knows. */
final class QueryParameters {
  private final Map<String, List<String>> values;

  private QueryParameters(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * Parses a raw query string and refuses names the route does not know with a 400 naming them, so
   * a misspelt {@code limt=5} is not silently ignored; a {@code format} other than {@code json} is
   * a 400 too, since JSON is the only thing the API writes.
   */
  static QueryParameters parse(String raw, Set<String> known) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
    List<String> unknown = values.keySet().stream().filter(k -> !known.contains(k)).toList();
    if (!unknown.isEmpty()) {
      throw new ApiError(
          400,
          "unknown parameter"
              + (unknown.size() == 1 ? " '" : "s '")
              + String.join("', '", unknown)
              + "'; this route takes "
              + String.join(", ", new TreeSet<>(known)),
          unknown.get(0));
    }
    QueryParameters params = new QueryParameters(values);
    String format = params.first("format");
    if (format != null && !"json".equals(format)) {
      throw new ApiError(
          400, "format '" + format + "' is not served: the API answers JSON only", "format");
    }
    return params;
  }

  /** The first value of {@code name}, or null when absent. */
  String first(String name) {
    List<String> v = values.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** Every value of {@code name}, or {@code dflt} when absent. */
  List<String> all(String name, List<String> dflt) {
    return values.getOrDefault(name, dflt);
  }

  /** A whole number from 0 to 10000, {@code dflt} when absent; else a 400 naming it. */
  int intParam(String name, int dflt) {
    String v = first(name);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 0 || n > 10_000) {
        throw new ApiError(400, "parameter '" + name + "' must be 0 to 10000, got " + v, name);
      }
      return n;
    } catch (NumberFormatException e) {
      // a whole number too large for an int is out of range, not malformed
      String why = v.matches("[+-]?\\d+") ? "must be 0 to 10000" : "must be a whole number";
      throw new ApiError(400, "parameter '" + name + "' " + why + ", got '" + v + "'", name);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, "the query string has a bad %-escape: '" + s + "'", null);
    }
  }
}
