package org.quarry.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Tribuo's logistic regression behind {@link BinaryLearner}: weights map back to the right indices.
 */
class TribuoLearnerTest {
  // 12 features, so unpadded names would sort "10", "11", "12" before "2": features 2 and 11 mark
  // yes, 3 and 10 mark no, 1 is in every row, 12 in none; one no row is empty
  private static final int FEATURES = 12;

  private record Toy(List<SparseVector> x, boolean[] y) {}

  private static Toy toy() {
    Random random = new Random(7);
    List<SparseVector> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      boolean yes = i % 2 == 0;
      double a = 0.5 + random.nextDouble();
      double b = 0.5 + random.nextDouble();
      x.add(
          yes
              ? new SparseVector(new int[] {1, 2, 11}, new double[] {0.3, a, b})
              : new SparseVector(new int[] {1, 3, 10}, new double[] {0.3, a, b}));
      y.add(yes);
    }
    x.add(new SparseVector(new int[0], new double[0]));
    y.add(false);
    boolean[] ys = new boolean[y.size()];
    for (int i = 0; i < ys.length; i++) {
      ys[i] = y.get(i);
    }
    return new Toy(x, ys);
  }

  @Test
  void separableToyGetsWeightsOfTheRightSignAndSeparates() {
    Toy t = toy();
    BinaryLearner learner = new TribuoLearner(TribuoLearner.DEFAULT_EPOCHS, 42);
    BinaryLearner.Fit fit = learner.fit(learner.matrix(t.x(), FEATURES), t.y());
    double[] w = fit.weights();
    assertEquals(FEATURES, w.length);
    assertTrue(w[2 - 1] > 0, "feature 2 marks yes: " + w[1]);
    assertTrue(w[11 - 1] > 0, "feature 11 marks yes: " + w[10]);
    assertTrue(w[3 - 1] < 0, "feature 3 marks no: " + w[2]);
    assertTrue(w[10 - 1] < 0, "feature 10 marks no: " + w[9]);
    assertEquals(0, w[12 - 1], "feature 12 occurs nowhere");
    for (int i = 0; i < t.x().size(); i++) {
      double f = t.x().get(i).dot(w, fit.bias());
      assertEquals(t.y()[i], f > 0, "row " + i + " decision " + f);
    }
  }

  @Test
  void flippedLabelsFlipTheWeights() {
    Toy t = toy();
    boolean[] flipped = new boolean[t.y().length - 1];
    for (int i = 0; i < flipped.length; i++) {
      flipped[i] = !t.y()[i];
    }
    BinaryLearner learner = new TribuoLearner(TribuoLearner.DEFAULT_EPOCHS, 42);
    BinaryLearner.Fit fit =
        learner.fit(learner.matrix(t.x().subList(0, flipped.length), FEATURES), flipped);
    assertTrue(fit.weights()[1] < 0 && fit.weights()[10] < 0);
    assertTrue(fit.weights()[2] > 0 && fit.weights()[9] > 0);
  }

  @Test
  void sameSeedSameFitOnAnyThread() throws Exception {
    Toy t = toy();
    BinaryLearner learner = new TribuoLearner(3, 11);
    BinaryLearner.Matrix m = learner.matrix(t.x(), FEATURES);
    BinaryLearner.Fit a = learner.fit(m, t.y());
    BinaryLearner.Fit b = CompletableFuture.supplyAsync(() -> learner.fit(m, t.y())).get();
    BinaryLearner.Fit c = new TribuoLearner(3, 11).fit(m, t.y());
    assertArrayEquals(a.weights(), b.weights());
    assertArrayEquals(a.weights(), c.weights());
    assertEquals(a.bias(), b.bias());
    assertEquals(a.bias(), c.bias());
  }

  @Test
  void featureNamesSortAsTheirIndices() {
    assertEquals("007", TribuoLearner.featureName(7, 3));
    assertEquals("120", TribuoLearner.featureName(120, 3));
    assertTrue(TribuoLearner.featureName(9, 2).compareTo(TribuoLearner.featureName(10, 2)) < 0);
  }
}
