package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress bar is drawn on a terminal only: a piped log gets no carriage-return noise. */
class ProgressBarTest {
  private static String drawn(boolean terminal) {
    StringWriter err = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err, true), "indexing", terminal, 0);
    bar.update(1, 2, "a.txt");
    bar.update(2, 2, "b.txt");
    bar.finish();
    return err.toString();
  }

  @Test
  void notDrawnIntoAPipe() {
    assertEquals("", drawn(false));
  }

  @Test
  void drawnOnATerminal() {
    assertTrue(
        drawn(true).contains("indexing [##############################] 2/2 b.txt"), drawn(true));
  }

  @Test
  void theLauncherSaysWhetherStderrIsATerminal() {
    String before = System.getProperty("quarry.stderr.terminal");
    try {
      System.setProperty("quarry.stderr.terminal", "false");
      assertEquals(false, ProgressBar.stderrIsTerminal());
      System.setProperty("quarry.stderr.terminal", "true");
      assertEquals(true, ProgressBar.stderrIsTerminal());
    } finally {
      if (before == null) {
        System.clearProperty("quarry.stderr.terminal");
      } else {
        System.setProperty("quarry.stderr.terminal", before);
      }
    }
  }
}
