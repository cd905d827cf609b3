package org.quarry.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
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
import org.quarry.api.DecisionJson;
import org.quarry.api.DecisionReport;
import org.quarry.api.IndexBusyException;
import org.quarry.api.LearnJson;
import org.quarry.api.LearnReport;
import org.quarry.api.MatrixJson;
import org.quarry.api.MatrixRequest;
import org.quarry.api.PassageInContext;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.api.ReviewQueue;
import org.quarry.api.SearchJson;
import org.quarry.api.SuggestionOutput;
import org.quarry.model.Codebook;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.SearchOrder;
import org.quarry.model.SearchRequest;
import org.quarry.model.SuggestMethod;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestionRun;

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
  private static final ObjectMapper JSON = new ObjectMapper();
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
  private static final Set<String> DECISIONS = Set.of("accept", "reject", "add", "remove");
  private static final String FACETS = "/api/v1/facets";
  private static final String SOURCES = "/api/v1/sources/{id}";
  private static final String REVIEW = "/api/v1/review";
  private static final Set<String> REVIEW_PARAMS = Set.of("code", "limit", "offset", "format");
  private static final String LEARN = "/api/v1/learn";
  // the seed of learn's calibration folds, as the CLI's default, so both train the same model
  private static final long LEARN_SEED = 42;
  // training shares the machine with the requests the server goes on answering
  private static final int LEARN_THREADS =
      Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  private static final String CODEBOOK = "/api/v1/codebook";
  private static final String MATRIX = "/api/v1/matrix";
  private static final Set<String> MATRIX_PARAMS =
      Set.of("rows", "cells", "min_score", "origin", "filter", "format");
  private static final String SUGGEST = "/api/v1/suggest";
  private static final Set<String> SUGGEST_FIELDS = Set.of("text", "top");
  // a text is one passage: more codes than this per passage is a typo, not a request
  private static final int MAX_TOP = 100;

  private final Quarry quarry;
  private final Server server;
  private final ServerConnector connector;
  private final RequestGuard guard;
  private final String token;
  private final Codebook served;
  private final ReviewQueue review;

  private QuarryServer(
      Quarry quarry, String bind, int port, Consumer<String> accessLog, Codebook served) {
    this.quarry = quarry;
    this.served = served;
    this.review = served == null ? null : new ReviewQueue(quarry, served);
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
    QuarryServer qs = new QuarryServer(quarry, bind, port, accessLog, codebook);
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
      case "/api/v1/search" -> search(params, response, callback);
      case "/api/v1/passages/{id}" -> passage(route.id(path), response, callback);
      case "/api/v1/health" -> send(response, callback, 200, pretty(health()));
      case OPENAPI -> send(response, callback, 200, resource("openapi.json"));
      case CODINGS -> coding(JsonBody.read(request, CODING_FIELDS), response, callback);
      case CODEBOOK ->
          send(
              response,
              callback,
              200,
              CodebookJson.write(served != null ? served : keptCodebook()));
      case MATRIX -> matrix(params, response, callback);
      case SUGGEST -> suggest(JsonBody.read(request, SUGGEST_FIELDS), response, callback);
      case FACETS -> send(response, callback, 200, pretty(facets()));
      case SOURCES -> source(route.id(path), response, callback);
      case REVIEW -> review(params, response, callback);
      case LEARN -> learn(JsonBody.read(request, Set.of()), response, callback);
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

  private void search(QueryParameters params, Response response, Callback callback) {
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
    var result =
        quarry.search(
            SearchRequest.builder(q)
                .facets(facets)
                .filters(filters)
                .limit(limit)
                .offset(offset)
                .includeDuplicates(dups)
                .order(order)
                .interviewers(!"hide".equals(interviewers))
                .build());
    send(response, callback, 200, SearchJson.write(result));
  }

  private static String decodeId(String raw, String what) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, "the " + what + " id has a bad %-escape: '" + raw + "'", "id");
    }
  }

  private void passage(String raw, Response response, Callback callback) {
    String id = decodeId(raw, "passage");
    Optional<PassageInContext> hit = quarry.passageInContext(id);
    if (hit.isEmpty()) {
      // ids are SOURCE#START-END; a browser cuts an unencoded '#' off as the URL's fragment
      String hint =
          id.contains("#") ? "" : "; passage ids look like SOURCE#START-END: encode '#' as %23";
      throw new ApiError(404, "no passage with id '" + id + "'" + hint, "id");
    }
    send(response, callback, 200, SearchJson.writeInContext(hit.get()));
  }

  private void coding(JsonBody body, Response response, Callback callback) {
    String passage = body.text("passage");
    String code = body.text("code");
    String decision = body.text("decision");
    if (!DECISIONS.contains(decision)) {
      throw new ApiError(
          400,
          "field 'decision' must be accept, reject, add or remove, got '" + decision + "'",
          "decision");
    }
    if (quarry.passage(passage).isEmpty()) {
      throw new ApiError(404, "no passage with id '" + passage + "'", "passage");
    }
    // adding a code is accepting it unsuggested; removing one is the researcher's judgement that
    // the passage is not the code, kept as a rejection (a negative example to learn from)
    boolean accepted = "accept".equals(decision) || "add".equals(decision);
    DecisionReport report = accepted ? quarry.accept(passage, code) : quarry.reject(passage, code);
    send(response, callback, 200, DecisionJson.write(report));
  }

  private ObjectNode health() {
    ObjectNode body = JSON.createObjectNode().put("status", "ok").put("api", "v1");
    body.put("codebook", served == null ? null : served.name());
    body.put(
        "model",
        served != null && quarry.suggester(served, null).method() != SuggestMethod.LEXICON);
    body.put("passages", quarry.isEmpty() ? 0 : quarry.passages(true).size());
    return body;
  }

  private ObjectNode facets() {
    ObjectNode body = JSON.createObjectNode();
    var dims = body.putArray("dimensions");
    List.of("participant", "source", "section", "kind", "code", "speaker", "origin")
        .forEach(dims::add);
    var attributes = body.putArray("attributes");
    quarry.attributeNames().forEach(attributes::add);
    return body;
  }

  private void source(String raw, Response response, Callback callback) {
    String id = decodeId(raw, "source");
    var passages = quarry.sourcePassages(id);
    if (passages.isEmpty()) {
      throw new ApiError(404, "no source with id '" + id + "'", "id");
    }
    send(response, callback, 200, SearchJson.writeSource(id, passages));
  }

  private ReviewQueue reviewQueue() {
    if (review == null) {
      throw new ApiError(
          404,
          "no codebook is served: start 'quarry serve --codebook FILE' to review its suggestions",
          null);
    }
    return review;
  }

  private void review(QueryParameters params, Response response, Callback callback) {
    String code = params.first("code");
    if (code == null || code.isBlank()) {
      throw new ApiError(400, "parameter 'code' is required: the code to review", "code");
    }
    int limit = params.intParam("limit", 20);
    int offset = params.intParam("offset", 0);
    send(response, callback, 200, reviewQueue().json(code, offset, limit));
  }

  private void learn(JsonBody body, Response response, Callback callback) {
    ReviewQueue queue = reviewQueue();
    if (quarry.suggester(served, null).method() == SuggestMethod.LEXICON) {
      throw new ApiError(
          409,
          "no learned model for codebook "
              + served.name()
              + " yet: train the first with 'quarry learn --codebook FILE'",
          null);
    }
    LearnReport r;
    try {
      r = quarry.learn(served, null, LEARN_THREADS, LEARN_SEED);
    } catch (IndexBusyException e) {
      throw e;
    } catch (QuarryException e) {
      // nothing wrong with the request: the codings kept so far cannot train a model yet
      throw new ApiError(409, e.getMessage(), null);
    }
    queue.forget();
    send(response, callback, 200, LearnJson.write(r));
  }

  private Codebook keptCodebook() {
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

  private void matrix(QueryParameters params, Response response, Callback callback) {
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
    var matrix = quarry.matrix(request);
    String json;
    try {
      json = MatrixJson.write(matrix, cells == null ? "count" : cells);
    } catch (QuarryException e) {
      throw new ApiError(400, e.getMessage().replace("--cells", "cells"), "cells");
    }
    send(response, callback, 200, json);
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

  private void suggest(JsonBody body, Response response, Callback callback) {
    String text = body.text("text");
    int top = body.optionalInt("top", SuggestOptions.defaults().top(), 1, MAX_TOP);
    Codebook codebook = served != null ? served : keptCodebook();
    if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw new ApiError(400, "field 'text' holds no words to code", "text");
    }
    SuggestionRun run =
        quarry.suggestText(codebook, text, SuggestOptions.builder().top(top).build());
    // words no code's lexicon matches: the text's line with no suggestions, not an error
    PassageSuggestions line =
        run.passages().isEmpty()
            ? new PassageSuggestions(
                Passage.of(
                    "text",
                    PassageKind.NARRATIVE,
                    null,
                    null,
                    0,
                    text.codePointCount(0, text.length()),
                    text),
                List.of())
            : run.passages().get(0);
    send(response, callback, 200, SuggestionOutput.jsonLine(line));
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

  private static String pretty(ObjectNode body) {
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
