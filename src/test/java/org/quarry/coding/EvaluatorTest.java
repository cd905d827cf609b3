package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.EvalReport;
import org.quarry.model.GoldItem;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Suggestion;

class EvaluatorTest {
  static final Codebook BOOK =
      new Codebook(
          "b",
          null,
          List.of(
              new Code("A", "A", null, null, List.of("alpha"), List.of(), null, 1),
              new Code("B", "B", null, null, List.of("beta"), List.of(), null, 1)));

  static Passage p(int n, String text) {
    return Passage.of(
        "d.txt", PassageKind.QUOTE, null, null, n * 100, n * 100 + text.length(), text);
  }

  static final List<Passage> PASSAGES =
      List.of(p(1, "Alpha, one."), p(2, "alpha beta beta"), p(3, "beta"), p(4, "nothing at all"));

  static Suggestion s(int n, String code, double score) {
    return new Suggestion(PASSAGES.get(n - 1).id(), code, score, List.of());
  }

  static GoldItem g(int line, String code, String quote) {
    return new GoldItem(line, "d.txt", null, code, quote, -1, -1);
  }

  final EvalReport report =
      Evaluator.evaluate(
          BOOK,
          GoldSet.of(
              List.of(
                  g(1, "A", "\u201calpha \u2026 one\u201d"),
                  g(2, "A", "alpha  beta"),
                  g(3, "B", "beta"),
                  g(4, "B", "Nothing at all"),
                  g(5, "B", "not in any passage"),
                  g(6, "C", "beta"))),
          PASSAGES,
          Map.of(
              PASSAGES.get(0).id(), List.of(s(1, "A", 0.9)),
              PASSAGES.get(1).id(), List.of(s(2, "B", 0.5), s(2, "A", 0.2)),
              PASSAGES.get(2).id(), List.of(s(3, "B", 0.8), s(3, "A", 0.4)),
              PASSAGES.get(3).id(), List.of(s(4, "A", 0.35))),
          0.3);

  @Test
  void countsItemsMatchesAndUnmatched() {
    assertEquals(6, report.items());
    assertEquals(1, report.outsideCodebook());
    assertEquals(4, report.matched());
    assertEquals(4, report.passages());
    assertEquals(List.of(5), report.unmatched().stream().map(GoldItem::line).toList());
  }

  @Test
  void perCodeFiguresOverGoldPassages() {
    // A: predicted on p1, p3, p4; gold p1, p2 -> tp 1, fp 2, fn 1: P 1/3, R 1/2, F1 0.4
    assertEquals(EvalReport.Scores.of(1, 2, 1), report.codes().get(0).quarry());
    assertEquals(0.4, report.codes().get(0).quarry().f1(), 1e-12);
    // B: predicted on p2, p3; gold p3, p4 -> tp 1, fp 1, fn 1
    assertEquals(EvalReport.Scores.of(1, 1, 1), report.codes().get(1).quarry());
  }

  @Test
  void microAndMacroAverages() {
    assertEquals(0.4, report.quarryMicro().precision(), 1e-12);
    assertEquals(0.5, report.quarryMicro().recall(), 1e-12);
    assertEquals(4.0 / 9, report.quarryMicro().f1(), 1e-12);
    assertEquals((1.0 / 3 + 0.5) / 2, report.quarryMacro().precision(), 1e-12);
    assertEquals(0.5, report.quarryMacro().recall(), 1e-12);
    assertEquals(0.45, report.quarryMacro().f1(), 1e-12);
  }

  @Test
  void topOneAccuracyOverMatchedItems() {
    // p1 A right, p2 B wrong, p3 B right, p4 A wrong
    assertEquals(0.5, report.quarryTop1(), 1e-12);
    assertEquals(2, report.top1Correct());
  }

  @Test
  void keywordBaselineCountsLiteralWholeWordHits() {
    assertEquals(EvalReport.Scores.of(2, 0, 0), report.codes().get(0).baseline());
    assertEquals(EvalReport.Scores.of(1, 1, 1), report.codes().get(1).baseline());
    // p2 has two literal "beta" against one "alpha": its top baseline code is B (wrong)
    assertEquals(0.5, report.baselineTop1(), 1e-12);
  }
}
