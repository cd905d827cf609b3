package org.quarry.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second calibration of codes that compete for a passage in single-label coding. */
class CodeCompetitionTest {
  private static final List<String> CODES = List.of("waiting", "staff");

  @Test
  void codingIsSingleLabelWhenAtMostOneCodedPassageInTwentyHasTwoCodes() {
    List<Set<String>> labels = new ArrayList<>();
    for (int i = 0; i < 19; i++) {
      labels.add(Set.of(i % 2 == 0 ? "waiting" : "staff"));
    }
    labels.add(Set.of("waiting", "staff"));
    labels.add(Set.of());
    assertTrue(CodeCompetition.singleLabel(labels, CODES), "1 of 20 coded passages");
    labels.add(Set.of("waiting", "staff"));
    assertFalse(CodeCompetition.singleLabel(labels, CODES), "2 of 21");
    assertFalse(CodeCompetition.singleLabel(List.of(Set.of(), Set.of()), CODES), "none coded");
    assertTrue(
        CodeCompetition.singleLabel(List.of(Set.of("waiting", "other")), CODES),
        "codes outside the list do not count");
  }

  @Test
  void aCodeFallsWhenARivalFitsThePassageBetter() {
    // held-out probabilities where the passage's code is the one the models rate higher, whatever
    // each rates on its own: a code's own probability says less than how it stands to its rival
    Random r = new Random(3);
    int n = 2000;
    double[][] p = new double[2][n];
    boolean[] a = new boolean[n];
    boolean[] b = new boolean[n];
    for (int i = 0; i < n; i++) {
      p[0][i] = 0.05 + 0.9 * r.nextDouble();
      p[1][i] = 0.05 + 0.9 * r.nextDouble();
      boolean coded = r.nextDouble() < 0.8;
      a[i] = coded && p[0][i] > p[1][i];
      b[i] = coded && !a[i];
    }
    CodeCompetition k = CodeCompetition.fit(p, List.of(a, b), 10);
    double alone = k.apply(new double[] {0.6, 0.1})[0];
    double beaten = k.apply(new double[] {0.6, 0.9})[0];
    assertTrue(alone > 0.6 && beaten < 0.3, alone + " alone, " + beaten + " beaten");
    assertTrue(k.rival()[0] > 0 && k.rival()[1] > 0, "rivals weigh");
  }

  @Test
  void eachCodeStandsAgainstTheSoftMaximumOfTheOthers() {
    // with only the rival input weighed, a code's probability is the logistic of its log-odds
    // less the log-sum-exp of the other codes' log-odds, whichever code leads
    CodeCompetition k =
        new CodeCompetition(new double[] {0, 0, 0}, new double[] {1, 1, 1}, new double[3]);
    double[] p = {0.2, 0.7, 0.5};
    double[] z = new double[p.length];
    for (int c = 0; c < p.length; c++) {
      z[c] = Math.log(p[c] / (1 - p[c]));
    }
    double[] got = k.apply(p);
    for (int c = 0; c < p.length; c++) {
      double others = 0;
      for (int d = 0; d < p.length; d++) {
        others += d == c ? 0 : Math.exp(z[d]);
      }
      double want = 1 / (1 + Math.exp(-(z[c] - Math.log(others))));
      assertEquals(want, got[c], 1e-12, "code " + c);
    }
  }

  @Test
  void aCodeWithTooFewPositivesKeepsItsProbability() {
    double[][] p = {{0.2, 0.7, 0.4, 0.9}, {0.5, 0.5, 0.1, 0.3}};
    boolean[] a = {false, true, false, true};
    boolean[] b = {true, false, false, false};
    CodeCompetition k = CodeCompetition.fit(p, List.of(a, b), 3);
    assertTrue(Double.isNaN(k.own()[0]) && Double.isNaN(k.own()[1]));
    assertArrayEquals(new double[] {0.35, 0.8}, k.apply(new double[] {0.35, 0.8}), 0);
  }

  @Test
  void aModelTrainedOnSingleLabelCodingCarriesTheCompetitionAndItsFileKeepsIt(@TempDir Path dir)
      throws Exception {
    LearnedModel m = train(false);
    assertNotNull(m.competition());
    assertEquals(2, m.competition().fitted());
    assertTrue(m.learner().endsWith("codes compete (single-label coding): 2"), m.learner());
    Path f = dir.resolve("model.json.gz");
    ModelFile.write(m, f);
    LearnedModel back = ModelFile.read(f);
    PassageBag bag = new PassageBag(Map.of("delay", 2, "rude", 1), Map.of(), "response", Map.of());
    assertArrayEquals(m.probabilities(bag), back.probabilities(bag), 1e-12);
    assertArrayEquals(m.competition().own(), back.competition().own(), 0);
    assertArrayEquals(m.competition().rival(), back.competition().rival(), 0);
  }

  @Test
  void aModelTrainedOnMultiLabelCodingHasNone() {
    assertNull(train(true).competition());
  }

  @Test
  void theCompetitionChangesTheModelsProbabilities() {
    // a passage with words of both codes: without the competition each code rates it alone
    LearnedModel m = train(false);
    PassageBag both =
        new PassageBag(Map.of("queue", 1, "nurse", 1, "park", 1), Map.of(), "response", Map.of());
    double[] with = m.probabilities(both);
    double[] alone = new double[with.length];
    SparseVector x = m.vocabulary().vector(both);
    for (int c = 0; c < alone.length; c++) {
      alone[c] = m.classifiers().get(c).probability(x);
    }
    assertEquals(2, with.length);
    assertTrue(
        Math.abs(with[0] - alone[0]) > 1e-3 || Math.abs(with[1] - alone[1]) > 1e-3,
        java.util.Arrays.toString(with) + " vs " + java.util.Arrays.toString(alone));
  }

  // ModelTrainerTest's waiting or staff passages; with {@code multi}, every third staff passage
  // has both codes
  private static LearnedModel train(boolean multi) {
    ModelTrainerTest.Data d = ModelTrainerTest.data(1);
    List<Set<String>> labels = new ArrayList<>();
    for (int i = 0; i < d.labels().size(); i++) {
      Set<String> l = new HashSet<>(d.labels().get(i));
      if (multi && i % 9 == 1) {
        l.add("waiting");
      }
      labels.add(l);
    }
    return new ModelTrainer(LiblinearLearner.dual(4), ModelTrainer.Options.defaults(1, 7))
        .train(d.bags(), labels, d.groups(), CODES);
  }
}
