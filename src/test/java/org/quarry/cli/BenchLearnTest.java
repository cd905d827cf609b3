package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code bench --learn} at sizes too small to learn anything still reports, in its table. */
class BenchLearnTest {
  @Test
  void tooFewPassagesToLearnAnyCodeGiveAReportOfNoCodes() {
    CliRun run =
        CliRun.of("bench", "--learn", "--passages", "50", "--codes", "100", "--rounds", "1");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("training: 50 passages, 0 codes learned"), run.out());
  }

  @Test
  void benchAndSolrTakeVerboseAsTheInternalErrorMessageAsks() {
    CliRun bench = CliRun.of("bench", "--cold-start", "--rounds", "0", "--verbose");
    assertEquals(2, bench.exitCode(), bench.err());
    assertTrue(bench.err().contains("--rounds must be 1 or more"), bench.err());
    CliRun solr =
        CliRun.of("solr", "no-such-action", "--solr", "http://localhost:1/solr/x", "--verbose");
    assertEquals(2, solr.exitCode(), solr.err());
    assertTrue(solr.err().contains("unknown action"), solr.err());
  }
}
