package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.quarry.api.QuarryException;

/** Exit codes tell a script what happened: bad input (2), failed inputs (1), a bug (3). */
class ExitCodesTest {
  private final StringWriter err = new StringWriter();

  private int failed(Exception e) {
    return QuarryCommand.failed(e, new PrintWriter(err, true), false);
  }

  @Test
  void aBugIsAnInternalErrorNotAFailedInput() {
    assertEquals(3, failed(new NullPointerException("x is null")));
    assertTrue(err.toString().startsWith("quarry: internal error: "), err.toString());
    assertEquals(1, err.toString().strip().lines().count());
  }

  @Test
  void badInputKeepsItsOwnCode() {
    assertEquals(2, failed(new QuarryException("codebook.yaml:3: bad YAML")));
    assertFalse(err.toString().contains("internal error"));
  }

  @Test
  void aPartialFailureKeepsItsOwnCode() {
    assertEquals(
        1, failed(new QuarryException("2 files failed", QuarryException.PARTIAL_FAILURE, null)));
  }
}
