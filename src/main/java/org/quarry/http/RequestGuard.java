package org.quarry.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The checks every request passes before a route sees it, so a page on another site cannot read or
 * change the study through the researcher's browser: the {@code Host} header names this server (DNS
 * rebinding), an {@code Origin} header is this server's own, a state-changing method carries the
 * per-server token the page was given, and the query and body are bounded.
 */
final class RequestGuard {
  /** The request header that carries the per-server token. */
  static final String TOKEN_HEADER = "X-Quarry-Token";

  static final int MAX_QUERY_BYTES = 8 * 1024;
  static final long MAX_BODY_BYTES = 1024 * 1024;

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final AllowedHosts hosts;
  private final String token;

  RequestGuard(AllowedHosts hosts, String token) {
    this.hosts = hosts;
    this.token = token;
  }

  /** Throws the {@link ApiError} that refuses {@code request}, or returns when it may go on. */
  void check(Request request, int port) {
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (!namesThisServer(host, port)) {
      throw new ApiError(
          403,
          "Host '" + host + "' is not this server's address (refused against DNS rebinding)",
          null);
    }
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin != null && !isOwnOrigin(origin, host)) {
      throw new ApiError(403, "requests from origin '" + origin + "' are refused", null);
    }
    String query = request.getHttpURI().getQuery();
    if (query != null && query.length() > MAX_QUERY_BYTES) {
      throw new ApiError(414, "the query string is over " + MAX_QUERY_BYTES + " bytes", null);
    }
    long length = request.getLength();
    if (length > MAX_BODY_BYTES) {
      throw new ApiError(413, "the request body is over " + MAX_BODY_BYTES + " bytes", null);
    }
    if (!SAFE_METHODS.contains(request.getMethod()) && !hasToken(request)) {
      throw new ApiError(
          403, request.getMethod() + " needs the server's token in " + TOKEN_HEADER, null);
    }
  }

  private boolean namesThisServer(String host, int port) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    int colon = host.lastIndexOf(':');
    boolean hasPort = colon > host.lastIndexOf(']');
    String name = hasPort ? host.substring(0, colon) : host;
    String portText = hasPort ? host.substring(colon + 1) : "80";
    return hosts.allows(name) && portText.equals(Integer.toString(port));
  }

  // The page's own origin is http:// plus the Host it was loaded from; Host is checked already
  private static boolean isOwnOrigin(String origin, String host) {
    try {
      URI o = new URI(origin);
      return "http".equals(o.getScheme())
          && o.getRawPath() != null
          && o.getRawPath().isEmpty()
          && host.equalsIgnoreCase(o.getRawAuthority());
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private boolean hasToken(Request request) {
    String given = request.getHeaders().get(TOKEN_HEADER);
    return given != null
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }
}
