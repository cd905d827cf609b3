package org.quarry.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Markdown block quote markers, told from comparisons. */
class BlockQuoteMarkersTest {

  @Test
  void nestedMarkersCountTheirDepthAndLength() {
    assertEquals(2, BlockQuoteMarkers.depth("> > It was hard."));
    assertEquals(4, BlockQuoteMarkers.length("> > It was hard."));
    assertEquals(2, BlockQuoteMarkers.depth(">> It was hard."));
  }

  @Test
  void aComparisonIsNotAMarker() {
    assertFalse(BlockQuoteMarkers.quoted(">65 years"));
    assertFalse(BlockQuoteMarkers.quoted("> 5 years"));
    assertEquals(0, BlockQuoteMarkers.length("> 5 years"));
  }

  @Test
  void aLineOfMarkersAlonePartsTwoParagraphsOfAQuote() {
    assertTrue(BlockQuoteMarkers.onlyMarkers(">"));
    assertTrue(BlockQuoteMarkers.onlyMarkers("> >"));
    assertFalse(BlockQuoteMarkers.onlyMarkers("> yes"));
    assertFalse(BlockQuoteMarkers.onlyMarkers(""));
  }
}
