package org.quarry.coding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.quarry.analysis.Glossary;
import org.quarry.learn.LearnedModel;
import org.quarry.learn.SentenceBlock;
import org.quarry.learn.SentenceEncoder;
import org.quarry.learn.TextVectors;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.Evidence;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.SuggestMethod;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.model.Suggestion;
import org.quarry.model.SuggestionRun;

/**
 * Suggests codes with a {@link LearnedModel}: each passage's calibrated probability per learned
 * code, from its words, its context, its kind and the lexicon's scores. As {@link
 * SuggestMethod#COMBINED}, a code the model could not learn (too few coded passages) is suggested
 * by its lexicon instead, its score rescaled so the lexicon's threshold (chosen on the training
 * passages) meets the model's; a parent code that no training passage had is a container of coded
 * children and is not suggested.
 *
 * <p>A suggestion's evidence is the lexicon's matched words for that code, when it has any; else,
 * for a learned code, the passage's words that weigh most for it in the model ({@link
 * LearnedEvidence}).
 */
public final class LearnedSuggester implements Suggester {
  private final LearnedModel model;
  private final SuggestMethod method;
  private final List<Code> codes;
  private final CodeSuggester lexicon;
  // null for a model without a sentence block
  private final TextVectors sentences;
  private final java.util.Set<String> lexiconBetter;

  /**
   * A suggester of {@code codebook}'s codes by {@code model}.
   *
   * @param method {@link SuggestMethod#LEARNED} or {@link SuggestMethod#COMBINED}
   */
  public LearnedSuggester(
      Codebook codebook, Glossary glossary, LearnedModel model, SuggestMethod method) {
    this(codebook, glossary, model, method, null);
  }

  /**
   * As above, reading the passages' sentence vectors (for a model that weighs them) through {@code
   * sentences}, e.g. a {@link org.quarry.learn.SentenceVectorCache}; null: the model's encoder.
   *
   * @throws IllegalArgumentException when {@code sentences} is another encoder than the model's
   */
  public LearnedSuggester(
      Codebook codebook,
      Glossary glossary,
      LearnedModel model,
      SuggestMethod method,
      TextVectors sentences) {
    SentenceBlock block = model.vocabulary().sentences();
    if (block != null && sentences != null && !sentences.name().equals(block.encoder())) {
      throw new IllegalArgumentException(
          "the model's sentence vectors are " + block.encoder() + ", not " + sentences.name());
    }
    this.sentences =
        block == null
            ? null
            : sentences != null ? sentences : SentenceEncoder.named(block.encoder());
    if (method == SuggestMethod.LEXICON) {
      throw new IllegalArgumentException("a learned suggester is learned or combined");
    }
    this.model = model;
    this.method = method;
    this.lexiconBetter = java.util.Set.copyOf(model.lexiconBetter());
    java.util.Set<String> learned = new java.util.HashSet<>(model.codes());
    this.lexicon = new CodeSuggester(codebook, glossary);
    java.util.Set<String> withLexicon = new java.util.HashSet<>();
    lexicon.codes().forEach(c -> withLexicon.add(c.id()));
    // a parent code nobody coded with is a container: its children are coded, not it
    java.util.Set<String> containers = new java.util.HashSet<>(model.uncoded());
    containers.retainAll(codebook.parentIds());
    this.codes =
        codebook.codes().stream()
            .filter(
                c ->
                    learned.contains(c.id())
                        || (method == SuggestMethod.COMBINED
                            && withLexicon.contains(c.id())
                            && !containers.contains(c.id())))
            .toList();
  }

  @Override
  public SuggestMethod method() {
    return method;
  }

  @Override
  public List<Code> codes() {
    return codes;
  }

  @Override
  public double defaultMinScore() {
    return method == SuggestMethod.COMBINED ? model.combinedThreshold() : model.threshold();
  }

