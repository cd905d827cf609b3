package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.quarry.learn.LiblinearLearner;
import org.quarry.learn.TribuoLearner;

/** {@code eval --learner}: the learners by name. */
class LearnerChoiceTest {
  @Test
  void namesPickTheLibraries() {
    assertEquals(Learning.defaultLearner().name(), Learning.learner("liblinear", 1).name());
    assertTrue(Learning.learner("liblinear", 1) instanceof LiblinearLearner);
    assertTrue(Learning.learner("tribuo", 1) instanceof TribuoLearner);
    assertTrue(Learning.learner("tribuo", 9).name().contains("seed=9"));
    assertEquals("liblinear", Learning.LEARNERS.get(0));
  }

  @Test
  void anotherNameIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Learning.learner("svm", 1));
    assertTrue(e.getMessage().contains("liblinear"));
  }
}
