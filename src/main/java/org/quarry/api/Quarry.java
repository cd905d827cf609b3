package org.quarry.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.quarry.analysis.TextAnnotator;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;
import org.quarry.model.CrossValidationOptions;
import org.quarry.model.CrossValidationReport;
import org.quarry.model.Decision;
import org.quarry.model.EvalReport;
import org.quarry.model.GroupBy;
import org.quarry.model.Hit;
import org.quarry.model.KeyTerm;
import org.quarry.model.LoadedCodebook;
import org.quarry.model.Passage;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;
import org.quarry.model.Source;
import org.quarry.model.SuggestMethod;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.model.SuggestionRun;

/**
 * Quarry's embedding surface: open an index folder, index files and folders into it, search it, and
 * read passages and sources back. The CLI and the HTTP server are thin layers on this class.
 *
 * <pre>{@code
 * try (Quarry quarry = Quarry.open(Path.of("index"))) {
 *   quarry.index(IndexRequest.of(Path.of("seeds")), IndexProgress.NONE);
 *   SearchResult result = quarry.search(SearchRequest.of("voice AND ICS"));
 * }
 * }</pre>
 *
 * <p>Failures a user can fix are thrown as {@link QuarryException} with a one-line message. One
 * process at a time may index into a folder; any number may search it, and searches see what an
 * index run has committed.
 *
 * <p>This class only delegates: each job lives in its own package-private class ({@code IndexJob},
 * {@code ImportJob}, {@code CodingJobs}, {@code DecisionJob}, {@code ReportJobs}), and they share
 * the folder ({@code IndexFolder}) and one searcher ({@code IndexSearch}).
 */
public final class Quarry implements AutoCloseable {
  private final IndexFolder folder;
  private final IndexSearch search;
  private final IndexJob indexing;
  private final ImportJob imports;
  private final CodingJobs coding;
  private final ReportJobs reports;
  private final DecisionJob decisions;

  private Quarry(IndexFolder folder, Supplier<TextAnnotator> annotators) {
    this.folder = folder;
    this.search = new IndexSearch(folder);
    this.indexing = new IndexJob(folder, search, annotators);
    this.imports = new ImportJob(folder, search, annotators);
    this.coding = new CodingJobs(folder, search, annotators);
    this.reports = new ReportJobs(folder, search);
    this.decisions = new DecisionJob(folder, search);
  }

  /**
   * Opens the index in {@code dir}; the folder is created by the first {@link #index} run.
   *
   * @throws QuarryException when {@code dir} is a file, or a folder of other files that is not a
   *     Quarry index
   */
  public static Quarry open(Path dir) {
    return open(dir, Analysis.TAGGED);
  }

  /**
   * Opens the index in {@code dir}, indexing with {@code analysis} ({@link Analysis#UNTAGGED} is
   * faster and loads no tagger model). Searches are the same either way.
   *
   * @throws QuarryException as {@link #open(Path)}
   */
  public static Quarry open(Path dir, Analysis analysis) {
    return open(dir, analysis.annotators());
  }

  // any annotator, for this package's tests (one that counts its calls, say)
  static Quarry open(Path dir, Supplier<TextAnnotator> annotators) {
    return new Quarry(IndexFolder.at(dir), annotators);
  }

  /** The index folder. */
  public Path indexDir() {
    return folder.dir();
  }

  /** True when the index holds no passage (or does not exist yet). */
  public boolean isEmpty() {
    return search.isEmpty();
  }

  /** How many passages the index holds, near duplicates included; 0 before the first run. */
  public long passageCount() {
    return search.passageCount();
  }

  /**
   * Reads, segments and indexes the files under {@code request.paths()}. Unchanged files are
   * skipped; changed files replaced; files gone from a folder indexed before are removed. Failures
   * of single files are reported in the result (and the other files still indexed); work is
   * committed every few files so an interrupted run keeps what it did.
   *
   * <p>A participants file brings every passage's attributes in line with it (without annotating
   * again) and is not itself indexed when it lies in a folder given. Participant attributes, and a
   * transcript's front-matter attributes, go on the participants' passages, never on an
   * interviewer's.
   *
   * <p>The index is stamped with the analysis it was made with (annotator, CoreNLP version,
   * analyzer chain version): a run whose annotator analyses otherwise is refused unless {@link
   * IndexRequest#reindex()} asks for every source to be annotated again. An index made before
   * stamps is taken as made with the current analysis and stamped by the next run.
   *
   * @throws QuarryException for a path that does not exist, a bad participants file or glossary, a
   *     survey lacking a column the survey options name (before anything is written), an index
   *     another process is writing, an index analysed otherwise (without reindex), or one a newer
   *     Quarry wrote
   */
  public IndexReport index(IndexRequest request, IndexProgress progress) {
    return indexing.run(request, progress);
  }

