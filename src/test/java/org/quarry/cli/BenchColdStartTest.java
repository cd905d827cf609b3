package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code bench --cold-start} starts whole processes, so its timings are not run here; what is
 * checked is that bad input ends in one line before any process starts.
 */
class BenchColdStartTest {
  @Test
  void noRoundsIsAOneLineError() {
    CliRun run = CliRun.of("bench", "--cold-start", "--rounds", "0");
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().contains("--rounds"), run.err());
  }

  @Test
  void aMissingCorpusFolderIsAOneLineError() {
    CliRun run = CliRun.of("bench", "--cold-start", "no-such-folder");
    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().contains("no-such-folder"), run.err());
  }
}
