package org.quarry.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.quarry.analysis.Glossary;
import org.quarry.analysis.LemmaAnnotator;
import org.quarry.analysis.TextAnnotator;
import org.quarry.index.DuplicateFinder;
import org.quarry.index.Fields;
import org.quarry.index.IndexLockedException;
import org.quarry.index.IndexUpdate;
import org.quarry.index.Indexer;
import org.quarry.index.ParticipantAttributes;
import org.quarry.index.SourceListener;
import org.quarry.index.SourcePassages;
import org.quarry.ingest.ParticipantTable;
import org.quarry.ingest.SegmentedSource;
import org.quarry.ingest.SkippedSourceException;
import org.quarry.ingest.SourceFile;
import org.quarry.ingest.SourceWalker;
import org.quarry.ingest.SurveyOptions;
import org.quarry.ingest.SurveyReader;
import org.quarry.model.Case;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;
import org.quarry.model.Hit;
import org.quarry.model.Passage;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;
import org.quarry.model.Source;
import org.quarry.search.QuerySyntaxException;
import org.quarry.report.Cases;
import org.quarry.report.CodingsCsv;
import org.quarry.report.CodingsJsonl;
import org.quarry.report.OutputFile;
import org.quarry.report.FrameworkMatrix;
import org.quarry.report.ImportedProject;
import org.quarry.report.QdcWriter;
import org.quarry.report.QdpxReader;
import org.quarry.report.QdpxWriter;
import org.quarry.report.RowsBy;
import org.quarry.search.QuoteSearcher;
import org.quarry.segment.DuplicateDetector;

/**
 * Quarry's embedding surface: open an index folder, index files and folders into it, search it,
 * and read passages and sources back. The CLI and the HTTP server are thin layers on this class.
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
 */
public final class Quarry implements AutoCloseable {
  /** The glossary kept with an index and applied to its searches. */
  static final String GLOSSARY_FILE = "quarry-glossary.txt";

  /** The participant attributes kept with an index and applied to new files. */
  static final String PARTICIPANTS_FILE = "quarry-participants.csv";

  // files Quarry itself keeps in an index folder besides Lucene's
  private static final Set<String> OWN_FILES =
      Set.of(GLOSSARY_FILE, PARTICIPANTS_FILE, Quarry.CODEBOOK_FILE, ".gitkeep", "write.lock");

  private final Path dir;
  private final java.util.function.Supplier<TextAnnotator> annotators;
  private QuoteSearcher searcher;

  private Quarry(Path dir, java.util.function.Supplier<TextAnnotator> annotators) {
    this.dir = dir;
    this.annotators = annotators;
  }

  /**
   * Opens the index in {@code dir}; the folder is created by the first {@link #index} run.
   *
   * @throws QuarryException when {@code dir} is a file, or a folder of other files that is not a
   *     Quarry index
   */
  public static Quarry open(Path dir) {
    return open(dir, LemmaAnnotator::new);
  }