  /**
   * Searches passages.
   *
   * @throws QuarryException for a query syntax error (with its position) or an unknown facet or
   *     filter dimension
   */
  public SearchResult search(SearchRequest request) {
    return search.search(request);
  }

  // the framework matrix of passages read elsewhere (SolrIndex), with this index's code tree
  Matrix matrix(MatrixRequest request, ReportJobs.PassageReads reads) {
    return new Matrix(reports.matrix(request, reads));
  }

  // an export of passages read elsewhere (SolrIndex), with this index's source texts and code tree
  ExportReport export(
      ExportFormat format,
      Path out,
      Codebook codebook,
      double minScore,
      ReportJobs.PassageReads reads) {
    return reports.export(format, out, codebook, minScore, reads);
  }

  // the query as a search of this index parses and analyses it, for another store (SolrIndex)
  org.apache.lucene.search.Query parse(String query) {
    return search.parse(query);
  }

  /**
   * What may make {@code request} find less than meant, one line each: a field the index does not
   * have, or a field or filter value no passage has, with what was probably meant ({@code role=gp}
   * where {@code GP} exists). Lucene answers such searches with no hits and no word.
   */
  public List<String> doubts(SearchRequest request) {
    return search.doubts(request);
  }

  /** The passage with this id, if the index holds it. */
  public Optional<Hit> passage(String id) {
    return search.passage(id);
  }

  /**
   * The passage with this id with its context (the question before a turn, the narrative before a
   * quote) and the passages just before and after it in its source, if the index holds it.
   */
  public Optional<PassageInContext> passageInContext(String id) {
    Optional<Hit> hit = search.passage(id);
    if (hit.isEmpty()) {
      return Optional.empty();
    }
    return PassageInContext.find(id, search.inSource(hit.get().passage().source()));
  }

  /** Every passage, by source and offset; near duplicates only when asked for. */
  public List<Hit> passages(boolean includeDuplicates) {
    return search.passages(includeDuplicates);
  }

  // what tells whether the indexed sources changed, without reading their texts
  java.util.Map<String, org.quarry.model.SourceOrigin> sourceOrigins() {
    return search.sourceOrigins();
  }

  /**
   * The passages of source {@code sourceId} in reading order, each as a hit whose highlight is its
   * escaped text; empty when the index holds no such source.
   */
  public List<Hit> sourcePassages(String sourceId) {
    return search.inSource(sourceId);
  }

  /**
   * The participant attributes passages carry in this index (role, region, …), by name: each is a
   * dimension {@link #search} can count and filter on. Empty before the first run.
   */
  public List<String> attributeNames() {
    return search.attributeNames();
  }

  /** Every source with the text Quarry keeps for it (what exports carry), by id. */
  public List<Source> sources() {
    return search.sources();
  }

  // ---- Framework matrix and REFI-QDA interchange ----

  /**
   * The codes this index knows: the code tree of the last REFI-QDA import (if any), then every
   * other code id stored with a passage, as a top-level code named by its id.
   */
  public Codebook knownCodes() {
    return reports.knownCodes();
  }

  /**
   * The code tree kept with the index (from REFI-QDA imports and accepted codes), or empty when
   * none is kept.
   *
   * @throws QuarryException when the kept file cannot be read
   */
  public Optional<Codebook> keptCodebook() {
    return Optional.ofNullable(folder.codebook().read());
  }

  /**
   * The framework matrix of the codes stored with passages: rows are cases (participants, sources
   * or an attribute's values), columns the codebook's codes with parents rolling up children.
   * Near-duplicate sources are left out, as in search.
   *
   * @throws QuarryException for an unknown filter dimension or a row attribute no passage has
   */
  public Matrix matrix(MatrixRequest request) {
    return new Matrix(reports.matrix(request));
  }

