package org.quarry.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.IndexWriter;

/**
 * Commits an {@link IndexWriter} on a thread of its own while the writing thread goes on adding
 * sources: a commit flushes every buffered document and syncs the files, and a run that does not
 * tag spent a sixth of its writer thread's time waiting for that. At most one commit runs at a
 * time; a request while one runs is dropped, as the next request (or the run's last commit) covers
 * what it would have. A commit sees each source whole or not at all, as long as each source is
 * written by one {@link IndexWriter#updateDocuments} call.
 *
 * <p>Used by one thread, the writer's. A failed commit is thrown from the next {@link #request} or
 * from {@link #finish}.
 */
final class BackgroundCommits implements AutoCloseable {
  private final IndexWriter writer;
  private ExecutorService thread;
  private Future<?> running;

  BackgroundCommits(IndexWriter writer) {
    this.writer = writer;
  }

  /**
   * Starts a commit unless one is running.
   *
   * @throws IOException when the last commit failed
   */
  void request() throws IOException {
    if (running != null && !running.isDone()) {
      return;
    }
    finish();
    if (thread == null) {
      thread =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "quarry-commit");
                t.setDaemon(true);
                return t;
              });
    }
    running =
        thread.submit(
            () -> {
              try {
                writer.commit();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /**
   * Waits for the running commit, if any.
   *
   * @throws IOException when it failed
   */
  void finish() throws IOException {
    Future<?> f = running;
    running = null;
    if (f == null) {
      return;
    }
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while committing the index", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    }
  }

  /**
   * Waits for the running commit and stops the thread. A failure of that commit is not thrown here:
   * {@code close} runs when the run has already failed, or after {@link #finish}.
   */
  @Override
  public void close() {
    try {
      finish();
    } catch (IOException | RuntimeException e) {
      // the run that is ending has its own failure to report, or called finish already
    } finally {
      if (thread != null) {
        thread.shutdown();
      }
    }
  }
}
