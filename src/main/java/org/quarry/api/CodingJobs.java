package org.quarry.api;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.Query;
import org.quarry.analysis.Glossary;
import org.quarry.analysis.TextAnnotator;
import org.quarry.coding.CodeQueryBuilder;
import org.quarry.coding.CodeSuggester;
import org.quarry.coding.CodebookException;
import org.quarry.coding.CodebookReader;
import org.quarry.coding.CodedPassages;
import org.quarry.coding.CrossValidation;
import org.quarry.coding.Evaluator;
import org.quarry.coding.GoldSet;
import org.quarry.coding.IndexCoding;
import org.quarry.coding.LearnedSuggester;
import org.quarry.coding.Learning;
import org.quarry.coding.Suggester;
import org.quarry.index.IndexLockedException;
import org.quarry.learn.BinaryLearner;
import org.quarry.learn.LearnedModel;
import org.quarry.learn.ModelTrainer;
import org.quarry.learn.SentenceEncoder;
import org.quarry.learn.SentenceVectorCache;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;
import org.quarry.model.CrossValidationOptions;
import org.quarry.model.CrossValidationReport;
import org.quarry.model.EvalReport;
import org.quarry.model.GoldItem;
import org.quarry.model.GroupBy;
import org.quarry.model.Hit;
import org.quarry.model.KeyTerm;
import org.quarry.model.LoadedCodebook;
import org.quarry.model.Passage;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.SuggestMethod;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.model.Suggestion;
import org.quarry.model.SuggestionRun;

/**
 * The coding jobs on an index: reading codebooks, suggesting codes (for the index or one text),
 * evaluating suggestions against human coding, and finding key terms for a code's lexicon. The
 * coding package does the work; this class picks the glossary, checks there is an index, and turns
 * failures into {@link QuarryException}s.
 */
final class CodingJobs {
  private final IndexFolder folder;
  private final IndexSearch search;
  private final Supplier<TextAnnotator> annotators;

  CodingJobs(IndexFolder folder, IndexSearch search, Supplier<TextAnnotator> annotators) {
    this.folder = folder;
    this.search = search;
    this.annotators = annotators;
  }

  /** Reads and validates a codebook file; see {@link Quarry#codebook}. */
  static LoadedCodebook readCodebook(Path file) {
    try {
      return CodebookReader.load(file);
    } catch (CodebookException e) {
      throw new QuarryException(e.getMessage(), e);
    }
  }

  /** Suggests codes through the index; see {@link Quarry#suggest}. */
  SuggestionRun suggest(
      Codebook codebook,
      SuggestOptions options,
      java.util.OptionalDouble storeThreshold,
      SuggestProgress progress) {
    folder.requireIndex();
    return suggest(
        codebook,
        lexicon(codebook, glossary(codebook), SuggestOptions.DEFAULT_MIN_SCORE),
        options,
        storeThreshold,
        progress);
  }

  // the lexicon suggester, its unusable terms or queries one-line errors
  private static CodeSuggester lexicon(
      Codebook codebook, Glossary glossary, double defaultMinScore) {
    try {
      return new CodeSuggester(codebook, glossary, defaultMinScore);
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    }
  }

  /**
   * Suggests codes with a chosen suggester; see {@link Quarry#suggest(Codebook, SuggesterChoice,
   * SuggestOptions, java.util.OptionalDouble, SuggestProgress)}.
   */
  SuggestionRun suggest(
      Codebook codebook,
      Suggester suggester,
      SuggestOptions options,
      java.util.OptionalDouble storeThreshold,
      SuggestProgress progress) {
    folder.requireIndex();
    // a run that stores its suggestions writes: it takes its turn with the other writers
    java.util.concurrent.Semaphore turn =
        storeThreshold.isPresent() ? WriterTurns.take(folder.dir()) : null;
    try {
      SuggestionRun run =
          IndexCoding.suggest(folder.dir(), codebook, suggester, options, progress, storeThreshold);
      search.release(); // the next search sees the stored codes
      return run;
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    } catch (IndexLockedException e) {
      throw IndexFolder.locked(e);
    } catch (IOException e) {
      throw folder.unreadable(e);
    } finally {
      if (turn != null) {
        turn.release();
      }
    }
  }

