package org.quarry.ingest;

import java.io.IOException;

/** A file that was read but has nothing to index; the message is the reason for the report. */
public final class SkippedSourceException extends IOException {
  private final String reason;

  /**
   * @param reason a short reason such as {@code empty}, {@code binary}, {@code encrypted PDF},
   *     {@code no text layer}
   */
  public SkippedSourceException(String reason) {
    super(reason);
    this.reason = reason;
  }

  /** The short reason for the ingest report. */
  public String reason() {
    return reason;
  }
}
