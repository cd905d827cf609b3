package org.quarry.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dealing groups to folds. */
class GroupFoldsTest {
  @Test
  void aGroupIsNeverSplitAndFoldsHoldAboutAsManyPassages() {
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    members.put("a", List.of(0, 1, 2, 3));
    members.put("b", List.of(4, 5));
    members.put("c", List.of(6, 7));
    members.put("d", List.of(8));
    int[] fold = GroupFolds.assign(List.of("a", "b", "c", "d"), members, 2, 9);
    // a → 0 (4), b → 1 (2), c → 1 (4), d → 0 (5)
    assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1, 0}, fold);
  }

  @Test
  void averagePrecisionOfAThresholdSweepIsExact() {
    // scores 0.9 (yes), 0.8 (no), 0.7 (yes), 0 (yes): AP = (1/1 + 2/3 + 0) / 3
    double ap =
        RankingMetrics.averagePrecision(
            new double[] {0.9, 0.8, 0.7, 0},
            new boolean[] {true, false, true, true},
            List.of("a", "b", "c", "d"));
    assertEquals((1 + 2.0 / 3) / 3, ap, 1e-12);
  }

  @Test
  void theThresholdWithTheBestMicroF1IsChosen() {
    double[][] scores = {{0.9, 0.6, 0.4, 0.2}};
    List<boolean[]> labels = List.of(new boolean[] {true, true, false, false});
    assertEquals(0.41, Thresholds.bestMicroF1(scores, labels, 1), 1e-9);
  }
}
