package org.quarry.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr that appears only once a job has run for more than a second, so
 * quick jobs stay quiet, and only when stderr is a terminal: carriage returns in a piped log are
 * noise.
 */
final class ProgressBar {
  private static final long QUIET_NANOS = 1_000_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String label;
  private final long startNanos = System.nanoTime();
  private boolean shown;
  private long lastDrawNanos;

  private final boolean terminal;

  private final long quietNanos;

  ProgressBar(PrintWriter err, String label) {
    this(err, label, stderrIsTerminal(), QUIET_NANOS);
  }

  ProgressBar(PrintWriter err, String label, boolean terminal, long quietNanos) {
    this.err = err;
    this.label = label;
    this.terminal = terminal;
    this.quietNanos = quietNanos;
  }

  /**
   * Whether stderr is a terminal: the launcher says so ({@code -Dquarry.stderr.terminal}, from
   * {@code [ -t 2 ]}); run otherwise, only a console that is a terminal counts.
   */
  static boolean stderrIsTerminal() {
    String told = System.getProperty("quarry.stderr.terminal");
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Console.isTerminal is Java 22+; Quarry builds for 21
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // Java 21 gives a console only to a terminal
    }
  }

  /** Reports {@code done} of {@code total} units; draws at most ten times a second. */
  synchronized void update(long done, long total, String what) {
    long now = System.nanoTime();
    if (!terminal
        || now - startNanos < quietNanos
        || (shown && now - lastDrawNanos < 100_000_000L && done < total)) {
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
            java.util.Locale.ROOT,
            "\r%s [%s%s] %d/%d %-40s",
            label,
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            done,
            total,
            name));
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
