package org.quarry.coding;

/** A codebook that cannot be used; the message names the file, line and key, in one line. */
public final class CodebookException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An error with a one-line message. */
  public CodebookException(String message) {
    super(message);
  }

  /** An error with a one-line message and its cause. */
  public CodebookException(String message, Throwable cause) {
    super(message, cause);
  }
}
