package org.quarry.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr that appears only once a job has run for more than a
 * second, so quick jobs stay quiet.
 */
final class ProgressBar {
  private static final long QUIET_NANOS = 1_000_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String label;
  private final long startNanos = System.nanoTime();
  private boolean shown;
  private long lastDrawNanos;

  ProgressBar(PrintWriter err, String label) {
    this.err = err;
    this.label = label;
  }

  /** Reports {@code done} of {@code total} units; draws at most ten times a second. */
  synchronized void update(long done, long total, String what) {
    long now = System.nanoTime();
    if (now - startNanos < QUIET_NANOS || (shown && now - lastDrawNanos < 100_000_000L && done < total)) {
      return;
    }
    shown = true;
    lastDrawNanos = now;
    int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, done * WIDTH / total);
    String name = what == null ? "" : what;
    if (name.length() > 40) {
      name = "…" + name.substring(name.length() - 39);
    }
    err.print(
        String.format(
            "\r%s [%s%s] %d/%d %-40s",
            label, "#".repeat(filled), " ".repeat(WIDTH - filled), done, total, name));
    err.flush();
  }

  /** Ends the bar's line if it was drawn. */
  synchronized void finish() {
    if (shown) {
      err.println();
      err.flush();
    }
  }
}
