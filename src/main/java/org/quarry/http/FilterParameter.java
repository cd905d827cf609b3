package org.quarry.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code filter} parameter in the CLI's syntax, {@code DIMENSION=VALUE}. The older {@code
 * DIMENSION:VALUE} is still read (deprecated): a dimension name holds neither character, so the
 * first of the two ends it.
 */
final class FilterParameter {
  private FilterParameter() {}

  /** Dimension to values, in the order given; a 400 naming {@code filter} when one is malformed. */
  static Map<String, List<String>> parse(List<String> filters) {
    Map<String, List<String>> parsed = new LinkedHashMap<>();
    for (String f : filters) {
      int eq = f.indexOf('=');
      int colon = f.indexOf(':');
      int cut = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
      String dim = cut <= 0 ? "" : f.substring(0, cut).strip();
      String value = cut <= 0 ? "" : f.substring(cut + 1).strip();
      if (dim.isEmpty() || value.isEmpty()) {
        throw new ApiError(
            400, "filter '" + f + "' must be DIMENSION=VALUE, e.g. participant=P01", "filter");
      }
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      parsed.computeIfAbsent(dim, k -> new ArrayList<>()).add(value);
    }
    return parsed;
  }
}
