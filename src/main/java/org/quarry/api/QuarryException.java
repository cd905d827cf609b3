package org.quarry.api;

/**
 * A failure Quarry can explain in one line: the message names the file, line or parameter and what
 * to do. The CLI prints the message and exits with {@link #exitCode()}; the HTTP API turns it into
 * a 4xx answer.
 */
public class QuarryException extends RuntimeException {
  /** Exit code for bad usage or bad input (query syntax, codebook, flags, index folder). */
  public static final int BAD_INPUT = 2;

  /** Exit code when the job ran but some inputs failed. */
  public static final int PARTIAL_FAILURE = 1;

  /**
   * Exit code for a failure of Quarry itself (a bug, or the machine running out of memory): a
   * script can tell it from inputs that failed.
   */
  public static final int INTERNAL_ERROR = 3;

  private final int exitCode;
  private final String parameter;

  /** A bad-input failure (exit code 2). */
  public QuarryException(String message) {
    this(message, BAD_INPUT, null);
  }

  /** A bad-input failure (exit code 2) caused by {@code cause}. */
  public QuarryException(String message, Throwable cause) {
    this(message, BAD_INPUT, cause);
  }

  /** A failure with an explicit exit code. */
  public QuarryException(String message, int exitCode, Throwable cause) {
    this(message, exitCode, cause, null);
  }

  private QuarryException(String message, int exitCode, Throwable cause, String parameter) {
    super(message, cause);
    this.exitCode = exitCode;
    this.parameter = parameter;
  }

  /** A bad-input failure caused by one request parameter ({@code q}, {@code filter}, …). */
  public static QuarryException badParameter(String parameter, String message, Throwable cause) {
    return new QuarryException(message, BAD_INPUT, cause, parameter);
  }

  /** The request parameter at fault, or null when none is. */
  public String parameter() {
    return parameter;
  }

  /** The process exit code the CLI uses for this failure. */
  public int exitCode() {
    return exitCode;
  }

  /**
   * One line saying what went wrong in {@code e}, for a report row or a message that names the file
   * itself: the first line of its message, or its kind when it has none.
   */
  static String describe(Exception e) {
    String m = e.getMessage();
    if (e instanceof java.nio.charset.CharacterCodingException) {
      return "cannot decode the text (" + e.getClass().getSimpleName() + ")";
    }
    return m == null || m.isBlank()
        ? e.getClass().getSimpleName()
        : m.lines().findFirst().orElse(m);
  }
}
