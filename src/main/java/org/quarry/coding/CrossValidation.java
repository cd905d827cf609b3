package org.quarry.coding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.quarry.learn.BinaryLearner;
import org.quarry.learn.GroupFolds;
import org.quarry.learn.LearnedModel;
import org.quarry.learn.ModelTrainer;
import org.quarry.learn.PassageBag;
import org.quarry.learn.TopCodes;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.CrossValidationOptions;
import org.quarry.model.CrossValidationReport;
import org.quarry.model.Evidence;
import org.quarry.model.GroupBy;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.Suggestion;

/**
 * Cross-validated evaluation of the suggestion methods on coded passages: the groups (sources or
 * participants) are dealt to K folds, and each fold is suggested for by a model trained on the
 * other folds alone, so no group is ever both trained and tested on. The lexicon and the keyword
 * baseline learn nothing; they are measured on the same passages.
 *
 * <p>Each method's figures come from its suggestions pooled over the folds: a code is predicted for
 * a passage when it is among the passage's {@code top} highest-scoring codes and at or above the
 * method's threshold (the keyword baseline: any literal hit). Micro figures sum counts over codes;
 * macro figures average over the codes that have a coded passage; MAP averages, over codes with at
 * least {@value #MAP_MIN_PASSAGES} coded passages, the average precision of ranking every passage
 * by the method's score.
 */
public final class CrossValidation {
  /** Coded passages a code needs for its ranking to count in MAP. */
  public static final int MAP_MIN_PASSAGES = 3;

  /** The methods, in the order they are reported. */
  public static final List<String> METHODS = CrossValidationOptions.METHODS;

  /**
   * How a cross-validation runs: what was asked ({@link CrossValidationOptions}, checked there) and
   * how each fold's model is trained.
   *
   * @param run folds, methods, lexicon threshold, top, seed and learning curve
   * @param training how each fold's model is trained
   */
  public record Options(CrossValidationOptions run, ModelTrainer.Options training) {
    /** K, at least 2. */
    public int folds() {
      return run.folds();
    }

    /** The methods to measure, in the order given. */
    public List<String> methods() {
      return run.methods();
    }

    /** The lexicon's threshold, or empty to choose it on each fold's training passages. */
    public java.util.OptionalDouble lexiconThreshold() {
      return run.lexiconThreshold();
    }

    /** Most codes kept per passage. */
    public int top() {
      return run.top();
    }

    /** Seeds the dealing of groups to folds and the learning curve's samples. */
    public long seed() {
      return run.seed();
    }

    /** Whether to train on growing subsets of the training groups too. */
    public boolean learningCurve() {
      return run.learningCurve();
    }
  }

  private final Codebook codebook;
  private final BinaryLearner learner;
  private final Options options;

  /** A cross-validation of {@code codebook}'s codes, learning with {@code learner}. */
  public CrossValidation(Codebook codebook, BinaryLearner learner, Options options) {
    this.codebook = codebook;
    this.learner = learner;
    this.options = options;
  }

  /** Runs it on {@code data}, whose groups are those of {@code groupBy}. */
  public CrossValidationReport run(CodedPassages data, GroupBy groupBy) {
    List<Code> codes = evaluated(data);
    int n = data.size();
    List<String> ids = data.passages().stream().map(b -> b.passage().id()).toList();
    boolean[][] truth = new boolean[codes.size()][n];
    for (int c = 0; c < codes.size(); c++) {
      for (int i = 0; i < n; i++) {
        truth[c][i] = data.labels().get(i).contains(codes.get(c).id());
      }
    }
    int[] fold = folds(data.groups(), options.folds());
    double[][] lex =
        lexicon(data, codes); // read, never written: the lexicon method's scores and the fallback's
    Map<String, double[][]> scores = new LinkedHashMap<>();
    Map<String, double[]> thresholds = new HashMap<>();
    for (String m : options.methods()) {
      double[][] s = new double[codes.size()][n];
      double[] t = new double[n];
      switch (m) {
        case "baseline" -> {
          KeywordBaseline baseline = new KeywordBaseline(codes);
          for (int i = 0; i < n; i++) {
            int[] hits = baseline.hits(data.passages().get(i).passage().text());
            for (int c = 0; c < codes.size(); c++) {
              s[c][i] = hits[c];
            }
          }
          java.util.Arrays.fill(t, 1);
        }
        case "lexicon" -> {
          s = lex;
          for (int k = 0; k < options.folds(); k++) {
            double lt =
                options.lexiconThreshold().isPresent()
                    ? options.lexiconThreshold().getAsDouble()
                    : lexiconThreshold(data, fold, k, codes);
            for (int i = 0; i < n; i++) {
              if (fold[i] == k) {
                t[i] = lt;
              }
            }
          }
        }
        default -> {} // learned and combined below, fold by fold
      }
      scores.put(m, s);
      thresholds.put(m, t);
    }
    boolean learning =
        options.methods().contains("learned") || options.methods().contains("combined");
    if (learning) {
      for (int k = 0; k < options.folds(); k++) {
        LearnedModel model = train(data, fold, k, codes, null);
        apply(model, data, fold, k, codes, lex, scores, thresholds);
      }
    }
    Map<String, CrossValidationReport.MethodResult> results = new LinkedHashMap<>();
    List<PassageSuggestions> predictions = new ArrayList<>();
    for (String m : options.methods()) {
      boolean baseline = m.equals("baseline");
      CrossValidationReport.MethodResult r =
          PooledScores.measure(
              scores.get(m), thresholds.get(m), truth, ids, baseline, options.top());
      results.put(m, r);
      if (predictions.isEmpty() && m.equals(options.methods().get(0))) {
        predictions.addAll(suggestions(data, codes, scores.get(m), thresholds.get(m), baseline));
      }
    }
    List<CrossValidationReport.CurvePoint> curve = new ArrayList<>();
    String curveMethod =
        options.methods().stream()
            .filter(x -> x.equals("learned") || x.equals("combined"))
            .findFirst()
            .orElse(null);
    if (curveMethod != null && options.learningCurve()) {
      curve = learningCurve(data, fold, codes, lex, truth, ids, curveMethod);
    }
    int codesWithGold = 0;
    int codesInMap = 0;
    for (boolean[] t : truth) {
      int pos = PooledScores.count(t);
      codesWithGold += pos > 0 ? 1 : 0;
      codesInMap += pos >= MAP_MIN_PASSAGES ? 1 : 0;
    }
    return new CrossValidationReport(
        options.folds(),
        groupBy.name().toLowerCase(Locale.ROOT),
        n,
        new LinkedHashSet<>(data.groups()).size(),
        codesWithGold,
        codesInMap,
        learning ? new ModelTrainer(learner, options.training()).describe() : null,
        results,
        curve,
        predictions);
  }

