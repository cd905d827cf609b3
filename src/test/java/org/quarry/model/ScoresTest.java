package org.quarry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One rounding rule for every output: half up, on the decimal value. */
class ScoresTest {
  @Test
  void dataOutputsKeepFourDecimalsHalfUp() {
    assertEquals(0.1235, Scores.round(0.12345));
    assertEquals(0.7053, Scores.round(0.70529999));
    assertEquals(1.0, Scores.round(0.99999));
  }

  @Test
  void textOutputsPrintFewerDecimalsByTheSameRule() {
    assertEquals("0.13", Scores.format(0.125, 2));
    assertEquals("0.900", Scores.format(0.9, 3));
    assertEquals("0.71", Scores.format(0.705, 2));
  }

  @Test
  void whatIsNoNumberStaysAsItIs() {
    assertEquals(Double.NaN, Scores.round(Double.NaN));
  }
}
