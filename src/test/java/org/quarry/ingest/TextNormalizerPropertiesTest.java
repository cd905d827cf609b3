package org.quarry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.quarry.model.OffsetMap;
import org.quarry.model.Span;

/** On any text, normalisation only repairs, and every char maps back to where it came from. */
class TextNormalizerPropertiesTest {

  /**
   * Words, hyphens, line breaks of every kind, combining marks and astral chars, hard-wrapped or
   * not.
   */
  @Provide
  Arbitrary<String> pdfish() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("abcdefghij").ofMinLength(1).ofMaxLength(9),
            Arbitraries.of(
                " ",
                "-",
                "- ",
                "-\n",
                "\n",
                "\n\n",
                "\r\n",
                "\r",
                "\u00AD\n",
                "e\u0301",
                "\uD83D\uDE00",
                "—",
                "/",
                ".",
                ". ",
                "“",
                "”",
                "[P1]",
                "theme 1: x\n",
                "# H\n",
                "I: ",
                "  "));
    return piece.list().ofMaxSize(400).map(l -> String.join("", l));
  }

  @Property(tries = 300, seed = "20261130")
  void theTextChangesOnlyByRepairs(@ForAll("pdfish") String raw) {
    assertEquals(modRepairs(raw), modRepairs(TextNormalizer.normalize(raw).text()));
  }

  @Property(tries = 300, seed = "20261130")
  void everyCharMapsToARawCharThatItRepairs(@ForAll("pdfish") String raw) {
    TextNormalizer.Normalized n = TextNormalizer.normalize(raw);
    OffsetMap map = n.offsets();
    int codePoints = raw.codePointCount(0, raw.length());
    assertEquals(codePoints, map.toOriginal(n.text().length()));
    for (int i = 0; i < n.text().length(); i++) {
      Span span = map.toOriginal(i, i + 1);
      assertTrue(span.start() >= 0 && span.end() <= codePoints, i + " maps to " + span);
      String original =
          raw.substring(
              raw.offsetByCodePoints(0, span.start()), raw.offsetByCodePoints(0, span.end()));
      String c = n.text().substring(i, i + 1);
      boolean same =
          modRepairs(c).isEmpty()
              || Normalizer.normalize(original, Normalizer.Form.NFD)
                  .startsWith(Normalizer.normalize(c, Normalizer.Form.NFD).substring(0, 1));
      assertTrue(
          same || Character.isSurrogate(c.charAt(0)),
          "char " + i + " '" + c + "' maps to '" + original + "'");
    }
  }

  private static String modRepairs(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("[\\s\\-\u2010\u00AD]", "");
  }
}
