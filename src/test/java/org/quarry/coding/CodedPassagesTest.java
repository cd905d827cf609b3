package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quarry.learn.PassageBag;
import org.quarry.model.GoldItem;
import org.quarry.model.GroupBy;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;

/** Which passages a coding labels. */
class CodedPassagesTest {
  private static BaggedPassages.Bagged bagged(Passage p) {
    return new BaggedPassages.Bagged(
        0, p, new PassageBag(Map.of(), Map.of(), p.kind().label(), Map.of()), Map.of());
  }

  private static final Passage FIRST =
      Passage.of("t.txt", PassageKind.TURN, "P1", null, 0, 40, "x".repeat(40));
  private static final Passage SECOND =
      Passage.of("t.txt", PassageKind.TURN, "P1", null, 50, 90, "y".repeat(40));
  private static final Passage THIRD =
      Passage.of("t.txt", PassageKind.TURN, "P1", null, 100, 140, "z".repeat(40));
  private static final Passage OTHER =
      Passage.of("u.txt", PassageKind.TURN, "P2", null, 0, 10, "w".repeat(10));

  private static CodedPassages coded(GoldItem item) {
    return CodedPassages.of(
        List.of(bagged(FIRST), bagged(SECOND), bagged(THIRD), bagged(OTHER)),
        List.of(item),
        List.of(Optional.of(FIRST)),
        GroupBy.SOURCE);
  }

  @Test
  void aSpanOverSeveralTurnsLabelsEachTurnMostlyInsideIt() {
    // with its words as well as its span, as the gold of a QDA export gives it
    CodedPassages c = coded(new GoldItem(1, "t.txt", "P1", "a", "xxx … yyy", 0, 95));
    assertEquals(List.of(Set.of("a"), Set.of("a"), Set.of()), c.labels());
  }

  @Test
  void uncodedPassagesOfACodedSourceAreNegativesAndOtherSourcesAreLeftOut() {
    CodedPassages c = coded(new GoldItem(1, "t.txt", "P1", "a", null, 0, 40));
    assertEquals(3, c.size());
    assertEquals(List.of(Set.of("a"), Set.of(), Set.of()), c.labels());
  }
}