  @Override
  public SuggestionRun suggest(IndexReader reader, SuggestOptions options, SuggestProgress progress)
      throws IOException {
    long t0 = System.nanoTime();
    // scores first, from a lexicon run without evidence; evidence after, for the kept passages only
    SuggestOptions scoring = options.toBuilder().evidence(false).build();
    List<BaggedPassages.Bagged> bagged = BaggedPassages.read(reader, lexicon, scoring, sentences);
    List<PassageSuggestions> out = new ArrayList<>();
    Map<String, Integer> docs = new HashMap<>();
    int n = 0;
    for (BaggedPassages.Bagged b : bagged) {
      docs.put(b.passage().id(), b.doc());
      List<Suggestion> kept = scores(b, options.minScore(), options.top());
      if (!kept.isEmpty()) {
        out.add(new PassageSuggestions(b.passage(), kept));
      }
      if (++n % 1000 == 0) {
        progress.update(n, bagged.size(), b.passage().id());
      }
    }
    long t1 = System.nanoTime();
    if (options.evidence() && !out.isEmpty()) {
      out = withEvidence(reader, out, docs, options);
    }
    out.sort(
        Comparator.comparing((PassageSuggestions s) -> s.passage().source())
            .thenComparingInt(s -> s.passage().start())
            .thenComparing(s -> s.passage().id()));
    return new SuggestionRun(out, bagged.size(), codes.size(), t1 - t0, System.nanoTime() - t1, 0);
  }

  // the lexicon's matched words for each kept suggestion, from one lexicon run over the kept
  // passages
  private List<PassageSuggestions> withEvidence(
      IndexReader reader,
      List<PassageSuggestions> kept,
      Map<String, Integer> docs,
      SuggestOptions options)
      throws IOException {
    if (lexicon.codes().isEmpty()) {
      return kept;
    }
    List<String> ids = kept.stream().map(ps -> ps.passage().id()).toList();
    SuggestOptions all =
        options.toBuilder()
            .minScore(0)
            .top(lexicon.codes().size())
            .evidence(true)
            .passages(ids)
            .build();
    Map<String, Map<String, List<Evidence>>> evidence = new HashMap<>();
    for (PassageSuggestions ps : lexicon.suggest(reader, all, SuggestProgress.NONE).passages()) {
      Map<String, List<Evidence>> m = new HashMap<>();
      ps.suggestions().forEach(s -> m.put(s.code(), s.evidence()));
      evidence.put(ps.passage().id(), m);
    }
    List<PassageSuggestions> out = new ArrayList<>(kept.size());
    LearnedEvidence learned = new LearnedEvidence(reader, model);
    for (PassageSuggestions ps : kept) {
      Map<String, List<Evidence>> m = evidence.getOrDefault(ps.passage().id(), Map.of());
      List<Suggestion> list = new ArrayList<>();
      for (Suggestion s : ps.suggestions()) {
        List<Evidence> ev = m.getOrDefault(s.code(), List.of());
        if (ev.isEmpty()) {
          ev = learned.of(ps.passage(), docs.get(ps.passage().id()), s.code());
        }
        list.add(new Suggestion(s.passageId(), s.code(), s.score(), ev));
      }
      out.add(new PassageSuggestions(ps.passage(), list));
    }
    return out;
  }

  /**
   * Every code's score on one passage, best first (codebook order on ties), at most {@code top} at
   * or above {@code minScore}.
   */
  List<Suggestion> scores(BaggedPassages.Bagged b, double minScore, int top) {
    double[] p = model.probabilities(b.bag());
    Map<String, Double> byCode = new HashMap<>();
    List<String> learned = model.codes();
    for (int c = 0; c < p.length; c++) {
      // combined takes the lexicon for a code whose lexicon ranked better on the held-out folds
      if (method == SuggestMethod.LEARNED || !lexiconBetter.contains(learned.get(c))) {
        byCode.put(learned.get(c), p[c]);
      }
    }
    List<Suggestion> all = new ArrayList<>();
    for (int c = 0; c < codes.size(); c++) {
      String id = codes.get(c).id();
      Double score = byCode.get(id);
      Suggestion lex = b.lexicon().get(id);
      if (score == null) {
        // the lexicon's score, put on the model's scale so one threshold serves both
        score = lex == null ? 0.0 : model.lexiconOnModelScale(lex.score());
      }
      double s = CodeSuggester.round(score);
      if (s >= minScore && s > 0) {
        List<Evidence> ev = lex == null ? List.of() : lex.evidence();
        all.add(new Suggestion(b.passage().id(), id, s, ev));
      }
    }
    // stable: codebook order stays on equal scores
    all.sort(Comparator.comparingDouble(Suggestion::score).reversed());
    return all.size() > top ? List.copyOf(all.subList(0, top)) : all;
  }
}
