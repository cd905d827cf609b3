package org.quarry.coding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.quarry.model.PassageSuggestions;

/**
 * Hands runs of suggestions, gathered by several threads in any order, to one sink in run order,
 * one passage at a time. A thread may start run {@code r} only when fewer than {@code window} runs
 * lie between it and the run the sink waits for, so what waits in memory stays bounded however slow
 * one run is.
 */
final class RunsInOrder {
  private final Consumer<PassageSuggestions> sink;
  private final int window;
  private final BooleanSupplier stopped;
  private final Map<Integer, List<PassageSuggestions>> waiting = new HashMap<>();
  private int next; // the run the sink waits for

  RunsInOrder(Consumer<PassageSuggestions> sink, int window, BooleanSupplier stopped) {
    this.sink = sink;
    this.window = Math.max(1, window);
    this.stopped = stopped;
  }

  /**
   * Waits until run {@code run} may start; false when the work stopped meanwhile (a task failed),
   * so the caller gives up (also when its thread is interrupted). Runs are taken in increasing
   * order, so the run the sink waits for is always being gathered by some thread, and a wait always
   * ends.
   */
  synchronized boolean awaitTurn(int run) {
    while (run - next >= window) {
      if (stopped.getAsBoolean()) {
        return false;
      }
      try {
        wait(100); // wakes to see a stop that no completion announces
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the pool is being shut down
        return false;
      }
    }
    return !stopped.getAsBoolean();
  }

  /** Run {@code run} is gathered: hands it, and any runs it was holding up, to the sink. */
  synchronized void complete(int run, List<PassageSuggestions> part) {
    waiting.put(run, part);
    for (List<PassageSuggestions> ready = waiting.remove(next);
        ready != null;
        ready = waiting.remove(next)) {
      ready.forEach(sink);
      next++;
    }
    notifyAll();
  }
}
