package org.quarry.api;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One writer at a time per index folder within this process, taken in turn: a decision waits for
 * the one before it (each takes milliseconds) instead of failing on Lucene's write lock, which is
 * left to tell this process from another. A turn is a permit, not a lock, because the writer it
 * guards may be closed by another thread than the one that opened it.
 */
final class WriterTurns {
  /** How long a writer waits for its turn before the index counts as busy. */
  static final long WAIT_SECONDS = 5;

  private static final ConcurrentHashMap<Path, Semaphore> TURNS = new ConcurrentHashMap<>();

  private WriterTurns() {}

  /**
   * Waits for the turn to write to {@code dir}; the caller gives it back by releasing the permit.
   *
   * @throws IndexBusyException when another writer of this process kept it past {@link
   *     #WAIT_SECONDS}
   */
  static Semaphore take(Path dir) {
    Semaphore turn =
        TURNS.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new Semaphore(1, true));
    try {
      if (turn.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
        return turn;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IndexBusyException(
        "index "
            + dir
            + " is being written by another run of this Quarry (an index run, a suggestion run or"
            + " a decision); nothing was written: try again when it is done",
        null);
  }
}
