package org.quarry.index;

import java.io.IOException;

/** Another process (or another indexer in this one) is writing the same index. */
public final class IndexLockedException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The index at {@code dir} is locked; {@code cause} is Lucene's lock failure. */
  public IndexLockedException(String dir, Throwable cause) {
    super(
        "index "
            + dir
            + " is being written by another Quarry process; wait for it to finish (if none is"
            + " running, delete "
            + dir
            + "/write.lock)",
        cause);
  }
}
