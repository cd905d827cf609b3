package org.quarry.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.api.SearchJson;
import org.quarry.model.Hit;
import org.quarry.model.SearchRequest;

/**
 * The local HTTP/JSON API and its web page, on the JDK's own HTTP server.
 *
 * <ul>
 *   <li>{@code GET
 *       /api/v1/search?q=QUERY&facet=DIM&filter=DIM:VALUE&limit=N&offset=N&duplicates=true} answers
 *       the search JSON of DESIGN.md;
 *   <li>{@code GET /api/v1/passages/ID} answers one hit, 404 when there is no such passage;
 *   <li>{@code GET /} serves the search page.
 * </ul>
 *
 * A bad parameter is a 400 whose JSON names it: {@code {"error": "...", "parameter": "limit"}}.
 */
public final class QuarryServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Quarry quarry;
  private final HttpServer server;

  private QuarryServer(Quarry quarry, HttpServer server) {
    this.quarry = quarry;
    this.server = server;
  }

  /**
   * Starts serving {@code quarry} on {@code bind:port} (port 0 picks a free one).
   *
   * @throws IOException when the address cannot be bound
   */
  public static QuarryServer start(Quarry quarry, String bind, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
    QuarryServer qs = new QuarryServer(quarry, server);
    server.createContext("/api/v1/search", qs::search);
    server.createContext("/api/v1/passages/", qs::passage);
    server.createContext("/", qs::page);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return qs;
  }

  /** The port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void search(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"GET".equals(ex.getRequestMethod())) {
        error(ex, 405, "use GET", null);
        return;
      }
      Map<String, List<String>> params = query(ex.getRequestURI().getRawQuery());
      String q = first(params, "q");
      if (q == null || q.isBlank()) {
        error(ex, 400, "parameter 'q' is required: the query", "q");
        return;
      }
      int limit;
      int offset;
      try {
        limit = intParam(params, "limit", 10);
        offset = intParam(params, "offset", 0);
      } catch (BadParameter bp) {
        error(ex, 400, bp.getMessage(), bp.name);
        return;
      }
      Map<String, List<String>> filters = new LinkedHashMap<>();
      for (String f : params.getOrDefault("filter", List.of())) {
        int colon = f.indexOf(':');
        if (colon <= 0) {
          error(ex, 400, "filter '" + f + "' must be DIMENSION:VALUE", "filter");
          return;
        }
        filters
            .computeIfAbsent(f.substring(0, colon), k -> new ArrayList<>())
            .add(f.substring(colon + 1));
      }
      List<String> facets = params.getOrDefault("facet", SearchRequest.DEFAULT_FACETS);
      boolean dups = "true".equals(first(params, "duplicates"));
      try {
        var result =
            quarry.search(
                SearchRequest.builder(q)
                    .facets(facets)
                    .filters(filters)
                    .limit(limit)
                    .offset(offset)
                    .includeDuplicates(dups)
                    .build());
        send(ex, 200, SearchJson.write(result));
      } catch (QuarryException e) {
        error(ex, 400, e.getMessage(), e.parameter());
      }
    }
  }

  private void passage(HttpExchange ex) throws IOException {
    try (ex) {
      String raw = ex.getRequestURI().getRawPath().substring("/api/v1/passages/".length());
      String id = URLDecoder.decode(raw, StandardCharsets.UTF_8);
      Optional<Hit> hit = quarry.passage(id);
      if (hit.isEmpty()) {
        error(ex, 404, "no passage with id '" + id + "'", "id");
        return;
      }
      send(ex, 200, SearchJson.writeHit(hit.get()));
    }
  }

  private void page(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (!"/".equals(path) && !"/index.html".equals(path)) {
        error(ex, 404, "no such page: " + path, null);
        return;
      }
      try (InputStream in = QuarryServer.class.getResourceAsStream("index.html")) {
        if (in == null) {
          error(ex, 500, "the web page is missing from the jar", null);
          return;
        }
        byte[] body = in.readAllBytes();
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream os = ex.getResponseBody()) {
          os.write(body);
        }
      }
    }
  }

  private static void error(HttpExchange ex, int status, String message, String parameter)
      throws IOException {
    ObjectNode body = JSON.createObjectNode().put("error", message);
    if (parameter != null) {
      body.put("parameter", parameter);
    }
    send(ex, status, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
  }

  private static void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(bytes);
    }
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static int intParam(Map<String, List<String>> params, String name, int dflt)
      throws BadParameter {
    String v = first(params, name);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 0 || n > 10_000) {
        throw new BadParameter(name, "parameter '" + name + "' must be 0 to 10000, got " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadParameter(
          name, "parameter '" + name + "' must be a whole number, got '" + v + "'");
    }
  }

  private static final class BadParameter extends Exception {
    private final String name;

    BadParameter(String name, String message) {
      super(message);
      this.name = name;
    }
  }
}
