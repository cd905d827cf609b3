package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoreCalibrationTest {
  @Test
  void oneTypicalMentionScoresOneMinusExpMinusHalf() {
    ScoreCalibration c = new ScoreCalibration(4.0, 1.0);
    assertEquals(1 - Math.exp(-0.5), c.calibrate(4.0 / 2.2), 1e-12);
    assertEquals(1 - Math.exp(-1.0), c.calibrate(2 * 4.0 / 2.2), 1e-12);
  }

  @Test
  void weightScalesTheMentions() {
    assertEquals(
        new ScoreCalibration(4.0, 1.0).calibrate(2),
        new ScoreCalibration(4.0, 2.0).calibrate(1),
        1e-12);
  }

  @Test
  void randomRawScoresStayInZeroToOneAndKeepTheirOrder() {
    Random r = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      ScoreCalibration c =
          new ScoreCalibration(0.01 + 20 * r.nextDouble(), 0.01 + 5 * r.nextDouble());
      double a = 100 * r.nextDouble();
      double b = a + 100 * r.nextDouble();
      double ca = c.calibrate(a);
      double cb = c.calibrate(b);
      assertTrue(ca >= 0 && cb <= 1 && ca <= cb, a + " " + b);
    }
    assertEquals(0, new ScoreCalibration(1, 1).calibrate(0));
  }

  @Test
  void rejectsANonPositiveReferenceOrWeight() {
    assertThrows(IllegalArgumentException.class, () -> new ScoreCalibration(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new ScoreCalibration(1, -1));
  }
}
