package org.quarry.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quarry.model.Decision;
import org.quarry.model.Passage;

/** Where a source's decisions land when its text changes: on the passages holding their words. */
class DecisionPlacementTest {
  private static final String TEXT = "Yes.\n\nIt was slow.\n\nYes.\n\nThe app helped.";

  private static List<Passage> passages(String text) {
    return TestCorpus.paragraphs("t.txt", text).passages();
  }

  private static Decision on(Passage p, String code, boolean accepted) {
    return Decision.on(p, code, accepted);
  }

  @Test
  void aDecisionWhosePassageIsUnchangedStaysWhereItWas() {
    List<Passage> ps = passages(TEXT);
    Decision d = on(ps.get(1), "speed", true);
    DecisionPlacement placed = DecisionPlacement.place(List.of(d), ps);
    assertEquals(List.of(d), placed.decisions());
    assertEquals(0, placed.moved());
  }

  @Test
  void aDecisionMovesToItsWordsWhenTextBeforeThemChanged() {
    Decision d = on(passages(TEXT).get(3), "app", true);
    List<Passage> now = passages("Hello.\n\n" + TEXT);
    DecisionPlacement placed = DecisionPlacement.place(List.of(d), now);
    assertEquals(List.of(d.at(now.get(4).start(), now.get(4).end(), true)), placed.decisions());
    assertEquals(1, placed.moved());
    assertEquals(List.of(placed.decisions().get(0)), placed.acceptedOn(now.get(4)));
  }

  @Test
  void decisionsOnPassagesWithTheSameWordsEachKeepTheirOwnPassage() {
    List<Passage> ps = passages(TEXT);
    Decision first = on(ps.get(0), "agree", true);
    Decision second = on(ps.get(2), "agree", false);
    List<Passage> now = passages("Hello.\n\n" + TEXT);
    DecisionPlacement placed = DecisionPlacement.place(List.of(second, first), now);
    assertEquals(
        List.of(
            first.at(now.get(1).start(), now.get(1).end(), true),
            second.at(now.get(3).start(), now.get(3).end(), true)),
        placed.decisions());
  }

  @Test
  void aDecisionWhoseWordsAreGoneIsKeptAtItsOldSpanNotApplied() {
    Decision d = on(passages(TEXT).get(1), "speed", false);
    DecisionPlacement placed =
        DecisionPlacement.place(List.of(d), passages(TEXT.replace("slow", "quick")));
    assertEquals(List.of(d.at(d.start(), d.end(), false)), placed.decisions());
    assertEquals(1, placed.unapplied());
  }

  @Test
  void aDecisionThatDidNotApplyAppliesAgainWhenItsWordsComeBack() {
    Decision gone = on(passages(TEXT).get(1), "speed", true).at(0, 3, false);
    List<Passage> now = passages(TEXT);
    DecisionPlacement placed = DecisionPlacement.place(List.of(gone), now);
    assertEquals(List.of(gone.at(now.get(1).start(), now.get(1).end(), true)), placed.decisions());
    assertEquals(1, placed.reapplied());
  }
}
