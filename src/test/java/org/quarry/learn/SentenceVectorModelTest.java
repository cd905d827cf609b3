package org.quarry.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learned model that also weighs each passage's sentence vector. */
class SentenceVectorModelTest {
  private static final List<String> CODES = List.of("waiting", "staff");

  // comments on waiting or on staff manner, each theme worded several ways
  private static final String[] WAITING = {
    "We waited four hours before anyone saw us.",
    "The appointment ran an hour late.",
    "Too long a wait in the clinic.",
    "I was kept waiting all morning for my scan.",
    "Delays at every step, the queue never moved.",
    "Waiting times in A&E were terrible."
  };
  private static final String[] STAFF = {
    "The nurses were kind and caring.",
    "The doctor was rude and would not listen.",
    "Friendly staff who explained everything.",
    "The receptionist was helpful and polite.",
    "Staff treated me with respect.",
    "The consultant was dismissive of my worries."
  };

  private static List<PassageBag> bags;
  private static List<Set<String>> labels;
  private static List<String> groups;

  @BeforeAll
  static void encode() {
    List<String> texts = new ArrayList<>();
    labels = new ArrayList<>();
    groups = new ArrayList<>();
    for (int i = 0; i < WAITING.length; i++) {
      texts.add(WAITING[i]);
      labels.add(Set.of("waiting"));
      groups.add("g" + i % 3);
      texts.add(STAFF[i]);
      labels.add(Set.of("staff"));
      groups.add("g" + i % 3);
    }
    List<float[]> v = SentenceEncoder.bgeSmall().encode(texts);
    bags = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      bags.add(bag(texts.get(i), v.get(i)));
    }
  }

  // function words, which a real bag (lemmas of content words) would not hold either
  private static final Set<String> STOP =
      Set.of(
          "a", "an", "the", "and", "in", "for", "of", "to", "was", "were", "my", "me", "i", "we",
          "us", "at", "with", "who", "would", "not", "all", "every", "too", "but", "never");

  private static PassageBag bag(String text, float[] vector) {
    Map<String, Integer> terms = new HashMap<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z&]+")) {
      if (!w.isEmpty() && !STOP.contains(w)) {
        terms.merge(w, 1, Integer::sum);
      }
    }
    return new PassageBag(terms, Map.of(), "response", Map.of(), vector);
  }

  private static PassageBag unseen(String text) {
    return bag(text, SentenceEncoder.bgeSmall().encode(List.of(text)).get(0));
  }

  private static LearnedModel train(double sentenceWeight) {
    ModelTrainer.Options o = new ModelTrainer.Options(2, 1, 2, 2, 1, 7, 0, sentenceWeight);
    return new ModelTrainer(LiblinearLearner.dual(4), o).train(bags, labels, groups, CODES);
  }

  @Test
  void aPassageSharingNoWordWithTrainingIsCodedByWhatItSays() {
    // none of these words occurs in training
    PassageBag slow = unseen("Sat for ages in a corridor, nobody came.");
    PassageBag manner = unseen("Abrupt, unsympathetic physician.");
    LearnedModel m = train(1);
    assertTrue(m.probabilities(slow)[0] > m.probabilities(slow)[1], "waiting, not staff");
    assertTrue(m.probabilities(manner)[1] > m.probabilities(manner)[0], "staff, not waiting");
  }

  @Test
  void withoutTheBlockTheModelCannotTellSuchPassagesApart() {
    LearnedModel m = train(0);
    assertNull(m.vocabulary().sentences());
    double[] p = m.probabilities(unseen("Sat for ages in a corridor, nobody came."));
    double[] q = m.probabilities(unseen("Abrupt, unsympathetic physician."));
    assertArrayEquals(p, q, 1e-12);
  }

  @Test
  void aModelFileKeepsTheBlockAndGivesTheSameProbabilities(@TempDir Path dir) throws Exception {
    LearnedModel m = train(1);
    Path f = dir.resolve("model.json.gz");
    ModelFile.write(m, f);
    LearnedModel back = ModelFile.read(f);
    assertEquals(SentenceEncoder.BGE_SMALL, back.vocabulary().sentences().encoder());
    PassageBag b = unseen("The wait was long but the nurses were lovely.");
    assertArrayEquals(m.probabilities(b), back.probabilities(b), 1e-6);
    assertTrue(m.learner().contains(SentenceEncoder.BGE_SMALL), m.learner());
  }

  @Test
  void trainingWithTheBlockOnBagsWithoutVectorsIsRefused() {
    List<PassageBag> bare = bags.stream().map(b -> b.withSentence(null)).toList();
    ModelTrainer.Options o = new ModelTrainer.Options(2, 1, 2, 2, 1, 7, 0, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ModelTrainer(LiblinearLearner.dual(4), o).train(bare, labels, groups, CODES));
    assertTrue(e.getMessage().contains("no sentence vector"), e.getMessage());
  }
}
