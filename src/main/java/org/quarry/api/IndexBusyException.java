package org.quarry.api;

/**
 * The index is being written by another run (an {@code index}, {@code suggest} or decision of this
 * or another process): nothing was written; trying again once it is done will do.
 */
public final class IndexBusyException extends QuarryException {
  IndexBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}
