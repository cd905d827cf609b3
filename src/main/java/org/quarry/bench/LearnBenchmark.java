package org.quarry.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.quarry.coding.Learning;
import org.quarry.learn.BinaryLearner;
import org.quarry.learn.LearnedModel;
import org.quarry.learn.ModelTrainer;
import org.quarry.learn.PassageBag;
import org.quarry.learn.SentenceEncoder;

/**
 * Training and applying the learned suggester on synthetic coded passages, each against a baseline
 * of the same run: training on N threads against one thread, and applying the model (tf-idf vector
 * and one dot product and sigmoid per code) against building the vectors alone.
 *
 * <p>The passages are bags of 30 words drawn from 5,000 with a Zipf-like skew; each of the codes
 * has 20 words of its own, and a coded passage (each code on about 1 passage in {@code codes / 2})
 * holds 3 of them; every passage has a context of 10 words and a lexicon score for the codes it
 * holds. The shape of an interview study's coded turns, not its words: the timings depend on sizes,
 * not content.
 */
public final class LearnBenchmark {
  private LearnBenchmark() {}

  /**
   * Runs it: {@code passages} coded passages, {@code codes} codes, {@code rounds} timed runs of
   * applying.
   */
  public static BenchReport run(int passages, int codes, int rounds, long seed, int threads) {
    return run(passages, codes, rounds, seed, threads, 0);
  }

  /**
   * As {@link #run(int, int, int, long, int)}, and when {@code sentencePassages} is positive, the
   * opt-in sentence encoder ({@link SentenceEncoder#bgeSmall()}) on that many generated passages
   * ({@link ScaleCorpus}: interview turns and survey answers in English), against applying the
   * model to as many bags: what {@code learn --sentence-vectors} adds to every passage it trains on
   * or suggests for.
   */
  public static BenchReport run(
      int passages, int codes, int rounds, long seed, int threads, int sentencePassages) {
    Random r = new Random(seed);
    List<PassageBag> bags = new ArrayList<>();
    List<Set<String>> labels = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    List<String> codeIds = new ArrayList<>();
    for (int c = 0; c < codes; c++) {
      codeIds.add(String.format(Locale.ROOT, "code-%03d", c));
    }
    for (int i = 0; i < passages; i++) {
      Map<String, Integer> terms = new HashMap<>();
      for (int w = 0; w < 30; w++) {
        terms.merge(word(r), 1, Integer::sum);
      }
      Map<String, Integer> context = new HashMap<>();
      for (int w = 0; w < 10; w++) {
        context.merge(word(r), 1, Integer::sum);
      }
      Set<String> l = new HashSet<>();
      Map<String, Double> lexicon = new HashMap<>();
      for (int k = 0; k < 2; k++) {
        if (r.nextInt(codes) < 1 + codes / 50) {
          int c = r.nextInt(codes);
          l.add(codeIds.get(c));
          for (int w = 0; w < 3; w++) {
            terms.merge("c" + c + "w" + r.nextInt(20), 1, Integer::sum);
          }
          lexicon.put(codeIds.get(c), 0.2 + 0.6 * r.nextDouble());
        }
      }
      bags.add(new PassageBag(terms, context, "turn", lexicon));
      labels.add(l);
      groups.add("source-" + (i % 40));
    }
    BinaryLearner learner = Learning.defaultLearner();
    long t0 = System.nanoTime();
    LearnedModel many =
        new ModelTrainer(learner, ModelTrainer.Options.defaults(threads, seed))
            .train(bags, labels, groups, codeIds);
    long trainMany = System.nanoTime() - t0;
    t0 = System.nanoTime();
    LearnedModel one =
        new ModelTrainer(learner, ModelTrainer.Options.defaults(1, seed))
            .train(bags, labels, groups, codeIds);
    long trainOne = System.nanoTime() - t0;
    boolean same =
        one.classifiers().size() == many.classifiers().size()
            && one.threshold() == many.threshold();
    for (int c = 0; same && c < one.classifiers().size(); c++) {
      same =
          java.util.Arrays.equals(
              one.classifiers().get(c).weights(), many.classifiers().get(c).weights());
    }
    long[] apply = new long[rounds];
    long[] vectors = new long[rounds];
    double sink = 0;
    for (int round = 0; round < rounds; round++) {
      t0 = System.nanoTime();
      for (PassageBag b : bags) {
        // a model of no codes (too few examples of each) gives no probabilities to add up
        for (double p : many.probabilities(b)) {
          sink += p;
        }
      }
      apply[round] = System.nanoTime() - t0;
      t0 = System.nanoTime();
      for (PassageBag b : bags) {
        sink += many.vocabulary().vector(b).indices().length;
      }
      vectors[round] = System.nanoTime() - t0;
    }
    Timing applied =
        Timing.of(
            "apply model: " + passages + " passages x " + many.classifiers().size() + " codes",
            apply);
    List<Timing[]> pairs =
        new ArrayList<>(
            List.of(
                new Timing[] {
                  Timing.of("train on " + threads + " threads", new long[] {trainMany}),
                  Timing.of("train on 1 thread", new long[] {trainOne})
                },
                new Timing[] {applied, Timing.of("build the vectors alone", vectors)}));
    List<String> notes =
        new ArrayList<>(
            List.of(
                String.format(
                    Locale.ROOT,
                    "training: %d passages, %d codes learned, %d features; %.1f s on %d threads (%s 1 thread's model)",
                    passages,
                    many.classifiers().size(),
                    many.vocabulary().size(),
                    trainMany / 1e9,
                    threads,
                    same ? "the same as" : "DIFFERENT FROM"),
                String.format(
                    Locale.ROOT,
                    "applying: %.0f passages/s (median)%s",
                    passages / (applied.medianMs() / 1000),
                    sink == 42 ? " " : "")));
    if (sentencePassages > 0) {
      List<String> texts =
          new ScaleCorpus(seed, sentencePassages)
              .sources()
              .flatMap(s -> s.passages().stream())
              .limit(sentencePassages)
              .toList();
      SentenceEncoder encoder = SentenceEncoder.bgeSmall();
      // the first call loads the model (about a second), which a timing of encoding leaves out
      encoder.encode(List.of("warm up"));
      t0 = System.nanoTime();
      List<float[]> encoded = encoder.encode(texts);
      long encoding = System.nanoTime() - t0;
      List<PassageBag> some = bags.subList(0, Math.min(texts.size(), bags.size()));
      t0 = System.nanoTime();
      for (PassageBag b : some) {
        sink += many.probabilities(b)[0];
      }
      long applying = System.nanoTime() - t0;
      pairs.add(
          new Timing[] {
            Timing.of(
                "encode " + texts.size() + " passages (sentence vectors)", new long[] {encoding}),
            Timing.of("apply model to " + some.size() + " passages", new long[] {applying})
          });
      notes.add(
          String.format(
              Locale.ROOT,
              "sentence vectors: %.0f passages/s (%s, %d vectors, %.1f words a passage)",
              texts.size() / (encoding / 1e9),
              encoder.name(),
              encoded.size(),
              texts.stream().mapToInt(t -> t.split("\\s+").length).average().orElse(0)));
    }
    return new BenchReport(pairs, notes);
  }

  // a word of a 5,000-word vocabulary, common words far more often than rare ones
  private static String word(Random r) {
    double u = r.nextDouble();
    return "w" + (int) Math.floor(Math.pow(5000, u) - 1);
  }
}
