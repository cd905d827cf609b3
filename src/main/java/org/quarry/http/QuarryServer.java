package org.quarry.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.quarry.api.CodebookJson;
import org.quarry.api.IndexBusyException;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.api.SolrIndex;
import org.quarry.model.Codebook;

/**
 * The local HTTP/JSON API and its web page, on Jetty's embedded core server.
 *
 * <ul>
 *   <li>{@code GET
 *       /api/v1/search?q=QUERY&facet=DIM&filter=DIM=VALUE&limit=N&offset=N&duplicates=true} answers
 *       the search JSON of DESIGN.md;
 *   <li>{@code GET /api/v1/passages/ID} answers one hit with its context and neighbours, 404 when
 *       there is no such passage;
 *   <li>{@code GET /api/v1/health} answers {@code {"status": "ok", ...}};
 *   <li>{@code GET /api/v1/openapi.json} answers the OpenAPI 3.1 document of these routes;
 *   <li>{@code POST /api/v1/codings} with {@code {"passage", "code", "decision": "accept" |
 *       "reject"}} records the researcher's decision and answers what it did;
 *   <li>{@code GET /api/v1/codebook} answers the code tree kept with the index, 404 when none is;
 *   <li>{@code GET /api/v1/matrix?rows=…&cells=count|quotes&min_score=X&origin=…&filter=…} answers
 *       the framework matrix of the kept code tree (of the stored codes when none is);
 *   <li>{@code POST /api/v1/suggest} with {@code {"text", "top"}} answers the kept code tree's
 *       suggestions for the text, as a line of {@code suggest --format jsonl};
 *   <li>{@code GET /} serves the search page, which carries the server's token.
 * </ul>
 *
 * A refused request is a 4xx whose JSON says why and, when one parameter is to blame, names it:
 * {@code {"error": "...", "parameter": "limit"}}. Every request first passes the {@link
 * RequestGuard}.
 */
