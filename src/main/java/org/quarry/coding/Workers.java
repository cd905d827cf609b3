package org.quarry.coding;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the tasks of one step of a suggestion run on a fixed pool of threads, one thread a task, and
 * rethrows a task's failure as it was thrown (an {@link IOException} stays one).
 *
 * <p>Tasks are never interrupted: a thread interrupted while it reads through a file channel
 * (Lucene's NIOFSDirectory) closes that channel for every other reader of the index. A failure
 * instead raises a flag the other tasks check between steps ({@link #stopped()}), and the pool is
 * shut down and awaited before {@link #run} returns or throws, so no task still reads the index
 * when the caller closes it.
 */
public final class Workers {
  /** A task; it throws what the single-threaded code would. */
  @FunctionalInterface
  interface Task<T> {
    T call() throws IOException;
  }

  // how often the calling thread relays progress while it waits
  private static final long TICK_MILLIS = 100;

  private final AtomicBoolean stopped = new AtomicBoolean();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  /** Whether the run is over (a task failed, or the caller gave up): tasks should return. */
  boolean stopped() {
    return stopped.get();
  }

  /**
   * Runs {@code tasks}, each on its own thread, and returns their results in task order. While it
   * waits, the calling thread calls {@code tick} about ten times a second and once at the end, so
   * progress is reported from the calling thread only.
   *
   * @throws IOException the first failure of a task, as thrown (so are runtime exceptions and
   *     errors); the other tasks have stopped by then
   */
  <T> List<T> run(String name, List<Task<T>> tasks, Runnable tick) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size(), threads(name));
    try {
      List<Future<T>> futures = new ArrayList<>(tasks.size());
      for (Task<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  try {
                    return task.call();
                  } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    stopped.set(true);
                    throw t;
                  }
                }));
      }
      List<T> results = new ArrayList<>(tasks.size());
      for (Future<T> f : futures) {
        while (failure.get() == null) {
          try {
            results.add(f.get(TICK_MILLIS, TimeUnit.MILLISECONDS));
            break;
          } catch (TimeoutException e) {
            tick.run();
          } catch (ExecutionException e) {
            break; // the first failure, which may be another task's, is rethrown below
          }
        }
      }
      Throwable t = failure.get();
      if (t != null) {
        throw rethrow(t);
      }
      tick.run();
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("suggestion interrupted");
    } finally {
      stopped.set(true);
      pool.shutdown();
      awaitTermination(pool);
    }
  }

  private static IOException rethrow(Throwable t) {
    if (t instanceof IOException io) {
      return io;
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IOException(t); // a Task throws nothing else
  }

  /**
   * Waits until the shut-down {@code pool}'s tasks have returned, even when the caller is
   * interrupted meanwhile (the interrupt is kept for the caller): no task may outlive its run.
   */
  public static void awaitTermination(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  // daemon threads, so that a pool can never keep the JVM alive; named for thread dumps
  private static ThreadFactory threads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "quarry-" + name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
