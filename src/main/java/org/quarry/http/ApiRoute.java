package org.quarry.http;

import java.util.Set;

/**
 * One route of the server's table: its method, its path template ({@code {id}} stands for one path
 * segment at the end) and the query parameters it accepts. The table is what the server dispatches
 * on and what the OpenAPI document is checked against, so the two cannot drift apart.
 */
record ApiRoute(String method, String template, Set<String> parameters) {
  private static final String ID = "{id}";

  /**
   * True when {@code path} is this route's template with any non-empty segment for {@code {id}}.
   */
  boolean matches(String path) {
    if (!template.endsWith(ID)) {
      return template.equals(path);
    }
    String prefix = template.substring(0, template.length() - ID.length());
    return path.startsWith(prefix) && path.length() > prefix.length();
  }

  /** The raw {@code {id}} segment of a matching {@code path}. */
  String id(String path) {
    return path.substring(template.length() - ID.length());
  }
}