  /**
   * The codes evaluated: those of the codebook but the containers, parent codes that no passage of
   * {@code data} was coded with (a coder codes to their children; suggesting the group itself is
   * neither right nor wrong by this coding).
   */
  private List<Code> evaluated(CodedPassages data) {
    Set<String> parents = codebook.parentIds();
    Set<String> used = new java.util.HashSet<>();
    data.labels().forEach(used::addAll);
    return codebook.codes().stream()
        .filter(c -> !parents.contains(c.id()) || used.contains(c.id()))
        .toList();
  }

  // the lexicon score with the best micro-F1 on the passages outside fold k
  private double lexiconThreshold(CodedPassages data, int[] fold, int k, List<Code> codes) {
    List<PassageBag> bags = new ArrayList<>();
    List<Set<String>> labels = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      if (fold[i] != k) {
        bags.add(data.passages().get(i).bag());
        labels.add(data.labels().get(i));
      }
    }
    return ModelTrainer.lexiconThreshold(
        bags, labels, codes.stream().map(Code::id).toList(), options.top());
  }

  // the lexicon's score of every code on every passage
  private static double[][] lexicon(CodedPassages data, List<Code> codes) {
    double[][] into = new double[codes.size()][data.size()];
    for (int i = 0; i < data.size(); i++) {
      Map<String, Double> lex = data.passages().get(i).bag().lexicon();
      for (int c = 0; c < codes.size(); c++) {
        into[c][i] = lex.getOrDefault(codes.get(c).id(), 0.0);
      }
    }
    return into;
  }

  // a model trained on the passages outside fold k (of the groups in {@code only}, when given)
  private LearnedModel train(
      CodedPassages data, int[] fold, int k, List<Code> codes, Set<String> only) {
    List<PassageBag> bags = new ArrayList<>();
    List<Set<String>> labels = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      if (fold[i] != k && (only == null || only.contains(data.groups().get(i)))) {
        bags.add(data.passages().get(i).bag());
        labels.add(data.labels().get(i));
        groups.add(data.groups().get(i));
      }
    }
    return new ModelTrainer(learner, options.training())
        .train(bags, labels, groups, codes.stream().map(Code::id).toList());
  }

  // the learned and combined scores of fold k's passages by {@code model}
  private void apply(
      LearnedModel model,
      CodedPassages data,
      int[] fold,
      int k,
      List<Code> codes,
      double[][] lex,
      Map<String, double[][]> scores,
      Map<String, double[]> thresholds) {
    Map<String, Integer> codeIndex = new HashMap<>();
    for (int c = 0; c < codes.size(); c++) {
      codeIndex.put(codes.get(c).id(), c);
    }
    List<String> learned = model.codes();
    Set<String> better = new java.util.HashSet<>(model.lexiconBetter());
    double[][] ls = scores.get("learned");
    double[][] cs = scores.get("combined");
    for (int i = 0; i < data.size(); i++) {
      if (fold[i] != k) {
        continue;
      }
      double[] p = model.probabilities(data.passages().get(i).bag());
      boolean[] has = new boolean[codes.size()];
      for (int j = 0; j < p.length; j++) {
        int c = codeIndex.get(learned.get(j));
        has[c] = true;
        if (ls != null) {
          ls[c][i] = p[j];
        }
        if (cs != null) {
          cs[c][i] =
              !better.contains(learned.get(j))
                  ? p[j]
                  : lex[c][i] > 0 ? model.lexiconOnModelScale(lex[c][i]) : 0;
        }
      }
      if (cs != null) {
        for (int c = 0; c < codes.size(); c++) {
          if (!has[c]) {
            cs[c][i] = lex[c][i] > 0 ? model.lexiconOnModelScale(lex[c][i]) : 0;
          }
        }
      }
      if (thresholds.containsKey("learned")) {
        thresholds.get("learned")[i] = model.threshold();
      }
      if (thresholds.containsKey("combined")) {
        thresholds.get("combined")[i] = model.combinedThreshold();
      }
    }
  }

  // the out-of-fold predictions of one method, as suggest would list them; the keyword baseline's,
  // which have no score, with score 1 for each code with a literal hit
  private List<PassageSuggestions> suggestions(
      CodedPassages data, List<Code> codes, double[][] s, double[] t, boolean baseline) {
    boolean[][] inTop = baseline ? null : TopCodes.mark(s, options.top());
    List<PassageSuggestions> out = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      BaggedPassages.Bagged b = data.passages().get(i);
      List<Suggestion> list = new ArrayList<>();
      for (int c = 0; c < codes.size(); c++) {
        if (s[c][i] > 0 && s[c][i] >= t[i] && (inTop == null || inTop[c][i])) {
          Suggestion lex = b.lexicon().get(codes.get(c).id());
          List<Evidence> ev = lex == null ? List.of() : lex.evidence();
          list.add(
              new Suggestion(
                  b.passage().id(),
                  codes.get(c).id(),
                  baseline ? 1.0 : CodeSuggester.round(s[c][i]),
                  ev));
        }
      }
      if (!list.isEmpty()) {
        list.sort(java.util.Comparator.comparingDouble(Suggestion::score).reversed());
        out.add(new PassageSuggestions(b.passage(), list));
      }
    }
    return out;
  }

  // micro-F1 of {@code method} when each fold's model learns from a sample of its training groups
  private List<CrossValidationReport.CurvePoint> learningCurve(
      CodedPassages data,
      int[] fold,
      List<Code> codes,
      double[][] lex,
      boolean[][] truth,
      List<String> ids,
      String method) {
    List<CrossValidationReport.CurvePoint> out = new ArrayList<>();
    Random random = new Random(options.seed() + 1);
    List<List<String>> trainGroups = new ArrayList<>();
    for (int k = 0; k < options.folds(); k++) {
      Set<String> g = new LinkedHashSet<>();
      for (int i = 0; i < data.size(); i++) {
        if (fold[i] != k) {
          g.add(data.groups().get(i));
        }
      }
      List<String> shuffled = new ArrayList<>(g);
      shuffled.sort(null);
      Collections.shuffle(shuffled, random);
      trainGroups.add(shuffled);
    }
    for (double fraction : new double[] {0.125, 0.25, 0.5, 1.0}) {
      Map<String, double[][]> scores = new HashMap<>();
      scores.put(method, new double[codes.size()][data.size()]);
      Map<String, double[]> thresholds = new HashMap<>();
      thresholds.put(method, new double[data.size()]);
      int groupSum = 0;
      boolean ok = true;
      for (int k = 0; k < options.folds(); k++) {
        List<String> all = trainGroups.get(k);
        int take = Math.max(1, (int) Math.ceil(all.size() * fraction));
        groupSum += take;
        LearnedModel model;
        try {
          model = train(data, fold, k, codes, new LinkedHashSet<>(all.subList(0, take)));
        } catch (IllegalArgumentException e) {
          ok = false;
          break;
        }
        apply(model, data, fold, k, codes, lex, scores, thresholds);
      }
      if (!ok) {
        continue;
      }
      CrossValidationReport.MethodResult r =
          PooledScores.measure(
              scores.get(method), thresholds.get(method), truth, ids, false, options.top());
      int groups = Math.round((float) groupSum / options.folds());
      if (!out.isEmpty() && out.get(out.size() - 1).groups() == groups) {
        out.remove(out.size() - 1);
      }
      out.add(new CrossValidationReport.CurvePoint(groups, round(r.micro().f1())));
    }
    return out;
  }

  // the fold of each passage: groups sorted, shuffled by the seed, dealt to the folds
  private int[] folds(List<String> groups, int k) {
    int n = GroupFolds.count(groups);
    if (n < k) {
      throw new IllegalArgumentException(
          "--cross-validate "
              + k
              + " needs at least "
              + k
              + " groups; the coded passages have "
              + n
              + " (use fewer folds or another --group-by)");
    }
    return GroupFolds.deal(groups, k, options.seed());
  }

  private static double round(double x) {
    return org.quarry.model.Scores.round(x);
  }
}