  /**
   * The human codings: those imported from REFI-QDA projects, with the exact spans a person
   * selected (code points of the imported text), and the accepted decisions ({@link #accept}) that
   * apply, over their passages' spans; by source and offset; for exports and evaluation.
   */
  public List<Coding> humanCodings() {
    return search.humanCodings();
  }

  // the cases kept for imported projects, for an export made with records kept elsewhere
  List<org.quarry.model.Case> keptCases() {
    return search.keptCases();
  }

  /**
   * Exports the index: sources with the text Quarry keeps, the codebook, every code stored with a
   * passage scoring at least {@code minScore} as a coding over the passage (a human coding imported
   * from a QDA tool over its exact words), and participants as cases with their attributes.
   *
   * @param codebook the codes to export; null for {@link #knownCodes()}
   * @throws QuarryException when the file cannot be written
   */
  public ExportReport export(ExportFormat format, Path out, Codebook codebook, double minScore) {
    return reports.export(format, out, codebook, minScore);
  }

  /**
   * Imports a REFI-QDA project ({@code .qdpx}): its text sources, segmented like files; its cases
   * as participants with their variables as attributes; its human codings attached (origin {@code
   * human}, score 1.0) to the passages they overlap and kept with their exact spans; its code tree,
   * kept with the index. Importing the same file again replaces what it imported. Nothing is left
   * out silently: the report names every source and coding not imported.
   *
   * @throws QuarryException when the file is missing or not a REFI-QDA project, or another process
   *     is writing the index
   */
  public ImportReport importProject(Path qdpx) {
    return imports.run(qdpx);
  }

  // ---- coding: codebooks, suggestions, lexicon help, evaluation ----

  /**
   * Reads and validates a codebook file (YAML, or REFI-QDA {@code .qdc} with its termless codes in
   * the warnings).
   *
   * @throws QuarryException (bad input) with one line {@code FILE:LINE: what (fix)}
   */
  public static LoadedCodebook codebook(Path file) {
    return CodingJobs.readCodebook(file);
  }

  /**
   * Suggests codes of {@code codebook} for the passages {@code options} select with the lexicon
   * method, through the index (one query per code); {@link #suggester} picks another method, or the
   * default one. When {@code storeThreshold} is present, suggestions at or above it are stored with
   * the passages (origin {@code suggested}; human codes kept), so that {@code code:ID} searches and
   * the {@code code} facet see them.
   *
   * @throws QuarryException for an unknown kind or filter dimension (nothing written), or an index
   *     another process is writing
   */
  public SuggestionRun suggest(
      Codebook codebook,
      SuggestOptions options,
      java.util.OptionalDouble storeThreshold,
      SuggestProgress progress) {
    return coding.suggest(codebook, options, storeThreshold, progress);
  }

  /**
   * The suggester of {@code method} for {@code codebook}: the lexicon; the model kept with the
   * index (see {@link #learn}), learned alone or combined with the lexicon; or, when {@code method}
   * is null, combined when a model that fits the codebook and index exists, else the lexicon (a
   * stale model is then passed over with a warning).
   *
   * @throws QuarryException when a learned method is asked for and there is no model, or it is
   *     stale
   */
  public SuggesterChoice suggester(Codebook codebook, SuggestMethod method) {
    return coding.suggester(codebook, method);
  }

  /**
   * Suggests codes with {@code suggester}; stores those at or above {@code storeThreshold} as
   * {@link #suggest(Codebook, SuggestOptions, java.util.OptionalDouble, SuggestProgress)} does.
   */
  public SuggestionRun suggest(
      Codebook codebook,
      SuggesterChoice suggester,
      SuggestOptions options,
      java.util.OptionalDouble storeThreshold,
      SuggestProgress progress) {
    return coding.suggest(codebook, suggester.suggester(), options, storeThreshold, progress);
  }

  /**
   * The lexicon suggester of {@code codebook} for a store that scores queries itself (a SolrCloud
   * collection filled from this index, see {@link SolrIndex#suggest}), with this index's analysis
   * (its glossary, or the codebook's).
   *
   * @throws QuarryException naming a term or query that cannot be used
   */
  org.quarry.coding.StoreSuggester storeSuggester(Codebook codebook) {
    return coding.storeSuggester(codebook);
  }