  /**
   * Opens the index in {@code dir}, indexing with annotators from {@code annotators} instead of
   * CoreNLP's tagger (for example {@link LemmaAnnotator#untagged()}, which is faster and loads no
   * model). Searches are the same either way.
   *
   * @throws QuarryException as {@link #open(Path)}
   */
  public static Quarry open(Path dir, java.util.function.Supplier<TextAnnotator> annotators) {
    Path abs = dir.toAbsolutePath().normalize();
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      throw new QuarryException("index " + abs + " is a file, not a folder; name a folder with --index");
    }
    if (Files.isDirectory(abs) && !hasSegments(abs) && hasForeignFiles(abs)) {
      throw new QuarryException(
          "index " + abs + " is not a Quarry index (it holds other files and no Lucene segments);"
              + " name an empty or new folder with --index");
    }
    return new Quarry(abs, annotators);
  }

  /** The index folder. */
  public Path indexDir() {
    return dir;
  }

  /** True when the index holds no passage (or does not exist yet). */
  public boolean isEmpty() {
    if (!hasSegments(dir)) {
      return true;
    }
    try {
      return searcher().passageCount() == 0;
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /**
   * Reads, segments and indexes the files under {@code request.paths()}. Unchanged files are
   * skipped; changed files replaced; files gone from a folder indexed before are removed.
   * Failures of single files are reported in the result (and the other files still indexed);
   * work is committed every few files so an interrupted run keeps what it did.
   *
   * <p>A participants file brings every passage's attributes in line with it (without annotating
   * again) and is not itself indexed when it lies in a folder given. Participant attributes, and
   * a transcript's front-matter attributes, go on the participants' passages, never on an
   * interviewer's.
   *
   * @throws QuarryException for a path that does not exist, a bad participants file or glossary,
   *     a survey lacking a column the survey options name (before anything is written), or an
   *     index another process is writing
   */
  public IndexReport index(IndexRequest request, IndexProgress progress) {
    long t0 = System.nanoTime();
    List<SourceFile> walked;
    try {
      walked = SourceWalker.walk(request.paths());
    } catch (NoSuchFileException e) {
      throw new QuarryException(e.getFile() + ": no such file or folder", e);
    } catch (IOException e) {
      throw new QuarryException("cannot list files: " + e.getMessage(), e);
    }
    Glossary glossary = request.glossary() == null ? null : loadGlossary(request.glossary());
    ParticipantTable participants =
        request.participants() == null ? null : loadParticipants(request.participants());
    // the participants file may sit in a folder being indexed; it describes sources, it is not one
    List<SourceFile> files =
        walked.stream().filter(f -> !sameFile(f.file(), request.participants())).toList();
    checkSurveyColumns(files, request.survey(), request.maxFileMb());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new QuarryException("cannot create index folder " + dir + ": " + e.getMessage(), e);
    }
    // the columns of the table the index had, whose values a new table replaces or drops
    List<String> previousAttributes = participants != null ? keptParticipants().attributes() : List.of();
    if (glossary != null) {
      keep(request.glossary(), GLOSSARY_FILE);
      closeSearcher();
    }
    ParticipantTable table = participants != null ? participants : keptParticipants();

    SourceLoader loader = new SourceLoader(request.survey(), request.maxFileMb());
    Map<String, FileReport> reports = new TreeMap<>();
    List<String> order = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> roots = new LinkedHashSet<>();
    for (SourceFile f : files) {
      if (Files.isDirectory(f.root())) {
        roots.add(f.root().toString());
      }
    }
    long[] done = {0};
    IndexUpdate update;
    IndexUpdate removal;
    TextAnnotator annotator = annotators.get();
    try (Indexer indexer = Indexer.open(dir, annotator, duplicateFinder())) {
      SourceListener listener =
          (id, outcome, passages, failure) -> {
            reports.put(id, fileReport(id, outcome, passages, failure));
            if (outcome != SourceListener.Outcome.REMOVED) {
              progress.update(++done[0], files.size(), id);
            }
          };
      Stream<SourcePassages> sources =
          files.stream()
              .map(
                  f -> {
                    order.add(f.id());
                    if (!seen.add(f.id())) {
                      reports.put(f.id(), new FileReport(f.id(), FileReport.Status.FAILED,
                          "another file has the same id " + f.id() + " (" + f.file() + ")", 0));
                      progress.update(++done[0], files.size(), f.id());
                      return null;
                    }
                    try {
                      SegmentedSource s = loader.load(f);
                      List<Passage> passages = ParticipantAttributes.withAttributes(s.source(), s.passages(), table);
                      return new SourcePassages(s.source(), passages, f.root().toString());
                    } catch (SkippedSourceException e) {
                      reports.put(f.id(), new FileReport(f.id(), FileReport.Status.SKIPPED, e.reason(), 0));
                    } catch (IOException | RuntimeException e) {
                      reports.put(f.id(), new FileReport(f.id(), FileReport.Status.FAILED, describe(e), 0));
                    }
                    progress.update(++done[0], files.size(), f.id());
                    return null;
                  })
              .filter(java.util.Objects::nonNull);
      update = indexer.update(sources, listener);
      // a skipped or failed file keeps what an earlier run indexed of it
      removal = indexer.removeMissing(seen, roots, listener);
      List<String> notes = new ArrayList<>();
      if (participants != null) {
        // committed by the update, so the kept sources are there to read
        notes.addAll(ParticipantAttributes.apply(indexer, participants, previousAttributes, () -> {
          List<Source> kept = searcher().sources();
          closeSearcher();
          return kept;
        }));
        // kept only once the passages carry it: a run that stops earlier still knows the old
        // table's columns next time, so it can clear them
        keep(request.participants(), PARTICIPANTS_FILE);
      }
      if (update.duplicates() > 0) {
        notes.add(update.duplicates() + " near-duplicate source(s) counted once (--include-duplicates counts them)");
      }
      closeSearcher();
      List<FileReport> rows = new ArrayList<>();
      for (String id : order) {
        if (reports.containsKey(id)) {
          rows.add(reports.remove(id));
        }
      }
      rows.addAll(reports.values()); // removed sources, by id
      return new IndexReport(
          rows,
          searcher().passageCount(),
          Duration.ofNanos(System.nanoTime() - t0),
          Duration.ofNanos(update.taggerNanos()),
          notes);
    } catch (IndexLockedException e) {
      throw new QuarryException(e.getMessage() + " (another 'quarry index' is running; wait for it)", e);
    } catch (AccessDeniedException e) {
      throw new QuarryException("cannot write to index " + dir + ": permission denied (" + e.getFile() + ")", e);
    } catch (FileSystemException e) {
      throw new QuarryException("cannot write to index " + dir + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new QuarryException("index " + dir + ": " + e.getMessage(), QuarryException.PARTIAL_FAILURE, e);
    }
  }

  /**
   * Searches passages.
   *
   * @throws QuarryException for a query syntax error (with its position) or an unknown facet or
   *     filter dimension
   */
  public SearchResult search(SearchRequest request) {
    try {
      return searcher().search(request);
    } catch (QuerySyntaxException e) {
      throw QuarryException.badParameter("q", e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      String m = String.valueOf(e.getMessage());
      throw QuarryException.badParameter(m.contains("facet dimension") ? "facet" : "filter", m, e);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** The passage with this id, if the index holds it. */
  public Optional<Hit> passage(String id) {
    try {
      return searcher().get(id);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** Every passage, by source and offset; near duplicates only when asked for. */
  public List<Hit> passages(boolean includeDuplicates) {
    try {
      return searcher().all(includeDuplicates);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** Every source with the text Quarry keeps for it (what exports carry), by id. */
  public List<Source> sources() {
    try {
      return searcher().sources();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  // ---- Framework matrix and REFI-QDA interchange (issue 5) ----

  /** The code tree of the last REFI-QDA import, kept with the index for exports and the matrix. */
  static final String CODEBOOK_FILE = "quarry-codebook.json";

  /**
   * The codes this index knows: the code tree of the last REFI-QDA import (if any), then every
   * other code id stored with a passage, as a top-level code named by its id.
   */
  public Codebook knownCodes() {
    return knownCodes(passages(true));
  }

  // the known codes, given every passage (near duplicates included)
  private Codebook knownCodes(List<Hit> all) {
    return RefiExport.known(keptCodebook(), dir.getFileName().toString(), all);
  }

  /**
   * The framework matrix of the codes stored with passages: rows are cases (participants, sources
   * or an attribute's values), columns the codebook's codes with parents rolling up children.
   * Near-duplicate sources are left out, as in search.
   *
   * @throws QuarryException for an unknown filter dimension or a row attribute no passage has
   */
  public FrameworkMatrix matrix(MatrixRequest request) {
    List<Hit> all = passages(false);
    List<Hit> hits = all;
    if (!request.filters().isEmpty() && !all.isEmpty()) {
      hits = search(new SearchRequest("", List.of(), request.filters(), all.size(), 0, false)).hits();
    }
    String rows = request.rows();
    if (!rows.equals("participant") && !rows.equals("source")) {
      Set<String> attributes = new TreeSet<>();
      all.forEach(h -> attributes.addAll(h.passage().attributes().keySet()));
      if (!attributes.contains(rows)) {
        throw QuarryException.badParameter("rows", "--rows '" + rows + "': no passage has that attribute;"
            + " use participant, source" + (attributes.isEmpty() ? "" : " or one of " + String.join(", ", attributes)), null);
      }
    }
    Codebook codebook = request.codebook() != null ? request.codebook() : knownCodes();
    return FrameworkMatrix.build(
        hits.stream().map(Hit::passage).toList(),
        RefiExport.forMatrix(hits, request),
        codebook,
        new RowsBy(rows),
        request.minScore());
  }

  /**
   * The human codings imported from REFI-QDA projects, with the exact spans a person selected
   * (code points of the imported text), by source and offset; for exports and evaluation.
   */
  public List<Coding> humanCodings() {
    try {
      return searcher().keptCodings();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  // the cases of imported projects, with their GUIDs, and those no source refers to
  private List<Case> keptCases() {
    try {
      return searcher().keptCases();
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /**
   * Exports the index: sources with the text Quarry keeps, the codebook, every code stored with
   * a passage scoring at least {@code minScore} as a coding over the passage (a human coding
   * imported from a QDA tool over its exact words), and participants as cases with their
   * attributes.
   *
   * @param codebook the codes to export; null for {@link #knownCodes()}
   * @throws QuarryException when the file cannot be written
   */
  public ExportReport export(ExportFormat format, Path out, Codebook codebook, double minScore) {
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new QuarryException("--min-score must be between 0 and 1, got " + minScore);
    }
    Path file = out.toAbsolutePath().normalize();
    if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
      throw new QuarryException("cannot write " + file + ": no folder " + file.getParent() + "; create it first");
    }
    // a .qdc holds only the codes: passages are read for it only to know the codes, source texts
    // and kept codings not at all; cases go only into a .qdpx
    boolean qdc = format == ExportFormat.QDC;
    List<Hit> hits = qdc && codebook != null ? List.of() : passages(true);
    // the passages just read give the known codes, rather than reading them all again
    Codebook codes = codebook != null ? codebook : knownCodes(hits);
    List<Passage> passages = hits.stream().map(Hit::passage).toList();
    List<Coding> codings = qdc ? List.of() : RefiExport.forExport(hits, humanCodings(), minScore);
    List<Source> sources = qdc ? List.of() : sources();
    List<Case> cases = format == ExportFormat.QDPX ? Cases.withKept(Cases.fromPassages(passages), keptCases()) : List.of();
    List<String> problems = new ArrayList<>();
    try {
      switch (format) {
        case QDPX -> problems.addAll(new QdpxWriter(codes.name()).write(file, sources, codes, codings, cases));
        case QDC -> QdcWriter.write(codes, file);
        case CSV -> OutputFile.writeString(file, CodingsCsv.render(passages, codings, codes));
        case JSONL -> OutputFile.writeString(file, CodingsJsonl.render(passages, codings, codes));
      }
    } catch (IOException e) {
      throw new QuarryException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return new ExportReport(file, format == ExportFormat.QDC ? 0 : sources.size(), codes.codes().size(),
        format == ExportFormat.QDC ? 0 : codings.size() - problems.size(),
        format == ExportFormat.QDPX ? cases.size() : 0, problems);
  }

  /**
   * Imports a REFI-QDA project ({@code .qdpx}): its text sources, segmented like files; its cases
   * as participants with their variables as attributes; its human codings attached (origin
   * {@code human}, score 1.0) to the passages they overlap and kept with their exact spans; its
   * code tree, kept with the index. Importing the same file again replaces what it imported.
   * Nothing is left out silently: the report names every source and coding not imported.
   *
   * @throws QuarryException when the file is missing or not a REFI-QDA project, or another
   *     process is writing the index
   */
  public ImportReport importProject(Path qdpx) {
    Path file = qdpx.toAbsolutePath().normalize();
    ImportedProject project;
    try {
      project = QdpxReader.read(file);
    } catch (NoSuchFileException e) {
      throw new QuarryException(file + ": no such file", e);
    } catch (IOException | RuntimeException e) {
      throw new QuarryException(file + ": " + describe(e) + " (is it a REFI-QDA .qdpx export?)", e);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new QuarryException("cannot create index folder " + dir + ": " + e.getMessage(), e);
    }
    // a source of that name indexed from elsewhere (a file, another project) is not replaced
    Map<String, String> taken = new TreeMap<>();
    if (!isEmpty()) {
      for (Source s : sources()) {
        if (s.path() == null || !s.path().startsWith(file + "!")) {
          taken.put(s.id(), s.path());
        }
      }
    }
    closeSearcher();
    SourceLoader loader = new SourceLoader(SurveyOptions.defaults(), IndexRequest.DEFAULT_MAX_FILE_MB);
    try (Indexer indexer = Indexer.open(dir, annotators.get(), duplicateFinder())) {
      ImportReport report = new RefiImport(indexer, loader::segment).run(project, file.toString(), taken);
      keepCodebook(project.codebook());
      return report;
    } catch (IndexLockedException e) {
      throw new QuarryException(e.getMessage() + " (another 'quarry index' is running; wait for it)", e);
    } catch (IOException e) {
      throw new QuarryException("index " + dir + ": " + e.getMessage(), QuarryException.PARTIAL_FAILURE, e);
    } finally {
      closeSearcher();
    }
  }

  private Codebook keptCodebook() {
    Path f = dir.resolve(CODEBOOK_FILE);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      return CODEBOOK_JSON.readValue(f.toFile(), Codebook.class);
    } catch (IOException e) {
      throw new QuarryException(f + ": unreadable (" + describe(e) + "); import the project again", e);
    }
  }

  // the project's codes replace those of the same id; codes of earlier imports stay, so their
  // ids on passages keep their names
  private void keepCodebook(Codebook codebook) {
    Codebook earlier = keptCodebook();
    List<Code> codes = new ArrayList<>(codebook.codes());
    if (earlier != null) {
      Set<String> ids = new HashSet<>();
      codes.forEach(c -> ids.add(c.id()));
      earlier.codes().stream().filter(c -> !ids.contains(c.id())).forEach(codes::add);
    }
    Path tmp = dir.resolve(CODEBOOK_FILE + ".tmp");
    try {
      CODEBOOK_JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(),
          new Codebook(codebook.name(), null, codes));
      Files.move(tmp, dir.resolve(CODEBOOK_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new QuarryException("cannot keep the code tree with the index " + dir + ": " + e.getMessage(), e);
    }
  }

  private static final ObjectMapper CODEBOOK_JSON = new ObjectMapper();

  // ---- end of framework matrix and REFI-QDA ----

  // ---- coding: codebooks, suggestions, lexicon help, evaluation ----------------------------

  /**
   * Reads and validates a codebook file (YAML, or REFI-QDA {@code .qdc} with its termless codes
   * in the warnings).
   *
   * @throws QuarryException (bad input) with one line {@code FILE:LINE: what (fix)}
   */
  public static org.quarry.coding.CodebookReader.Result codebook(Path file) {
    try {
      return org.quarry.coding.CodebookReader.load(file);
    } catch (org.quarry.coding.CodebookException e) {
      throw new QuarryException(e.getMessage(), e);
    }
  }

  /**
   * Suggests codes of {@code codebook} for the passages {@code options} select, through the
   * index (one query per code). When {@code storeThreshold} is a number, suggestions at or above
   * it are stored with the passages (origin {@code suggested}; human codes kept), so that
   * {@code code:ID} searches and the {@code code} facet see them.
   *
   * @throws QuarryException for an unknown kind or filter dimension (nothing written), or an
   *     index another process is writing
   */
  public org.quarry.coding.SuggestionRun suggest(
      org.quarry.model.Codebook codebook, org.quarry.coding.SuggestOptions options, double storeThreshold,
      org.quarry.coding.CodeSuggester.Progress progress) {
    if (!hasSegments(dir)) {
      throw new QuarryException("no Quarry index in " + dir + "; run 'quarry index' first");
    }
    try {
      org.quarry.coding.SuggestionRun run =
          org.quarry.coding.IndexCoding.suggest(
              dir, codebook, codingGlossary(codebook), options, progress, storeThreshold);
      closeSearcher(); // the next search sees the stored codes
      return run;
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    } catch (IndexLockedException e) {
      throw new QuarryException(e.getMessage() + " (another 'quarry index' is running; wait for it)", e);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /**
   * Suggests codes for one text, without an index: the text is annotated and analysed as an
   * indexed passage would be and the same suggester runs on it; offsets are code points of the
   * text.
   */
  public org.quarry.coding.SuggestionRun suggestText(
      org.quarry.model.Codebook codebook, String text, org.quarry.coding.SuggestOptions options) {
    try {
      return org.quarry.coding.IndexCoding.suggestText(
          text, codebook, codingGlossary(codebook), options, annotators.get());
    } catch (IOException e) {
      throw new QuarryException("cannot build the in-memory index: " + e.getMessage(), QuarryException.PARTIAL_FAILURE, e);
    }
  }

  // the codebook's glossary if it names one, else the one kept with the index
  private Glossary codingGlossary(org.quarry.model.Codebook codebook) {
    return codebook.glossary() != null ? loadGlossary(Path.of(codebook.glossary())) : keptGlossaryOrEmpty();
  }

  /**
   * Measures the codebook's suggestions against human coding ({@code .jsonl} gold items or a
   * REFI-QDA {@code .qdpx}), next to a plain keyword baseline; see {@link
   * org.quarry.coding.EvalReport} for the definitions.
   *
   * @param threshold score at or above which a suggestion counts as a prediction
   * @throws QuarryException for a gold file that cannot be read (bad input)
   */
  public org.quarry.coding.EvalReport evaluate(
      org.quarry.model.Codebook codebook, Path gold, double threshold) {
    return evaluate(codebook, gold, threshold, org.quarry.coding.SuggestOptions.DEFAULT_CONTEXT_WEIGHT);
  }

  /**
   * As {@link #evaluate(org.quarry.model.Codebook, Path, double)}, with suggestions weighing a
   * passage's context by {@code contextWeight} (see {@link org.quarry.coding.SuggestOptions}).
   */
  public org.quarry.coding.EvalReport evaluate(
      org.quarry.model.Codebook codebook, Path gold, double threshold, double contextWeight) {
    org.quarry.coding.GoldSet set;
    try {
      set = org.quarry.coding.GoldSet.read(gold, codebook);
    } catch (NoSuchFileException e) {
      throw new QuarryException("gold file " + gold + ": no such file", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    }
    int codes = Math.max(1, codebook.codes().size());
    org.quarry.coding.SuggestionRun run =
        suggest(codebook, new org.quarry.coding.SuggestOptions(0, codes, null, Map.of(), true, false, contextWeight),
            Double.NaN, org.quarry.coding.CodeSuggester.Progress.NONE);
    Map<String, List<org.quarry.model.Suggestion>> byPassage = new HashMap<>();
    for (org.quarry.coding.PassageSuggestions ps : run.passages()) {
      byPassage.put(ps.passage().id(), ps.suggestions());
    }
    List<Passage> all = passages(true).stream().map(Hit::passage).toList();
    return org.quarry.coding.Evaluator.evaluate(codebook, set, all, byPassage, threshold);
  }

  /**
   * Lexicon help: lemmas and phrases over-represented in the passages a code of {@code codebook}
   * (when {@code codeId} is given) or a query in search syntax matches, against the rest of the
   * corpus, by log-likelihood G²; the code's own terms are left out.
   *
   * @throws QuarryException naming an unknown code or a query that does not parse
   */
  public List<org.quarry.coding.KeyTerm> terms(
      org.quarry.model.Codebook codebook, String codeId, String query, int limit) {
    if (!hasSegments(dir)) {
      throw new QuarryException("no Quarry index in " + dir + "; run 'quarry index' first");
    }
    org.quarry.coding.CodeQueryBuilder builder =
        new org.quarry.coding.CodeQueryBuilder(
            codebook == null ? keptGlossaryOrEmpty() : codingGlossary(codebook));
    org.apache.lucene.search.Query target;
    List<String> lexicon = new ArrayList<>();
    try {
      if (codeId != null) {
        org.quarry.model.Code code = codebook == null ? null : codebook.code(codeId).orElse(null);
        if (code == null) {
          throw new QuarryException("no code '" + codeId + "' in the codebook"
              + (codebook == null ? " (give --codebook)" : "; codes: "
                  + String.join(", ", codebook.codes().stream().map(org.quarry.model.Code::id).toList())));
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
      return org.quarry.coding.IndexCoding.keyTerms(dir, target, lexicon, limit);
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private Glossary keptGlossaryOrEmpty() {
    Path g = dir.resolve(GLOSSARY_FILE);
    return Files.isRegularFile(g) ? loadGlossary(g) : Glossary.empty();
  }

  // ---- end of coding ---------------------------------------------------------------------------


  @Override
  public void close() {
    closeSearcher();
  }

  private QuoteSearcher searcher() throws IOException {
    if (searcher == null) {
      if (!hasSegments(dir)) {
        throw new FileNotFoundException("no Quarry index in " + dir + "; run 'quarry index' first");
      }
      searcher = QuoteSearcher.open(dir, keptGlossaryOrEmpty());
    }
    return searcher;
  }

  private void closeSearcher() {
    if (searcher != null) {
      try {
        searcher.close();
      } catch (IOException e) {
        throw new QuarryException("cannot close index " + dir + ": " + e.getMessage(), QuarryException.PARTIAL_FAILURE, e);
      } finally {
        searcher = null;
      }
    }
  }

  private static Glossary loadGlossary(Path file) {
    try {
      return Glossary.load(file);
    } catch (NoSuchFileException e) {
      throw new QuarryException("glossary " + file + ": no such file", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    }
  }

  private static ParticipantTable loadParticipants(Path csv) {
    try {
      ParticipantTable table = ParticipantTable.read(csv);
      for (String name : table.attributes()) {
        if (Fields.RESERVED.contains(name)) {
          throw new QuarryException(csv + ":1: column '" + name + "' is a name Quarry uses itself; rename it");
        }
      }
      return table;
    } catch (NoSuchFileException e) {
      throw new QuarryException("participants file " + csv + ": no such file", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    }
  }

  private ParticipantTable keptParticipants() {
    Path kept = dir.resolve(PARTICIPANTS_FILE);
    return Files.isRegularFile(kept) ? loadParticipants(kept) : ParticipantTable.empty();
  }

  private void keep(Path file, String name) {
    try {
      Path target = dir.resolve(name);
      Path tmp = dir.resolve(name + ".tmp");
      Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new QuarryException("cannot keep " + file + " with the index " + dir + ": " + e.getMessage(), e);
    }
  }

  // a column named with --text-column or --id-column that a survey lacks is bad usage: stop before
  // anything is written, rather than fail that file and index the rest without it
  private static void checkSurveyColumns(List<SourceFile> files, SurveyOptions survey, int maxFileMb) {
    if (survey.textColumns().isEmpty() && survey.idColumn() == null) {
      return;
    }
    SurveyReader reader = new SurveyReader(survey);
    for (SourceFile f : files) {
      if (!SurveyReader.handles(f.file())) {
        continue;
      }
      try {
        if (Files.size(f.file()) <= maxFileMb * 1024L * 1024L) {
          reader.checkColumns(f.file());
        }
      } catch (IllegalArgumentException e) {
        throw new QuarryException(e.getMessage(), e);
      } catch (IOException e) {
        // unreadable, empty or too large: the run reports it with the file
      }
    }
  }

  private static boolean sameFile(Path file, Path other) {
    if (other == null) {
      return false;
    }
    try {
      return Files.isSameFile(file, other);
    } catch (IOException e) {
      return file.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize());
    }
  }

  private static FileReport fileReport(String id, SourceListener.Outcome outcome, int passages, String failure) {
    return switch (outcome) {
      case ADDED, REPLACED -> new FileReport(id, FileReport.Status.INDEXED, null, passages);
      case UNCHANGED -> new FileReport(id, FileReport.Status.UNCHANGED, null, 0);
      case FAILED -> new FileReport(id, FileReport.Status.FAILED, failure, 0);
      case REMOVED -> new FileReport(id, FileReport.Status.REMOVED, null, 0);
    };
  }

  private static String describe(Exception e) {
    String m = e.getMessage();
    if (e instanceof java.nio.charset.CharacterCodingException) {
      return "cannot decode the text (" + e.getClass().getSimpleName() + ")";
    }
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
  }

  private QuarryException unreadable(IOException e) {
    if (e instanceof FileNotFoundException || e instanceof NoSuchFileException) {
      return new QuarryException(e.getMessage(), e);
    }
    return new QuarryException("cannot read index " + dir + ": " + e.getMessage(), e);
  }

  // MinHash near-duplicate detection lives in the segment stage, which must not know the index
  private static DuplicateFinder duplicateFinder() {
    DuplicateDetector detector = new DuplicateDetector();
    return new DuplicateFinder() {
      @Override
      public int[] signature(String text) {
        return detector.signature(text);
      }

      @Override
      public boolean nearDuplicate(int[] a, int[] b) {
        // a signature stored by another version of the detector cannot be compared
        return a.length == b.length
            && a.length == DuplicateDetector.HASHES + 1
            && detector.nearDuplicate(a, b);
      }
    };
  }

  private static boolean hasSegments(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean hasForeignFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      // Lucene's own files start with '_' or 'segments' (or 'pending_segments'): a run killed
      // before its first commit leaves such files and no segments_N, and is still an index
      return files
          .map(f -> f.getFileName().toString())
          .anyMatch(
              n ->
                  !OWN_FILES.contains(n)
                      && !n.startsWith("_")
                      && !n.startsWith("segments")
                      && !n.startsWith("pending_segments")
                      && !n.endsWith(".tmp"));
    } catch (IOException e) {
      return false;
    }
  }
}
