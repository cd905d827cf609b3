package org.quarry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Shifting an offset map: a text normalised from the part of a file after its front matter. */
class OffsetMapShiftedTest {
  @Test
  void everyOffsetMovesOnByTheShift() {
    OffsetMap shifted = OffsetMap.of(new int[] {0, 1, 3, 4}).shifted(10);
    assertEquals(OffsetMap.of(new int[] {10, 11, 13, 14}), shifted);
    assertEquals(new Span(11, 14), shifted.toOriginal(1, 3));
  }

  @Test
  void aShiftKeepsTheLength() {
    assertEquals(5, OffsetMap.identity("hello").shifted(7).length());
  }

  @Test
  void aNegativeShiftIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> OffsetMap.identity("x").shifted(-1));
  }
}