  /**
   * Stores the suggestions of {@code run} (scored elsewhere: a SolrCloud collection filled from
   * this index) at or above {@code threshold} with the passages of this index that it holds, as a
   * run on this index stores its own; nothing when there is no index here.
   *
   * @return the passages whose stored codes changed
   * @throws QuarryException for an unknown kind or filter dimension (nothing written), or an index
   *     another process is writing
   */
  public int storeSuggestions(
      Codebook codebook, SuggestionRun run, SuggestOptions options, double threshold) {
    return coding.storeSuggestions(codebook, run, options, threshold);
  }

  /**
   * Suggests codes with {@code suggester} as {@link #suggest(Codebook, SuggesterChoice,
   * SuggestOptions, java.util.OptionalDouble, SuggestProgress)} does, but hands each passage's
   * suggestions to {@code sink} instead of keeping them, and stores nothing: for runs too large to
   * hold (a million passages in a 1 GB heap). The sink is called one passage at a time, never
   * concurrently; with the lexicon, in index order, the same on any number of threads. Returns the
   * run's counts and timings, with no passages.
   *
   * @throws QuarryException for an unknown kind or filter dimension, or an unreadable index
   */
  public SuggestionRun suggestEach(
      SuggesterChoice suggester,
      SuggestOptions options,
      SuggestProgress progress,
      java.util.function.Consumer<PassageSuggestions> sink) {
    return coding.suggestEach(suggester.suggester(), options, progress, sink);
  }

  /**
   * The {@code n} passages no person has coded whose coding would most improve the learned model
   * (uncertainty sampling: scores closest to the suggester's threshold), each with its current
   * scores, at most {@code options.top()} codes; stores nothing.
   */
  public SuggestionRun uncertain(
      Codebook codebook,
      SuggesterChoice suggester,
      SuggestOptions options,
      int n,
      SuggestProgress progress) {
    SuggestOptions every =
        options.toBuilder()
            .minScore(0)
            .top(Math.max(1, suggester.codes().size()))
            .evidence(false)
            .build();
    SuggestionRun all =
        suggest(codebook, suggester, every, java.util.OptionalDouble.empty(), progress);
    java.util.Map<String, List<Coding>> bySource = new java.util.HashMap<>();
    for (Coding c : humanCodings()) {
      bySource.computeIfAbsent(c.source(), k -> new java.util.ArrayList<>()).add(c);
    }
    java.util.function.Predicate<Passage> coded =
        p ->
            bySource.getOrDefault(p.source(), List.of()).stream()
                .anyMatch(c -> c.start() < p.end() && c.end() > p.start());
    List<PassageSuggestions> picked =
        org.quarry.coding.UncertaintySampler.pick(
            all, suggester.defaultMinScore(), coded, n, options.top());
    return new SuggestionRun(picked, all.considered(), all.codes(), all.scoringNanos(), 0, 0);
  }

  /**
   * Trains the learned suggester on the human codings of {@code gold} (a gold {@code .jsonl} or
   * {@code .qdpx}) or, when it is null, on those kept with the index (imported or accepted), and
   * keeps the model beside the index, stamped with the codebook and the index's analysis.
   */
  public LearnReport learn(Codebook codebook, Path gold, int threads, long seed) {
    return learn(codebook, gold, threads, seed, false);
  }

  /**
   * As {@link #learn(Codebook, Path, int, long)}; with {@code sentenceVectors}, the model also
   * weighs each passage's sentence vector (bge-small-en-v1.5, run in process): better suggestions
   * at the cost of encoding every passage it trains on or suggests for, about 150 short passages a
   * second on two cores.
   */
  public LearnReport learn(
      Codebook codebook, Path gold, int threads, long seed, boolean sentenceVectors) {
    return coding.learn(codebook, gold, threads, seed, sentenceVectors);
  }

  /**
   * Trains the learned suggester again on the codings kept with the index, with or without sentence
   * vectors as the model beside the index has them (without, when there is none): what the web
   * app's "learn" does after a round of review.
   */
  public LearnReport relearn(Codebook codebook, int threads, long seed) {
    return learn(codebook, null, threads, seed, coding.modelHasSentenceVectors());
  }