public final class QuarryServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SEARCH_PARAMS =
      Set.of(
          "q",
          "facet",
          "filter",
          "limit",
          "offset",
          "duplicates",
          "sort",
          "interviewers",
          "format");
  private static final Set<String> FORMAT_ONLY = Set.of("format");
  // the page keeps its state in the URL: a bookmarked or shared search opens where it was
  private static final Set<String> PAGE_PARAMS = pageParameters();
  private static final Set<String> NONE = Set.of();
  private static final String OPENAPI = "/api/v1/openapi.json";
  private static final String CODINGS = "/api/v1/codings";
  private static final Set<String> CODING_FIELDS = Set.of("passage", "code", "decision");
  private static final String FACETS = "/api/v1/facets";
  private static final String SOURCES = "/api/v1/sources/{id}";
  private static final String REVIEW = "/api/v1/review";
  private static final Set<String> REVIEW_PARAMS = Set.of("code", "limit", "offset", "format");
  private static final String LEARN = "/api/v1/learn";
  private static final String CODEBOOK = "/api/v1/codebook";
  private static final String MATRIX = "/api/v1/matrix";
  private static final Set<String> MATRIX_PARAMS =
      Set.of("rows", "cells", "min_score", "origin", "filter", "format");
  private static final String SUGGEST = "/api/v1/suggest";
  private static final Set<String> SUGGEST_FIELDS = Set.of("text", "top");

  private final Server server;
  private final ServerConnector connector;
  private final RequestGuard guard;
  private final String token;
  private final StudyRoutes study;
  private final CodingRoutes coding;

  private QuarryServer(
      Quarry quarry,
      String bind,
      int port,
      Consumer<String> accessLog,
      Codebook served,
      SolrIndex solr) {
    this.study = new StudyRoutes(quarry, served, solr);
    this.coding = new CodingRoutes(quarry, served, study);
    this.token = HexFormat.of().formatHex(randomBytes());
    this.guard = new RequestGuard(AllowedHosts.forBind(bind), token);
    QueuedThreadPool threads = new QueuedThreadPool(8, 2);
    threads.setName("quarry-http");
    threads.setDaemon(true);
    this.server = new Server(threads);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    // passage ids hold the source's path, which a client sends with '/' encoded as %2F
    config.setUriCompliance(
        UriCompliance.DEFAULT.with(
            "quarry-ids",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
            UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING));
    // room for a query over our own limit, so that it gets our JSON 414 rather than Jetty's page
    config.setRequestHeaderSize(4 * RequestGuard.MAX_QUERY_BYTES);
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
    connector.setHost(bind);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new Routes());
    server.setErrorHandler(QuarryServer::jettyError);
    if (accessLog != null) {
      server.setRequestLog(new AccessLog(accessLog));
    }
  }

  /**
   * Starts serving {@code quarry} on {@code bind:port} (port 0 picks a free one), with no access
   * log.
   *
   * @throws IOException when the address cannot be bound
   */
  public static QuarryServer start(Quarry quarry, String bind, int port) throws IOException {
    return start(quarry, bind, port, null);
  }

  /**
   * Starts serving {@code quarry} on {@code bind:port} (port 0 picks a free one), giving {@code
   * accessLog} one line per request (null for none).
   *
   * @throws IOException when the address cannot be bound
   */
  public static QuarryServer start(Quarry quarry, String bind, int port, Consumer<String> accessLog)
      throws IOException {
    return start(quarry, bind, port, accessLog, null);
  }

  /**
   * Starts serving {@code quarry} on {@code bind:port} (port 0 picks a free one), giving {@code
   * accessLog} one line per request (null for none), with {@code codebook} (null for none) as the
   * codebook whose codes suggest, review and learn work with; without one they use the code tree
   * kept with the index, which has no lexicon.
   *
   * @throws IOException when the address cannot be bound
   */
  public static QuarryServer start(
      Quarry quarry, String bind, int port, Consumer<String> accessLog, Codebook codebook)
      throws IOException {
    return start(quarry, bind, port, accessLog, codebook, null);
  }

  /**
   * As {@link #start(Quarry, String, int, Consumer, Codebook)}, with searches answered by the
   * SolrCloud collection {@code solr} (null: by the local index), their queries analysed by {@code
   * quarry}'s index.
   *
   * @throws IOException when the address cannot be bound
   */
  public static QuarryServer start(
      Quarry quarry,
      String bind,
      int port,
      Consumer<String> accessLog,
      Codebook codebook,
      SolrIndex solr)
      throws IOException {
    QuarryServer qs = new QuarryServer(quarry, bind, port, accessLog, codebook, solr);
    try {
      qs.server.start();
    } catch (IOException e) {
      qs.close();
      throw e;
    } catch (Exception e) {
      qs.close();
      throw new IOException(e.getMessage(), e);
    }
    return qs;
  }

  /** The port actually bound. */
  public int port() {
    return connector.getLocalPort();
  }

  /** The per-server token a state-changing request carries in {@code X-Quarry-Token}. */
  public String token() {
    return token;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping is best effort: the process is usually on its way out
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private final class Routes extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      try {
        guard.check(request, port());
        route(request, response, callback);
      } catch (ApiError e) {
        error(response, callback, e.status(), e.getMessage(), e.parameter());
      } catch (IndexBusyException e) {
        // another run holds the index's writer: nothing was written, and later will do
        error(response, callback, 409, e.getMessage(), null);
      } catch (QuarryException e) {
        error(response, callback, 400, e.getMessage(), e.parameter());
      } catch (RuntimeException e) {
        // a bug answers 500 and the server carries on serving
        error(response, callback, 500, "internal error: " + e, null);
      }
      return true;
    }
  }

  /** The route table: what {@link #route} dispatches on and the OpenAPI document describes. */
  static final List<ApiRoute> ROUTES =
      List.of(
          new ApiRoute("GET", "/", PAGE_PARAMS),
          new ApiRoute("GET", "/app.js", NONE),
          new ApiRoute("GET", "/app.css", NONE),
          new ApiRoute("GET", "/api/v1/search", SEARCH_PARAMS),
          new ApiRoute("GET", "/api/v1/passages/{id}", FORMAT_ONLY),
          new ApiRoute("GET", "/api/v1/health", FORMAT_ONLY),
          new ApiRoute("GET", OPENAPI, FORMAT_ONLY),
          new ApiRoute("POST", CODINGS, FORMAT_ONLY),
          new ApiRoute("GET", CODEBOOK, FORMAT_ONLY),
          new ApiRoute("GET", MATRIX, MATRIX_PARAMS),
          new ApiRoute("POST", SUGGEST, FORMAT_ONLY),
          new ApiRoute("GET", FACETS, FORMAT_ONLY),
          new ApiRoute("GET", SOURCES, FORMAT_ONLY),
          new ApiRoute("GET", REVIEW, REVIEW_PARAMS),
          new ApiRoute("POST", LEARN, FORMAT_ONLY));

  private void route(Request request, Response response, Callback callback) {
    String path = request.getHttpURI().getPath();
    if ("/index.html".equals(path)) {
      path = "/";
    }
    String method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
    ApiRoute route = null;
    boolean pathKnown = false;
    for (ApiRoute r : ROUTES) {
      if (r.matches(path)) {
        pathKnown = true;
        if (r.method().equals(method)) {
          route = r;
          break;
        }
      }
    }
    if (route == null) {
      if (pathKnown) {
        throw new ApiError(405, "use " + allowed(path), null);
      }
      throw new ApiError(404, "no such page: " + path, null);
    }
    QueryParameters params =
        QueryParameters.parse(request.getHttpURI().getQuery(), route.parameters());
    switch (route.template()) {
      case "/" -> page(response, callback);
      case "/app.js" -> asset(response, callback, "app.js", "text/javascript; charset=utf-8");
      case "/app.css" -> asset(response, callback, "app.css", "text/css; charset=utf-8");
      case "/api/v1/search" -> send(response, callback, 200, study.search(params));
      case "/api/v1/passages/{id}" -> send(response, callback, 200, study.passage(route.id(path)));
      case "/api/v1/health" -> send(response, callback, 200, study.health());
      case OPENAPI -> send(response, callback, 200, resource("openapi.json"));
      case CODINGS ->
          send(response, callback, 200, coding.coding(JsonBody.read(request, CODING_FIELDS)));
      case CODEBOOK -> send(response, callback, 200, CodebookJson.write(study.codebook()));
      case MATRIX -> send(response, callback, 200, study.matrix(params));
      case SUGGEST ->
          send(response, callback, 200, coding.suggest(JsonBody.read(request, SUGGEST_FIELDS)));
      case FACETS -> send(response, callback, 200, study.facets());
      case SOURCES -> send(response, callback, 200, study.source(route.id(path)));
      case REVIEW -> send(response, callback, 200, coding.review(params));
      case LEARN -> send(response, callback, 200, coding.learn(JsonBody.read(request, Set.of())));
      default -> throw new IllegalStateException("route without a handler: " + route);
    }
  }

  // what a search takes but its format, and what the page's views need
  private static Set<String> pageParameters() {
    Set<String> page = new java.util.TreeSet<>(SEARCH_PARAMS);
    page.remove("format");
    page.addAll(Set.of("view", "code", "rows"));
    return Set.copyOf(page);
  }

  private static String allowed(String path) {
    return String.join(
        " or ",
        ROUTES.stream().filter(r -> r.matches(path)).map(ApiRoute::method).distinct().toList());
  }

  private void page(Response response, Callback callback) {
    String html = resource("index.html");
    // the page sends the token back on state-changing requests; another origin cannot read it
    html =
        html.replaceFirst(
            "</head>", "<meta name=\"quarry-token\" content=\"" + token + "\">\n</head>");
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    response.getHeaders().put("X-Frame-Options", "DENY");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    write(response, callback, 200, html);
  }

  private static void asset(Response response, Callback callback, String name, String type) {
    String text = resource(name);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    write(response, callback, 200, text);
  }

  private static String resource(String name) {
    try (InputStream in = QuarryServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new ApiError(500, name + " is missing from the jar", null);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String pretty(ObjectNode body) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void error(
      Response response, Callback callback, int status, String message, String parameter) {
    ObjectNode body = JSON.createObjectNode().put("error", message);
    if (parameter != null) {
      body.put("parameter", parameter);
    }
    send(response, callback, status, pretty(body));
  }

  private static void send(Response response, Callback callback, int status, String json) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    // ended by a newline as the CLI prints it, so a body saved by curl equals --format json's
    write(response, callback, status, json.endsWith("\n") ? json : json + "\n");
  }

  private static void write(Response response, Callback callback, int status, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  // Jetty's own refusals (a malformed request line, headers too large) answer JSON as ours do
  private static boolean jettyError(Request request, Response response, Callback callback) {
    Object status = request.getAttribute(ErrorHandler.ERROR_STATUS);
    Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
    int code = status instanceof Integer i ? i : 500;
    error(response, callback, code, message == null ? "bad request" : message.toString(), null);
    return true;
  }
}
