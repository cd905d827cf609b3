package org.quarry.learn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains a {@link LearnedModel} from coded passages: for each code with enough positive passages, a
 * {@link BinaryLearner} fit on every training passage, and a Platt calibration of the decision
 * values that fits on held-out folds (the passages are split into {@link
 * Options#calibrationFolds()} folds by group, so a participant's or source's words never calibrate
 * a model that saw them). The same held-out probabilities choose the model's threshold: the one
 * with the best micro-F1 over the calibrated codes, keeping at most {@link Options#top()} codes a
 * passage.
 *
 * <p>Codes with fewer than {@link Options#minPositives()} passages get no classifier; a suggester
 * falls back to their lexicon. A code with under {@value #OWN_CALIBRATION} positives shares one
 * calibration fitted on all such codes' held-out values, as its own would rest on a handful of
 * points.
 */
public final class ModelTrainer {
  /** Positives a code needs for a calibration of its own. */
  static final int OWN_CALIBRATION = 10;

  /**
   * How training runs.
   *
   * @param minPositives passages a code needs to be learned, at least 1
   * @param minTermCount passages a term must occur in to be a feature, at least 1
   * @param calibrationFolds held-out folds for calibration, at least 2
   * @param top most codes kept per passage when the threshold is chosen
   * @param threads threads fitting codes at once, at least 1; the model does not depend on it
   * @param seed seeds the split into calibration folds
   * @param vectorWeight length of the word-vector block ({@link Vocabulary}); 0: none
   * @param sentenceWeight length of the sentence-vector block ({@link SentenceBlock}, from {@link
   *     SentenceEncoder#bgeSmall()}; every bag must then carry its vector); 0: none
   */
  public record Options(
      int minPositives,
      int minTermCount,
      int calibrationFolds,
      int top,
      int threads,
      long seed,
      double vectorWeight,
      double sentenceWeight) {
    /** Default passages a code needs to be learned. */
    public static final int DEFAULT_MIN_POSITIVES = 3;

    /**
     * Default length of the word-vector block: of 0, 0.25, 0.5 and 1, the best mean micro-F1 of the
     * learned method over the three dev sets, cross-validated with four fold seeds (README).
     */
    public static final double DEFAULT_VECTOR_WEIGHT = 0.5;

    /**
     * Length of the sentence-vector block when one is asked for: of 0.5, 1, 1.5, 2 and 4, the best
     * mean micro-F1 of the learned method over the three dev sets (README).
     */
    public static final double DEFAULT_SENTENCE_WEIGHT = 1;

    public Options {
      if (minPositives < 1
          || minTermCount < 1
          || calibrationFolds < 2
          || top < 1
          || threads < 1
          || !(vectorWeight >= 0)
          || !(sentenceWeight >= 0)) {
        throw new IllegalArgumentException(
            "bad training options "
                + minPositives
                + ", "
                + minTermCount
                + ", "
                + calibrationFolds
                + ", "
                + top
                + ", "
                + threads
                + ", "
                + vectorWeight
                + ", "
                + sentenceWeight);
      }
    }

    /** The same options keeping at most {@code newTop} codes a passage. */
    public Options withTop(int newTop) {
      return new Options(
          minPositives,
          minTermCount,
          calibrationFolds,
          newTop,
          threads,
          seed,
          vectorWeight,
          sentenceWeight);
    }

    /** The same options with a word-vector block of {@code weight} (0: none). */
    public Options withVectorWeight(double weight) {
      return new Options(
          minPositives, minTermCount, calibrationFolds, top, threads, seed, weight, sentenceWeight);
    }

    /** The same options with a sentence-vector block of {@code weight} (0: none). */
    public Options withSentenceWeight(double weight) {
      return new Options(
          minPositives, minTermCount, calibrationFolds, top, threads, seed, vectorWeight, weight);
    }

    /**
     * Defaults: 3 positives, terms in 2 passages, 3 calibration folds, top 3, word vectors at
     * {@link #DEFAULT_VECTOR_WEIGHT}, no sentence vectors.
     */
    public static Options defaults(int threads, long seed) {
      return new Options(DEFAULT_MIN_POSITIVES, 2, 3, 3, threads, seed, DEFAULT_VECTOR_WEIGHT, 0);
    }
  }

  private final BinaryLearner learner;
  private final Options options;

  /** The learner and its settings, as a model and a cross-validation report name them. */
  public String describe() {
    return options.sentenceWeight() > 0
        ? learner.name() + ", with sentence vectors " + SentenceEncoder.bgeSmall().name()
        : learner.name();
  }

  /** A trainer fitting each code with {@code learner}. */
  public ModelTrainer(BinaryLearner learner, Options options) {
    this.learner = learner;
    this.options = options;
  }

  /**
   * Trains on {@code bags} with their {@code labels} (code ids) and {@code groups} (the unit that
   * folds never split: a source or participant).
   *
   * @param codes the codes to learn, in codebook order; labels outside them are ignored
   * @throws IllegalArgumentException when the lists differ in length
   */
  public LearnedModel train(
      List<PassageBag> bags, List<Set<String>> labels, List<String> groups, List<String> codes) {
    if (bags.size() != labels.size() || bags.size() != groups.size()) {
      throw new IllegalArgumentException(
          bags.size()
              + " passages, "
              + labels.size()
              + " label sets, "
              + groups.size()
              + " groups");
    }
    Vocabulary vocabulary =
        Vocabulary.of(
            bags,
            options.minTermCount(),
            options.vectorWeight() > 0 ? WordVectors.english() : null,
            options.vectorWeight(),
            options.sentenceWeight() > 0 ? SentenceEncoder.bgeSmall() : null,
            options.sentenceWeight());
    List<SparseVector> x = bags.stream().map(vocabulary::vector).toList();
    int[] fold = folds(groups);
    List<String> learned = new ArrayList<>();
    Map<String, boolean[]> y = new LinkedHashMap<>();
    for (String code : codes) {
      boolean[] yc = new boolean[bags.size()];
      int pos = 0;
      for (int i = 0; i < yc.length; i++) {
        yc[i] = labels.get(i).contains(code);
        pos += yc[i] ? 1 : 0;
      }
      if (pos >= options.minPositives() && pos < yc.length) {
        learned.add(code);
        y.put(code, yc);
      }
    }
    int features = vocabulary.size();
    BinaryLearner.Matrix all = learner.matrix(x, features);
    List<BinaryLearner.Matrix> trainParts = new ArrayList<>();
    List<int[]> trainRows = new ArrayList<>();
    List<int[]> testRows = new ArrayList<>();
    for (int f = 0; f < options.calibrationFolds(); f++) {
      List<Integer> tr = new ArrayList<>();
      List<Integer> te = new ArrayList<>();
      for (int i = 0; i < fold.length; i++) {
        (fold[i] == f ? te : tr).add(i);
      }
      int[] trArr = tr.stream().mapToInt(Integer::intValue).toArray();
      trainRows.add(trArr);
      testRows.add(te.stream().mapToInt(Integer::intValue).toArray());
      List<SparseVector> xs = new ArrayList<>(trArr.length);
      for (int i : trArr) {
        xs.add(x.get(i));
      }
      trainParts.add(learner.matrix(xs, features));
    }
    // per code: the fit on all passages, and held-out decision values from the folds
    List<double[]> heldOut = new ArrayList<>(Collections.nCopies(learned.size(), null));
    List<BinaryLearner.Fit> fits = new ArrayList<>(Collections.nCopies(learned.size(), null));
    runAll(
        learned.size(),
        c -> {
          boolean[] yc = y.get(learned.get(c));
          fits.set(c, learner.fit(all, yc));
          double[] f = new double[yc.length];
          for (int k = 0; k < trainParts.size(); k++) {
            int[] tr = trainRows.get(k);
            boolean[] ys = new boolean[tr.length];
            boolean yes = false;
            boolean no = false;
            for (int j = 0; j < tr.length; j++) {
              ys[j] = yc[tr[j]];
              yes |= ys[j];
              no |= !ys[j];
            }
            // a fold whose training part lacks a class says nothing about held-out passages: NaN,
            // left out of calibration and of the threshold's choice
            BinaryLearner.Fit part = yes && no ? learner.fit(trainParts.get(k), ys) : null;
            for (int i : testRows.get(k)) {
              f[i] = part == null ? Double.NaN : x.get(i).dot(part.weights(), part.bias());
            }
          }
          heldOut.set(c, f);
        });
    // calibration: a code's own when it has enough positives, else one shared by the rare codes
    List<Double> sharedF = new ArrayList<>();
    List<Boolean> sharedY = new ArrayList<>();
    double[][] platt = new double[learned.size()][];
    int[] positives = new int[learned.size()];
    for (int c = 0; c < learned.size(); c++) {
      boolean[] yc = y.get(learned.get(c));
      for (boolean v : yc) {
        positives[c] += v ? 1 : 0;
      }
      double[] f = heldOut.get(c);
      if (positives[c] >= OWN_CALIBRATION) {
        List<Double> fs = new ArrayList<>();
        List<Boolean> ysList = new ArrayList<>();
        for (int i = 0; i < yc.length; i++) {
          if (!Double.isNaN(f[i])) {
            fs.add(f[i]);
            ysList.add(yc[i]);
          }
        }
        platt[c] = PlattScaling.fit(doubles(fs), booleans(ysList));
      } else {
        for (int i = 0; i < yc.length; i++) {
          if (!Double.isNaN(f[i])) {
            sharedF.add(f[i]);
            sharedY.add(yc[i]);
          }
        }
      }
    }
    if (!sharedF.isEmpty()) {
      double[] shared = PlattScaling.fit(doubles(sharedF), booleans(sharedY));
      for (int c = 0; c < learned.size(); c++) {
        if (platt[c] == null) {
          platt[c] = shared;
        }
      }
    }
    List<CodeClassifier> classifiers = new ArrayList<>();
    double[][] p = new double[learned.size()][];
    for (int c = 0; c < learned.size(); c++) {
      BinaryLearner.Fit fit = fits.get(c);
      classifiers.add(
          new CodeClassifier(
              learned.get(c), fit.weights(), fit.bias(), platt[c][0], platt[c][1], positives[c]));
      p[c] = new double[bags.size()];
      for (int i = 0; i < bags.size(); i++) {
        double f = heldOut.get(c)[i];
        p[c][i] =
            Double.isNaN(f) ? Double.NaN : CodeClassifier.sigmoid(platt[c][0], platt[c][1], f);
      }
    }
    CodeCompetition fitted =
        CodeCompetition.singleLabel(labels, codes)
            ? CodeCompetition.fit(p, learned.stream().map(y::get).toList(), OWN_CALIBRATION)
            : null;
    // a competition no code has a fit in changes nothing: the model goes without
    CodeCompetition competition = fitted != null && fitted.fitted() > 0 ? fitted : null;
    double[] column = new double[learned.size()];
    for (int i = 0; i < bags.size(); i++) {
      for (int c = 0; c < column.length; c++) {
        column[c] = Double.isNaN(p[c][i]) ? 0 : p[c][i];
      }
      double[] after = competition == null ? column : competition.apply(column);
      for (int c = 0; c < column.length; c++) {
        // a passage its fold could not score for this code stays at 0, as without a competition
        p[c][i] = Double.isNaN(p[c][i]) ? 0 : after[c];
      }
    }
    double threshold =
        Thresholds.bestMicroF1(p, learned.stream().map(y::get).toList(), options.top());
    List<String> uncoded = new ArrayList<>();
    List<String> tooFew = new ArrayList<>();
    for (String c : codes) {
      if (!learned.contains(c)) {
        boolean any = labels.stream().anyMatch(l -> l.contains(c));
        (any ? tooFew : uncoded).add(c);
      }
    }
    List<String> lexiconBetter = lexiconBetter(bags, learned, y, p);
    double lexiconThreshold = lexiconThreshold(bags, labels, codes, options.top());
    double combinedThreshold =
        combinedThreshold(
            bags, labels, codes, learned, lexiconBetter, p, threshold, lexiconThreshold);
    return new LearnedModel(
        vocabulary,
        classifiers,
        threshold,
        lexiconThreshold,
        combinedThreshold,
        tooFew,
        uncoded,
        lexiconBetter,
        bags.size(),
        competition != null
            ? describe() + "; codes compete (single-label coding): " + competition.fitted()
            : describe(),
        competition,
        null);
  }

  /**
   * The threshold of combined suggestions: the best micro-F1 on the held-out scores as combined
   * suggestions mix them (the model's probabilities, and the lexicon's scores on the model's scale
   * for the codes it takes from the lexicon), over the codes some training passage has.
   */
  private double combinedThreshold(
      List<PassageBag> bags,
      List<Set<String>> labels,
      List<String> codes,
      List<String> learned,
      List<String> lexiconBetter,
      double[][] p,
      double threshold,
      double lexiconThreshold) {
    List<double[]> scores = new ArrayList<>();
    List<boolean[]> truth = new ArrayList<>();
    for (String code : codes) {
      boolean[] yc = new boolean[bags.size()];
      boolean any = false;
      for (int i = 0; i < yc.length; i++) {
        yc[i] = labels.get(i).contains(code);
        any |= yc[i];
      }
      if (!any) {
        continue;
      }
      int c = learned.indexOf(code);
      double[] s = new double[bags.size()];
      for (int i = 0; i < s.length; i++) {
        double lex = bags.get(i).lexicon().getOrDefault(code, 0.0);
        s[i] =
            c >= 0 && !lexiconBetter.contains(code)
                ? p[c][i]
                : lex > 0 ? LearnedModel.onScale(lex, lexiconThreshold, threshold) : 0;
      }
      scores.add(s);
      truth.add(yc);
    }
    return scores.isEmpty()
        ? threshold
        : Thresholds.bestMicroF1(scores.toArray(new double[0][]), truth, options.top());
  }

  /**
   * The learned codes whose lexicon ranked their passages better than the model did on the held-out
   * folds (a higher average precision): combined suggestions take the lexicon for these, as a
   * lexicon of well-chosen words can beat a model that saw few examples of a code.
   */
  static List<String> lexiconBetter(
      List<PassageBag> bags, List<String> learned, Map<String, boolean[]> y, double[][] p) {
    List<String> order = new ArrayList<>(bags.size());
    for (int i = 0; i < bags.size(); i++) {
      order.add(String.format(java.util.Locale.ROOT, "%09d", i));
    }
    List<String> out = new ArrayList<>();
    for (int c = 0; c < learned.size(); c++) {
      String code = learned.get(c);
      double[] lex = new double[bags.size()];
      boolean any = false;
      for (int i = 0; i < lex.length; i++) {
        lex[i] = bags.get(i).lexicon().getOrDefault(code, 0.0);
        any |= lex[i] > 0;
      }
      boolean[] yc = y.get(code);
      if (any
          && RankingMetrics.averagePrecision(lex, yc, order)
              > RankingMetrics.averagePrecision(p[c], yc, order)) {
        out.add(code);
      }
    }
    return out;
  }

  /**
   * The lexicon score with the best micro-F1 on the training passages, over the codes with a
   * lexicon score somewhere; {@link SuggestDefaults#LEXICON_THRESHOLD} when none has.
   */
  public static double lexiconThreshold(
      List<PassageBag> bags, List<Set<String>> labels, List<String> codes, int top) {
    List<String> scored =
        codes.stream()
            .filter(c -> bags.stream().anyMatch(b -> b.lexicon().containsKey(c)))
            .toList();
    if (scored.isEmpty()) {
      return SuggestDefaults.LEXICON_THRESHOLD;
    }
    double[][] s = new double[scored.size()][bags.size()];
    List<boolean[]> y = new ArrayList<>();
    for (int c = 0; c < scored.size(); c++) {
      boolean[] yc = new boolean[bags.size()];
      for (int i = 0; i < bags.size(); i++) {
        s[c][i] = bags.get(i).lexicon().getOrDefault(scored.get(c), 0.0);
        yc[i] = labels.get(i).contains(scored.get(c));
      }
      y.add(yc);
    }
    return Thresholds.bestMicroF1(s, y, top);
  }

  private static double[] doubles(List<Double> list) {
    return list.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static boolean[] booleans(List<Boolean> list) {
    boolean[] out = new boolean[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  // the calibration fold of each passage: groups shuffled by the seed, then dealt to the folds
  // so each fold gets about as many passages; without enough groups, passages are dealt instead
  private int[] folds(List<String> groups) {
    int k = options.calibrationFolds();
    if (GroupFolds.count(groups) >= k) {
      return GroupFolds.deal(groups, k, options.seed());
    }
    int[] fold = new int[groups.size()];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < fold.length; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(options.seed()));
    for (int j = 0; j < order.size(); j++) {
      fold[order.get(j)] = j % k;
    }
    return fold;
  }

  private interface CodeJob {
    void run(int code);
  }

  // runs job(0 .. n-1) on the trainer's threads; each job writes only its own slots
  private void runAll(int n, CodeJob job) {
    int threads = Math.min(options.threads(), Math.max(1, n));
    if (threads <= 1) {
      for (int c = 0; c < n; c++) {
        job.run(c);
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "quarry-learn");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        int code = c;
        futures.add(pool.submit(() -> job.run(code)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }
}