  /**
   * Cross-validates the suggestion methods against {@code gold}: groups of passages (sources or
   * participants) are dealt to folds, and no group is trained and tested on.
   */
  public CrossValidationReport crossValidate(
      Codebook codebook,
      Path gold,
      CrossValidationOptions options,
      GroupBy groupBy,
      double contextWeight,
      boolean evidence,
      int threads) {
    return coding.crossValidate(codebook, gold, options, groupBy, contextWeight, evidence, threads);
  }

  /**
   * Suggests codes for one text, without an index: the text is annotated and analysed as an indexed
   * passage would be and the same suggester runs on it; offsets are code points of the text.
   */
  public SuggestionRun suggestText(Codebook codebook, String text, SuggestOptions options) {
    return coding.suggestText(codebook, text, options);
  }

  /**
   * Measures the codebook's suggestions against human coding ({@code .jsonl} gold items or a
   * REFI-QDA {@code .qdpx}), next to a plain keyword baseline; see {@link EvalReport} for the
   * definitions.
   *
   * @param threshold score at or above which a suggestion counts as a prediction
   * @throws QuarryException for a gold file that cannot be read (bad input)
   */
  public EvalReport evaluate(Codebook codebook, Path gold, double threshold) {
    return evaluate(codebook, gold, threshold, SuggestOptions.DEFAULT_CONTEXT_WEIGHT);
  }

  /**
   * As {@link #evaluate(Codebook, Path, double)}, with suggestions weighing a passage's context by
   * {@code contextWeight} (see {@link SuggestOptions}).
   */
  public EvalReport evaluate(Codebook codebook, Path gold, double threshold, double contextWeight) {
    return coding.evaluate(codebook, gold, threshold, contextWeight);
  }

  /**
   * Lexicon help: lemmas and phrases over-represented in the passages a code of {@code codebook}
   * (when {@code codeId} is given) or a query in search syntax matches, against the rest of the
   * corpus, by log-likelihood G²; the code's own terms are left out.
   *
   * @throws QuarryException naming an unknown code or a query that does not parse
   */
  public List<KeyTerm> terms(Codebook codebook, String codeId, String query, int limit) {
    return coding.terms(codebook, codeId, query, limit);
  }

  // ---- reviewing suggestions: the researcher's decisions ----

  /**
   * Accepts {@code code} for the passage {@code passageId}: the code becomes a human coding of the
   * passage's span (origin {@code human}, score 1.0), as an imported one is, so search's {@code
   * code} facet, {@link #humanCodings()}, the matrix and exports see it. A code the index's code
   * tree lacks is added to it. The decision is kept with the index: it survives re-opening and
   * re-indexing, and follows the passage's words when its source changes (decisions whose words are
   * gone stay in {@link #decisions()}, not applied). It replaces a rejection of the same code for
   * the passage.
   *
   * @throws QuarryException naming a passage id the index does not hold, a blank code or one with
   *     control characters, a missing index, or an index another process is writing
   */
  public DecisionReport accept(String passageId, String code) {
    return decisions.decide(passageId, code, true);
  }

  /**
   * Rejects {@code code} for the passage {@code passageId}: a suggestion of it is taken off the
   * passage and no later {@link #suggest} stores it there again; it is no coding, so exports leave
   * it out. The rejection is kept with the index as {@link #accept} keeps an acceptance (a negative
   * example to learn from), and replaces an acceptance of the same code for the passage. A human
   * coding imported from a QDA tool stays (the report says so).
   *
   * @throws QuarryException as {@link #accept}
   */
  public DecisionReport reject(String passageId, String code) {
    return decisions.decide(passageId, code, false);
  }

  /**
   * Every decision kept with the index, by source, offset and code: accepted ones are positive
   * examples of their code, rejected ones negative. Those whose passage's words are gone since
   * (their source changed or was removed) are included with {@link Decision#applied()} false. Empty
   * when nothing has been indexed. The list cannot be changed.
   */
  public List<Decision> decisions() {
    return decisions.decisions();
  }

  @Override
  public void close() {
    search.close();
  }
}
