package org.quarry.http;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * One line per request: method, path, status and milliseconds. The query string is left out: it
 * holds the researcher's search words and passage text belongs to the study, not to a log.
 */
final class AccessLog implements RequestLog {
  private final Consumer<String> out;

  AccessLog(Consumer<String> out) {
    this.out = out;
  }

  @Override
  public void log(Request request, Response response) {
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
    out.accept(
        "quarry: "
            + request.getMethod()
            + " "
            + request.getHttpURI().getPath()
            + " "
            + response.getStatus()
            + " "
            + ms
            + " ms");
  }
}
