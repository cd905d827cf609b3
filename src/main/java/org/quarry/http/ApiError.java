package org.quarry.http;

/**
 * A request the API refuses: the HTTP status, the one-line message and, when one parameter is to
 * blame, its name. Thrown inside a route and written as {@code {"error": ..., "parameter": ...}}.
 */
final class ApiError extends RuntimeException {
  private final int status;
  private final String parameter;

  ApiError(int status, String message, String parameter) {
    super(message, null, false, false);
    this.status = status;
    this.parameter = parameter;
  }

  int status() {
    return status;
  }

  /** The parameter to blame, or null. */
  String parameter() {
    return parameter;
  }
}
