package org.quarry.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;

/**
 * A source record keeps only the text between its passages, and the passages' texts put back give
 * the text that was read, whatever the passages are.
 */
class SourceLayoutTest {
  private static final String TRANSCRIPT =
      "Interviewer: What changed?\nP1: One voice for the ICS at last.\n"
          + "Interviewer: And then?\nP1: Commissioners listened.\n";

  private static Passage at(String text, String words) {
    int start = text.indexOf(words);
    return Passage.of(
        "t.txt", PassageKind.RESPONSE, "P1", null, start, start + words.length(), words);
  }

  private static List<Passage> turns() {
    return List.of(
        at(TRANSCRIPT, "One voice for the ICS at last."),
        at(TRANSCRIPT, "Commissioners listened."));
  }

  private static String roundTrip(String text, OffsetMap offsets, List<Passage> passages) {
    SourceLayout layout = SourceLayout.of(text, offsets, passages);
    String gaps = layout.gaps(text);
    List<Passage> shuffled = new ArrayList<>(passages);
    java.util.Collections.reverse(shuffled);
    return SourceLayout.decode(layout.encode()).rebuild("t.txt", gaps, shuffled);
  }

  @Test
  void theRecordKeepsOnlyTheTextBetweenThePassages() {
    SourceLayout layout = SourceLayout.of(TRANSCRIPT, OffsetMap.identity(TRANSCRIPT), turns());
    assertEquals(
        "Interviewer: What changed?\nP1: \nInterviewer: And then?\nP1: \n",
        layout.gaps(TRANSCRIPT));
  }

  @Test
  void thePassagesPutBackGiveTheTextRead() {
    assertEquals(TRANSCRIPT, roundTrip(TRANSCRIPT, OffsetMap.identity(TRANSCRIPT), turns()));
  }

  @Test
  void aPassageWhoseTextIsNotTheSourcesCharsIsKeptInTheRecord() {
    Passage joined =
        new Passage(
            "t.txt#x",
            "t.txt",
            PassageKind.RESPONSE,
            "P1",
            null,
            31,
            61,
            "One voice for the ICS, at last",
            java.util.Map.of());
    List<Passage> passages = List.of(joined, turns().get(1));
    SourceLayout layout = SourceLayout.of(TRANSCRIPT, OffsetMap.identity(TRANSCRIPT), passages);
    assertTrue(layout.gaps(TRANSCRIPT).contains("One voice for the ICS at last."));
    assertEquals(TRANSCRIPT, roundTrip(TRANSCRIPT, OffsetMap.identity(TRANSCRIPT), passages));
  }

  @Test
  void overlappingPassagesLeaveOutTheirCharsOnce() {
    List<Passage> passages = new ArrayList<>(turns());
    passages.add(at(TRANSCRIPT, "the ICS"));
    passages.add(at(TRANSCRIPT, "One voice for the ICS at last.\nInterviewer"));
    assertEquals(TRANSCRIPT, roundTrip(TRANSCRIPT, OffsetMap.identity(TRANSCRIPT), passages));
  }

  @Test
  void aTextWhoseCharsAreNotTheFilesCodePointsIsPutBackExactly() {
    // a surrogate pair is one code point of the file and two chars of the text
    String text = "P1: A smile \uD83D\uDE00 here.\n\nP2: And the voice \uD83D\uDE00 there.\n";
    int[] origin = new int[text.length() + 1];
    for (int i = 0, cp = 0; i <= text.length(); i++) {
      origin[i] = cp;
      if (i < text.length() && !Character.isHighSurrogate(text.charAt(i))) {
        cp++;
      }
    }
    OffsetMap offsets = OffsetMap.of(origin);
    String second = "And the voice \uD83D\uDE00 there.";
    int at = text.indexOf(second);
    Passage p =
        Passage.of(
            "t.txt",
            PassageKind.RESPONSE,
            "P2",
            null,
            offsets.toOriginal(at),
            offsets.toOriginal(at + second.length()),
            second);
    assertEquals(at, SourceLayout.charIndex(text, offsets, p));
    assertEquals(text, roundTrip(text, offsets, List.of(p)));
    assertEquals(
        at, PassageLocations.of(offsets, SourceLayout.of(text, offsets, List.of(p))).charIndex(p));
  }

  @Test
  void aPassageMissingWhenTheTextIsReadBackIsAnErrorNamingTheSourceAndTheFix() {
    SourceLayout layout = SourceLayout.of(TRANSCRIPT, OffsetMap.identity(TRANSCRIPT), turns());
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> layout.rebuild("t.txt", layout.gaps(TRANSCRIPT), turns().subList(0, 1)));
    assertTrue(e.getMessage().contains("source t.txt"), e.getMessage());
    assertTrue(e.getMessage().contains("--reindex"), e.getMessage());
  }

  @Test
  void aCorruptLayoutIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SourceLayout.decode(new org.apache.lucene.util.BytesRef(new byte[] {9, 1})));
  }
}