  /**
   * The lexicon suggester for a store that scores queries itself; see {@link
   * Quarry#storeSuggester}.
   */
  org.quarry.coding.StoreSuggester storeSuggester(Codebook codebook) {
    try {
      return new org.quarry.coding.StoreSuggester(codebook, glossary(codebook));
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    }
  }

  /** Stores a run scored elsewhere; see {@link Quarry#storeSuggestions}. */
  int storeSuggestions(
      Codebook codebook, SuggestionRun run, SuggestOptions options, double threshold) {
    if (!folder.hasIndex()) {
      return 0;
    }
    java.util.concurrent.Semaphore turn = WriterTurns.take(folder.dir());
    try {
      int stored = IndexCoding.store(folder.dir(), codebook, run, options, threshold);
      search.release(); // the next search sees the stored codes
      return stored;
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    } catch (IndexLockedException e) {
      throw IndexFolder.locked(e);
    } catch (IOException e) {
      throw folder.unreadable(e);
    } finally {
      turn.release();
    }
  }

  /**
   * Suggests codes, handing each passage's suggestions to a sink; see {@link Quarry#suggestEach}.
   */
  SuggestionRun suggestEach(
      Suggester suggester,
      SuggestOptions options,
      SuggestProgress progress,
      java.util.function.Consumer<org.quarry.model.PassageSuggestions> sink) {
    folder.requireIndex();
    try {
      return IndexCoding.suggestEach(folder.dir(), suggester, options, progress, sink);
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  /** The suggester of a method; see {@link Quarry#suggester}. */
  SuggesterChoice suggester(Codebook codebook, SuggestMethod method) {
    folder.requireIndex();
    Glossary glossary = glossary(codebook);
    CodeSuggester lexicon = lexicon(codebook, glossary, SuggestOptions.DEFAULT_MIN_SCORE);
    Optional<LearnedModel> model;
    try {
      model = Learning.readModel(folder.dir());
    } catch (IOException e) {
      if (method == null || method == SuggestMethod.LEXICON) {
        return new SuggesterChoice(
            lexicon, List.of(e.getMessage() + "; suggesting with the lexicon"));
      }
      throw new QuarryException(e.getMessage(), e);
    }
    if (method == null && model.isEmpty()) {
      return new SuggesterChoice(lexicon, List.of());
    }
    Optional<String> stale = model.isEmpty() ? Optional.empty() : staleness(model.get(), codebook);
    if (method == SuggestMethod.LEXICON) {
      // a model that fits knows the lexicon's threshold from the coded passages
      return new SuggesterChoice(
          model.isPresent() && stale.isEmpty()
              ? lexicon(codebook, glossary, model.get().lexiconThreshold())
              : lexicon,
          List.of());
    }
    if (model.isEmpty()) {
      throw new QuarryException(
          "--method "
              + method.label()
              + " needs a trained model: run 'quarry learn --codebook FILE"
              + " [--gold FILE]' on this index first");
    }
    if (stale.isPresent()) {
      String why = "the learned model is stale: " + stale.get() + "; run 'quarry learn' again";
      if (method == null) {
        return new SuggesterChoice(
            lexicon, List.of(why + " (suggesting with the lexicon meanwhile)"));
      }
      throw new QuarryException(why + ", or use --method lexicon");
    }
    try {
      return new SuggesterChoice(
          new LearnedSuggester(
              codebook,
              glossary,
              model.get(),
              method == null ? SuggestMethod.COMBINED : method,
              sentenceVectors()),
          List.of());
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    }
  }

  // why a model does not fit this codebook and index, or empty when it does
  private Optional<String> staleness(LearnedModel model, Codebook codebook) {
    try (DirectoryReader reader = Learning.open(folder.dir())) {
      return Learning.staleness(model, codebook, reader);
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  /** Trains the learned suggester; see {@link Quarry#learn}. */
  LearnReport learn(Codebook codebook, Path gold, int threads, long seed, boolean sentenceVectors) {
    folder.requireIndex();
    List<GoldItem> items = gold == null ? keptCodings() : readGold(gold, codebook).items();
    if (items.isEmpty()) {
      // rejections alone teach no code: every code needs coded passages
      throw new QuarryException(
          "no human codings to learn from: give --gold FILE, import a coded .qdpx,"
              + " or accept suggestions first");
    }
    List<Passage> all = search.passages(true).stream().map(Hit::passage).toList();
    long t0 = System.nanoTime();
    try (DirectoryReader reader = Learning.open(folder.dir())) {
      // every passage a default run covers; the lexicon scores are features, its evidence is not
      // needed
      SuggestOptions options =
          SuggestOptions.builder().minScore(0).top(1).evidence(false).threads(threads).build();
      // without a gold file, a rejected suggestion marks its source as reviewed: its uncoded
      // passages are negatives even where nothing was accepted
      java.util.Set<String> reviewed = new java.util.TreeSet<>();
      if (gold == null) {
        search.decisions().stream()
            .filter(d -> !d.accepted() && d.applied())
            .forEach(d -> reviewed.add(d.source()));
      }
      CodedPassages coded =
          Learning.coded(
              reader, codebook, glossary(codebook), items, all, reviewed, options, GroupBy.SOURCE);
      ModelTrainer.Options training = ModelTrainer.Options.defaults(threads, seed);
      if (sentenceVectors) {
        coded = coded.withSentences(sentenceVectors());
        training = training.withSentenceWeight(ModelTrainer.Options.DEFAULT_SENTENCE_WEIGHT);
      }
      LearnedModel model = Learning.train(reader, codebook, coded, training);
      Learning.writeModel(folder.dir(), model);
      long positives = coded.labels().stream().filter(l -> !l.isEmpty()).count();
      return new LearnReport(
          Learning.modelFile(folder.dir()),
          coded.size(),
          (int) positives,
          model.codes(),
          model.tooFew(),
          model.threshold(),
          model.learner(),
          (System.nanoTime() - t0) / 1_000_000);
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  // the sentence vectors of this index's passages, kept beside it once encoded
  private SentenceVectorCache sentenceVectors() {
    return SentenceVectorCache.beside(folder.dir(), SentenceEncoder.bgeSmall());
  }

  /** Whether the model beside the index weighs sentence vectors (false when there is none). */
  boolean modelHasSentenceVectors() {
    try {
      return Learning.readModel(folder.dir())
          .map(m -> m.vocabulary().sentences() != null)
          .orElse(false);
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  /** Cross-validates the suggestion methods; see {@link Quarry#crossValidate}. */
  CrossValidationReport crossValidate(
      Codebook codebook,
      Path gold,
      CrossValidationOptions asked,
      GroupBy groupBy,
      double contextWeight,
      boolean evidence,
      int threads) {
    BinaryLearner learner = Learning.learner(asked.learner(), asked.seed());
    ModelTrainer.Options training =
        ModelTrainer.Options.defaults(threads, asked.seed()).withTop(asked.top());
    if (asked.sentenceVectors()) {
      training = training.withSentenceWeight(ModelTrainer.Options.DEFAULT_SENTENCE_WEIGHT);
    }
    CrossValidation.Options options = new CrossValidation.Options(asked, training);
    folder.requireIndex();
    GoldSet set = readGold(gold, codebook);
    List<Passage> all = search.passages(true).stream().map(Hit::passage).toList();
    try (DirectoryReader reader = Learning.open(folder.dir())) {
      SuggestOptions select =
          SuggestOptions.builder()
              .minScore(0)
              .top(1)
              .evidence(evidence)
              .contextWeight(contextWeight)
              .threads(threads)
              .build();
      CodedPassages coded =
          Learning.coded(reader, codebook, glossary(codebook), set.items(), all, select, groupBy);
      if (asked.sentenceVectors() && coded.size() > 0) {
        coded = coded.withSentences(sentenceVectors());
      }
      if (coded.size() == 0) {
        throw new QuarryException(
            "no gold item of "
                + gold
                + " matched a passage of this index: index the coded"
                + " documents first (their file names must match the gold's \"doc\")");
      }
      return new CrossValidation(codebook, learner, options).run(coded, groupBy);
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  // the human codings kept with the index, as gold items
  private List<GoldItem> keptCodings() {
    List<GoldItem> out = new ArrayList<>();
    int n = 0;
    for (Coding c : search.humanCodings()) {
      out.add(new GoldItem(++n, c.source(), null, c.code(), null, c.start(), c.end()));
    }
    return out;
  }

  private static GoldSet readGold(Path gold, Codebook codebook) {
    try {
      return GoldSet.read(gold, codebook);
    } catch (NoSuchFileException e) {
      throw new QuarryException("gold file " + gold + ": no such file", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    }
  }

  /** Suggests codes for one text, without an index; see {@link Quarry#suggestText}. */
  SuggestionRun suggestText(Codebook codebook, String text, SuggestOptions options) {
    try {
      return IndexCoding.suggestText(text, codebook, glossary(codebook), options, annotators.get());
    } catch (IOException e) {
      throw new QuarryException(
          "cannot build the in-memory index: " + e.getMessage(),
          QuarryException.PARTIAL_FAILURE,
          e);
    }
  }

  /** Measures suggestions against human coding; see {@link Quarry#evaluate}. */
  EvalReport evaluate(Codebook codebook, Path gold, double threshold, double contextWeight) {
    GoldSet set = readGold(gold, codebook);
    List<Passage> all = search.passages(true).stream().map(Hit::passage).toList();
    List<java.util.Optional<Passage>> matches = Evaluator.goldPassages(codebook, set, all);
    java.util.Set<String> goldIds = new java.util.TreeSet<>();
    matches.forEach(m -> m.ifPresent(p -> goldIds.add(p.id())));
    // every code of the gold passages, whatever its score, so the threshold alone decides; the
    // run covers the gold passages only, so its memory follows them, not the index
    int codes = Math.max(1, codebook.codes().size());
    SuggestOptions options =
        SuggestOptions.builder()
            .minScore(0)
            .top(codes)
            .includeDuplicates(true)
            .evidence(false)
            .contextWeight(contextWeight)
            .build()
            .onlyPassages(goldIds);
    SuggestionRun run =
        suggest(codebook, options, java.util.OptionalDouble.empty(), SuggestProgress.NONE);
    Map<String, List<Suggestion>> byPassage = new HashMap<>();
    for (PassageSuggestions ps : run.passages()) {
      byPassage.put(ps.passage().id(), ps.suggestions());
    }
    return Evaluator.evaluateMatched(codebook, set, matches, byPassage, threshold);
  }

  /** Key terms of a code's or a query's passages; see {@link Quarry#terms}. */
  List<KeyTerm> terms(Codebook codebook, String codeId, String query, int limit) {
    folder.requireIndex();
    CodeQueryBuilder builder =
        new CodeQueryBuilder(codebook == null ? folder.glossary() : glossary(codebook));
    Query target;
    // the words already in the lexicon, which the key terms leave out
    List<String> lexicon = new ArrayList<>();
    try {
      if (codeId != null) {
        Code code = codebook == null ? null : codebook.code(codeId).orElse(null);
        if (code == null) {
          throw new QuarryException(
              "no code '"
                  + codeId
                  + "' in the codebook"
                  + (codebook == null
                      ? " (give --codebook)"
                      : "; codes: "
                          + String.join(", ", codebook.codes().stream().map(Code::id).toList())));
        }
        if (code.terms().isEmpty() && (code.query() == null || code.query().isBlank())) {
          throw new QuarryException(
              "code '"
                  + codeId
                  + "' has no terms or query, so it matches no passages to study"
                  + " (give it terms in the codebook, or use --query Q)");
        }
        target = builder.build(code).query();
        lexicon.addAll(code.terms());
      } else {
        target = builder.raw(query);
        for (String w : query.split("[^\\p{L}\\p{N}*]+")) {
          if (!w.isBlank() && !w.equals("AND") && !w.equals("OR") && !w.equals("NOT")) {
            lexicon.add(w);
          }
        }
      }
      return IndexCoding.keyTerms(folder.dir(), target, lexicon, limit);
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    } catch (IOException e) {
      throw folder.unreadable(e);
    }
  }

  // the codebook's glossary if it names one, else the one kept with the index
  private Glossary glossary(Codebook codebook) {
    return codebook.glossary() != null
        ? IndexFolder.readGlossary(Path.of(codebook.glossary()))
        : folder.glossary();
  }
}
