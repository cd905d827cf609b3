package org.quarry.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.quarry.ingest.TextNormalizer;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;

/**
 * Whatever the passages (exact, altered, overlapping, nested, empty of text, in any order) and
 * whatever the offset map, a source record with its passages gives back the text read, and places
 * each passage where the whole text would.
 */
class SourceLayoutPropertiesTest {

  @Provide
  Arbitrary<String> raw() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("abcdefghij").ofMinLength(1).ofMaxLength(9),
            Arbitraries.of(
                " ", "-\n", "\n", "\n\n", "\r\n", "e\u0301", "\uD83D\uDE00", ". ", "P1: ", "I: "));
    return piece.list().ofMinSize(1).ofMaxSize(200).map(l -> String.join("", l));
  }

  private record Case(String text, OffsetMap offsets, List<Passage> passages) {}

  // passages cut at random places of the normalised text; some altered, as a segmenter that joins
  // or trims lines makes them
  private static Case cut(String raw, long seed) {
    TextNormalizer.Normalized n = TextNormalizer.normalize(raw);
    String text = n.text();
    OffsetMap offsets = n.offsets();
    Random random = new Random(seed);
    List<Passage> passages = new ArrayList<>();
    int count = random.nextInt(12);
    for (int i = 0; i < count && !text.isEmpty(); i++) {
      int a = random.nextInt(text.length());
      int b = a + 1 + random.nextInt(Math.min(40, text.length() - a));
      String words = text.substring(a, b);
      switch (random.nextInt(5)) {
        case 0 -> words = words + "x";
        case 1 -> words = words.replace('a', 'z');
        default -> {}
      }
      passages.add(
          new Passage(
              "s.txt#" + i,
              "s.txt",
              PassageKind.NARRATIVE,
              null,
              null,
              offsets.toOriginal(a),
              offsets.toOriginal(b),
              words,
              Map.of()));
    }
    return new Case(text, offsets, passages);
  }

  @Property(tries = 400, seed = "20261207")
  void theTextReadBackIsTheTextRead(@ForAll("raw") String raw, @ForAll long seed) {
    Case c = cut(raw, seed);
    SourceLayout layout = SourceLayout.of(c.text(), c.offsets(), c.passages());
    List<Passage> shuffled = new ArrayList<>(c.passages());
    Collections.shuffle(shuffled, new Random(seed));
    assertEquals(
        c.text(),
        SourceLayout.decode(layout.encode()).rebuild("s.txt", layout.gaps(c.text()), shuffled));
  }

  @Property(tries = 400, seed = "20261207")
  void eachPassageIsPlacedWhereTheWholeTextPlacesIt(@ForAll("raw") String raw, @ForAll long seed) {
    Case c = cut(raw, seed);
    PassageLocations stored =
        PassageLocations.of(
            c.offsets(),
            SourceLayout.decode(SourceLayout.of(c.text(), c.offsets(), c.passages()).encode()));
    PassageLocations whole = PassageLocations.of(c.text(), c.offsets());
    // a place is known by start and length; two passages alike in both may be told apart only by
    // their words, which the layout does not keep
    Map<Long, Integer> alike = new HashMap<>();
    c.passages()
        .forEach(p -> alike.merge(SourceLayout.key(p.start(), p.text().length()), 1, Integer::sum));
    for (Passage p : c.passages()) {
      if (alike.get(SourceLayout.key(p.start(), p.text().length())) == 1) {
        assertEquals(whole.charIndex(p), stored.charIndex(p), p.toString());
      }
    }
  }
}
