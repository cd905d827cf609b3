package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quarry.learn.LiblinearLearner;
import org.quarry.learn.ModelTrainer;
import org.quarry.learn.PassageBag;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.CrossValidationReport;
import org.quarry.model.GroupBy;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;

/** Cross-validation keeps groups apart and measures only codes a coder could have used. */
class CrossValidationTest {
  private static Code code(String id, String parent) {
    return new Code(id, id, null, parent, List.of(id), List.of(), null, 1.0);
  }

  // passage i of group g: "wait" words for code waiting, "kind" words for staff; a code only in
  // group a
  private static CodedPassages data() {
    return data(Map.of());
  }

  private static CodedPassages data(Map<String, Double> lexicon) {
    List<BaggedPassages.Bagged> bagged = new ArrayList<>();
    List<Set<String>> labels = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    String[] gs = {"a", "b", "c", "d"};
    for (String g : gs) {
      for (int i = 0; i < 30; i++) {
        Map<String, Integer> terms = new HashMap<>();
        terms.put("visit", 1);
        terms.put("day" + (i % 5), 1);
        Set<String> l = new java.util.HashSet<>();
        if (i % 3 == 0) {
          terms.put("wait", 1);
          l.add("waiting");
        } else if (i % 3 == 1) {
          terms.put("kind", 1);
          l.add("staff");
        }
        if (g.equals("a") && i % 2 == 0) {
          terms.put("parking", 1);
          l.add("parking");
        }
        String id = g + ".txt#" + i + "-" + (i + 1);
        Passage p =
            Passage.of(g + ".txt", PassageKind.RESPONSE, "p" + i, null, i, i + 1, "text " + i);
        bagged.add(
            new BaggedPassages.Bagged(
                i, p, new PassageBag(terms, Map.of(), "response", lexicon), Map.of()));
        labels.add(l);
        groups.add(g);
      }
    }
    return new CodedPassages(bagged, labels, groups);
  }

  private static CrossValidationReport run(Codebook book) {
    CrossValidation.Options o =
        new CrossValidation.Options(
            new org.quarry.model.CrossValidationOptions(
                4,
                List.of("learned"),
                java.util.OptionalDouble.empty(),
                3,
                1,
                "liblinear",
                false,
                false),
            ModelTrainer.Options.defaults(1, 1));
    return new CrossValidation(book, LiblinearLearner.dual(2), o).run(data(), GroupBy.SOURCE);
  }

  @Test
  void aCodeCodedInOneGroupOnlyIsNeverFoundThereAsNoOtherGroupTeachesIt() {
    Codebook book = new Codebook("t", null, List.of(code("parking", null)));
    CrossValidationReport r = run(book);
    // trained on b, c, d when testing a: no parking example, so nothing is found
    assertEquals(0, r.methods().get("learned").micro().tp());
    assertEquals(15, r.methods().get("learned").micro().fn());
  }

  @Test
  void codesLearnedFromOtherGroupsAreFound() {
    Codebook book = new Codebook("t", null, List.of(code("waiting", null), code("staff", null)));
    CrossValidationReport r = run(book);
    assertTrue(r.methods().get("learned").micro().f1() > 0.9, r.methods().toString());
  }

  @Test
  void aParentNoPassageWasCodedWithIsAContainerAndIsNotMeasured() {
    // the lexicon scores the parent high on every passage: measured, each would be a false positive
    Codebook book =
        new Codebook(
            "t",
            null,
            List.of(
                code("experience", null),
                code("waiting", "experience"),
                code("staff", "experience")));
    CrossValidation.Options o =
        new CrossValidation.Options(
            new org.quarry.model.CrossValidationOptions(
                4,
                List.of("lexicon"),
                java.util.OptionalDouble.of(0.5),
                3,
                1,
                "liblinear",
                false,
                false),
            ModelTrainer.Options.defaults(1, 1));
    CrossValidationReport r =
        new CrossValidation(book, LiblinearLearner.dual(2), o)
            .run(data(Map.of("experience", 0.9)), GroupBy.SOURCE);
    assertEquals(0, r.methods().get("lexicon").micro().fp());
    assertEquals(2, r.codesWithGold());
  }

  @Test
  void aLexiconScoreOnTheModelsScaleKeepsOrderAndMeetsTheModelsThreshold() {
    org.quarry.learn.LearnedModel m =
        new org.quarry.learn.LearnedModel(
            new org.quarry.learn.Vocabulary(List.of(), new double[0], List.of(), List.of()),
            List.of(),
            0.2,
            0.5,
            0.2,
            List.of(),
            List.of(),
            List.of(),
            0,
            "none",
            null,
            null);
    assertEquals(0, m.lexiconOnModelScale(0), 1e-12);
    assertEquals(0.2, m.lexiconOnModelScale(0.5), 1e-12);
    assertEquals(1, m.lexiconOnModelScale(1), 1e-12);
    assertTrue(m.lexiconOnModelScale(0.4) < m.lexiconOnModelScale(0.6));
  }
}
