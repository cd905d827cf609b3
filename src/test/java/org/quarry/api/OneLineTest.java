package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OneLineTest {
  @Test
  void whiteSpaceIsCollapsedToSingleSpaces() {
    assertEquals("We said: one voice.", OneLine.of("\n  We said:\n\n\tone\u00A0voice.  \n"));
  }

  @Test
  void aLongTextIsCutAtTheEndOfAWordWithAnEllipsis() {
    String text = "word ".repeat(30); // 150 characters
    String line = OneLine.of(text);
    assertEquals("word ".repeat(19) + "word…", line);
    assertEquals(100, line.length());
  }

  @Test
  void aLongWordIsCutWhereTheLineEnds() {
    assertEquals("x".repeat(99) + "…", OneLine.of("x".repeat(300)));
  }

  @Test
  void randomTextsGiveOneLineOfAtMostTheLengthThatStartsTheCollapsedText() {
    Random r = new Random(42);
    String[] pieces = {
      "a", "bc", " ", "\n", "\t", "\u00A0", "\uD83D\uDE00", "é", "word", "  \r\n "
    };
    for (int i = 0; i < 2_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = r.nextInt(120); n > 0; n--) {
        sb.append(pieces[r.nextInt(pieces.length)]);
      }
      String line = OneLine.of(sb.toString());
      String collapsed = sb.toString().replaceAll("(?U)\\s+", " ").strip();
      assertTrue(line.codePointCount(0, line.length()) <= OneLine.LENGTH, line);
      assertTrue(line.chars().noneMatch(c -> c == '\n' || c == '\r' || c == '\t'), line);
      String kept =
          line.endsWith("…") && !collapsed.endsWith("…")
              ? line.substring(0, line.length() - 1)
              : line;
      assertTrue(collapsed.startsWith(kept), line + " | " + collapsed);
      assertTrue(
          kept.isEmpty() || !Character.isHighSurrogate(kept.charAt(kept.length() - 1)), line);
    }
  }
}
