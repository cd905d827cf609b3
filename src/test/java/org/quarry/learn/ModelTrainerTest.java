package org.quarry.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training one calibrated classifier per code from bags of words. */
class ModelTrainerTest {
  private static final List<String> CODES = List.of("waiting", "staff", "rare");

  // passages about waiting times or staff manner, in 5 groups, with noise words; "rare" twice
  static Data data(long seed) {
    Random r = new Random(seed);
    String[] waiting = {"wait", "queue", "delay", "hour", "late"};
    String[] staff = {"nurse", "kind", "rude", "friendly", "doctor"};
    String[] noise = {"car", "park", "food", "room", "day", "visit", "time", "good"};
    List<PassageBag> bags = new ArrayList<>();
    List<Set<String>> labels = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < 240; i++) {
      boolean w = i % 3 == 0;
      boolean s = i % 3 == 1;
      Map<String, Integer> terms = new java.util.HashMap<>();
      for (int j = 0; j < 3; j++) {
        terms.merge(noise[r.nextInt(noise.length)], 1, Integer::sum);
      }
      if (w) {
        terms.merge(waiting[r.nextInt(waiting.length)], 1, Integer::sum);
      }
      if (s) {
        terms.merge(staff[r.nextInt(staff.length)], 1, Integer::sum);
      }
      bags.add(new PassageBag(terms, Map.of(), "response", Map.of()));
      Set<String> l = new java.util.HashSet<>();
      if (w) {
        l.add("waiting");
      }
      if (s) {
        l.add("staff");
      }
      if (i == 5 || i == 50) {
        l.add("rare");
      }
      labels.add(l);
      groups.add("g" + (i % 5));
    }
    return new Data(bags, labels, groups);
  }

  record Data(List<PassageBag> bags, List<Set<String>> labels, List<String> groups) {}

  private static LearnedModel train(Data d, int threads) {
    return new ModelTrainer(LiblinearLearner.dual(4), ModelTrainer.Options.defaults(threads, 7))
        .train(d.bags(), d.labels(), d.groups(), CODES);
  }

  @Test
  void learnsEachCodeWithEnoughExamplesAndLeavesTheRestToTheLexicon() {
    LearnedModel m = train(data(1), 1);
    assertEquals(List.of("waiting", "staff"), m.codes());
    assertEquals(List.of("rare"), m.tooFew());
  }

  @Test
  void calibratedProbabilitiesSeparateUnseenPassages() {
    LearnedModel m = train(data(1), 1);
    double[] yes =
        m.probabilities(
            new PassageBag(Map.of("queue", 1, "park", 1), Map.of(), "response", Map.of()));
    double[] no =
        m.probabilities(
            new PassageBag(Map.of("nurse", 1, "park", 1), Map.of(), "response", Map.of()));
    assertTrue(yes[0] > 0.7 && no[0] < 0.3, yes[0] + " vs " + no[0]);
    assertTrue(no[1] > 0.7 && yes[1] < 0.3, no[1] + " vs " + yes[1]);
  }

  @Test
  void heldOutCalibrationGivesProbabilitiesThatMatchFrequencies() {
    // on fresh passages, the mean probability of a code is close to how often it occurs (1/3)
    LearnedModel m = train(data(1), 1);
    Data fresh = data(99);
    double sum = 0;
    for (PassageBag b : fresh.bags()) {
      sum += m.probabilities(b)[0];
    }
    assertEquals(1.0 / 3, sum / fresh.bags().size(), 0.08);
  }

  @Test
  void theModelDoesNotDependOnThreads() {
    LearnedModel one = train(data(1), 1);
    LearnedModel two = train(data(1), 2);
    for (int c = 0; c < one.classifiers().size(); c++) {
      assertArrayEquals(one.classifiers().get(c).weights(), two.classifiers().get(c).weights());
      assertEquals(one.classifiers().get(c).a(), two.classifiers().get(c).a());
    }
    assertEquals(one.threshold(), two.threshold());
  }

  @Test
  void aModelFileGivesBackTheSameProbabilities(@TempDir Path dir) throws Exception {
    LearnedModel m =
        train(data(1), 1)
            .stamped(new LearnedModel.Stamp("book", "lemma-v2+pos", LearnedModel.Stamp.FORMAT));
    Path f = dir.resolve("model.json.gz");
    ModelFile.write(m, f);
    LearnedModel back = ModelFile.read(f);
    PassageBag b = new PassageBag(Map.of("delay", 2, "rude", 1), Map.of(), "response", Map.of());
    assertArrayEquals(m.probabilities(b), back.probabilities(b), 1e-12);
    assertEquals(m.stamp(), back.stamp());
    assertEquals(m.tooFew(), back.tooFew());
    assertEquals(1, Files.list(dir).count(), "no temporary file is left");
  }

  @Test
  void wordVectorsLetAModelSpeakForWordsNoTrainingPassageUsed() {
    // "physician" and "caring" occur in no training passage; only their vectors tie them to staff
    PassageBag unseen =
        new PassageBag(Map.of("physician", 1, "caring", 1), Map.of(), "response", Map.of());
    Data d = data(1);
    LearnedModel with = train(d, 1);
    LearnedModel without =
        new ModelTrainer(
                LiblinearLearner.dual(4), ModelTrainer.Options.defaults(1, 7).withVectorWeight(0))
            .train(d.bags(), d.labels(), d.groups(), CODES);
    assertNull(without.vocabulary().vectors());
    double staffWith = with.probabilities(unseen)[1];
    double staffWithout = without.probabilities(unseen)[1];
    assertTrue(staffWith > staffWithout + 0.1, staffWith + " vs " + staffWithout);
    assertTrue(staffWith > with.probabilities(unseen)[0], "staff, not waiting");
  }

  @Test
  void aFormatOneModelIsReadAsAModelWithoutWordVectors(@TempDir Path dir) throws Exception {
    Data d = data(1);
    LearnedModel m =
        new ModelTrainer(
                LiblinearLearner.dual(4), ModelTrainer.Options.defaults(1, 7).withVectorWeight(0))
            .train(d.bags(), d.labels(), d.groups(), CODES);
    Path f = dir.resolve("model.json.gz");
    ModelFile.write(m, f);
    rewrite(f, "\"format\":" + LearnedModel.Stamp.FORMAT, "\"format\":1");
    PassageBag b = new PassageBag(Map.of("delay", 2, "rude", 1), Map.of(), "response", Map.of());
    assertArrayEquals(m.probabilities(b), ModelFile.read(f).probabilities(b), 1e-12);
  }

  @Test
  void aModelNamingWordVectorsThisQuarryLacksIsOneClearError(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("model.json.gz");
    ModelFile.write(train(data(1), 1), f);
    rewrite(f, WordVectors.ENGLISH, "elsewhere/vectors.bin");
    java.io.IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.IOException.class, () -> ModelFile.read(f));
    assertTrue(e.getMessage().contains("run 'quarry learn' again"), e.getMessage());
  }

  // replaces text in a gzipped model file
  private static void rewrite(Path f, String from, String to) throws Exception {
    String json;
    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(f))) {
      json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertTrue(json.contains(from), from);
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
      out.write(json.replace(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void aFileThatIsNoModelIsOneClearError(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("model.json.gz");
    Files.writeString(f, "not a model");
    java.io.IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.IOException.class, () -> ModelFile.read(f));
    assertTrue(e.getMessage().contains("not a Quarry model"), e.getMessage());
  }

  @Test
  void aCodeWhoseLexiconRanksBetterOnHeldOutPassagesIsLeftToTheLexiconWhenCombined() {
    // passages 0 and 1 have both codes; the lexicon ranks them first for "waiting" only, the
    // held-out
    // probabilities rank them first for "staff" only
    List<PassageBag> bags = new ArrayList<>();
    double[] lexicon = {0.9, 0.8, 0.2, 0.1};
    for (double l : lexicon) {
      bags.add(new PassageBag(Map.of(), Map.of(), "turn", Map.of("waiting", l, "staff", 1 - l)));
    }
    Map<String, boolean[]> y =
        Map.of(
            "waiting",
            new boolean[] {true, true, false, false},
            "staff",
            new boolean[] {true, true, false, false});
    double[][] heldOut = {{0.1, 0.2, 0.9, 0.8}, {0.9, 0.8, 0.2, 0.1}};
    assertEquals(
        List.of("waiting"),
        ModelTrainer.lexiconBetter(bags, List.of("waiting", "staff"), y, heldOut));
  }
}
