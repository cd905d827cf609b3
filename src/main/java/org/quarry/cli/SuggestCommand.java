package org.quarry.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.api.SolrIndex;
import org.quarry.api.SuggesterChoice;
import org.quarry.api.SuggestionOutput;
import org.quarry.model.LoadedCodebook;
import org.quarry.model.SuggestMethod;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestionRun;
import org.quarry.output.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry suggest}: candidate codes for every passage, with scores and evidence. */
@Command(
    name = "suggest",
    mixinStandardHelpOptions = true,
    description =
        "Suggest codes of a codebook for passages, through the index (one query per code): "
            + "each with a score in [0,1] and the matched words with offsets in the source file. "
            + "Text and CSV show each passage's words on one line, cut near 100 characters. "
            + "Suggestions at or above --store-min are stored, so 'code:ID' searches and the code facet see them.")
final class SuggestCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--codebook",
      required = true,
      paramLabel = "FILE",
      description = "Codebook (.yaml, or REFI-QDA .qdc).")
  Path codebook;

  // every candidate is shown by default (ranked, with its score); storing has its own floor
  @Option(
      names = "--min-score",
      defaultValue = "0",
      paramLabel = "X",
      description = "Smallest score shown, 0 to 1 (default ${DEFAULT-VALUE}: every candidate).")
  double minScore;

  @Option(
      names = "--top",
      defaultValue = "3",
      paramLabel = "K",
      description = "Most codes per passage (default ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--kind",
      paramLabel = "K",
      description =
          "Only passages of this kind (quote, narrative, turn, interviewer, response), or all. "
              + "Default: every kind but interviewer turns (questions still count as the context of answers).")
  String kind;

  @Option(
      names = "--filter",
      paramLabel = "DIM=VALUE",
      description = "Only passages with this facet value (repeatable).")
  List<String> filters = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, jsonl or csv (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the suggestions to FILE instead of stdout.")
  Path out;

  @Option(
      names = "--text",
      paramLabel = "TEXT",
      description = "Suggest for this one text, without an index.")
  String text;

  @Option(
      names = "--context-weight",
      defaultValue = "0.5",
      paramLabel = "W",
      description =
          "How much a lexicon word in a passage's context (the narrative introducing a quote, the question "
              + "before a turn) counts against one in the passage itself, 0 to 1 (default ${DEFAULT-VALUE}; 0: passage only).")
  double contextWeight;

  // null: as many as there are processors
  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Threads to suggest on (default: the number of processors). The suggestions do not depend on it.")
  Integer threads;

  // null: the method's own threshold (the lexicon's 0.3, or the one a model chose on held-out
  // folds)
  @Option(
      names = "--store-min",
      paramLabel = "X",
      description =
          "Store suggestions at or above X with the passages (default: the method's threshold, 0.3 for the lexicon).")
  Double storeMin;

  @Option(
      names = "--method",
      paramLabel = "M",
      description =
          "lexicon, learned or combined (default: combined when a model trained by 'quarry learn' fits "
              + "the codebook and index, else lexicon).")
  String method;

  @Option(
      names = "--uncertain",
      paramLabel = "N",
      description =
          "List the N uncoded passages whose coding would most improve the model (scores closest to its threshold); stores nothing.")
  Integer uncertain;

  @Option(names = "--no-store", description = "Do not store suggestions in the index.")
  boolean noStore;

  @Option(
      names = "--solr",
      paramLabel = "URL",
      description =
          "Score the suggestions in this SolrCloud collection (http://host:8983/solr/COLLECTION, filled by quarry index --solr): one query per code over all its passages, by the lexicon, queries analysed as this index analyses them. They are stored in the collection with atomic updates, and in this index for the passages it holds.")
  String solr;

  // the lexicon's suggestions scored by the collection, stored there and in this index unless
  // --no-store; the threshold a model fitted to this index chose for the lexicon, if there is one
  private SuggestionRun suggestInSolr(
      Quarry quarry, org.quarry.model.Codebook book, SuggestOptions options, PrintWriter err) {
    usedMethod = SuggestMethod.LEXICON.label();
    storeAt =
        storeMin != null
            ? storeMin
            : !quarry.isEmpty()
                ? quarry.suggester(book, SuggestMethod.LEXICON).defaultMinScore()
                : SuggestOptions.DEFAULT_MIN_SCORE;
    ProgressBar bar = new ProgressBar(err, "suggest");
    try (SolrIndex collection = SolrIndex.at(solr)) {
      SolrIndex.Suggested s;
      try {
        s =
            collection.suggest(
                quarry,
                book,
                options,
                noStore ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(storeAt),
                bar::update);
      } finally {
        bar.finish();
      }
      if (!noStore) {
        err.println(
            "quarry: solr " + collection + ": stored codes set on " + s.updated() + " passages");
      }
      return s.run();
    }
  }

  enum Format {
    text,
    jsonl,
    csv
  }

  @Override
  public Integer call() {
    if (storeMin != null && !(storeMin >= 0 && storeMin <= 1)) {
      throw new QuarryException("--store-min must be between 0 and 1, got " + storeMin);
    }
    SuggestMethod chosen;
    try {
      chosen = method == null ? null : SuggestMethod.parse(method);
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    }
    if (text != null && text.codePoints().noneMatch(Character::isLetterOrDigit)) {
      // as the HTTP API's suggest route: a blank text is a slip, not a text without suggestions
      throw new QuarryException("--text holds no words to code");
    }
    if (text != null && chosen != null && chosen != SuggestMethod.LEXICON) {
      throw new QuarryException(
          "--text is suggested for by the lexicon; --method "
              + chosen.label()
              + " works on the passages of the index");
    }
    if (uncertain != null && (uncertain < 1 || text != null)) {
      throw new QuarryException(
          text != null
              ? "--uncertain works on the index, not with --text"
              : "--uncertain must be 1 or more, got " + uncertain);
    }
    if (solr != null && (uncertain != null || text != null)) {
      throw new QuarryException(
          "--solr scores the collection's passages; it does not go with "
              + (uncertain != null ? "--uncertain" : "--text"));
    }
    if (solr != null && chosen != null && chosen != SuggestMethod.LEXICON) {
      throw new QuarryException(
          "--solr scores suggestions by the lexicon; --method "
              + chosen.label()
              + " works on the passages of a local index");
    }
    if (solr != null) {
      SolrIndex.at(solr).close(); // a bad URL is bad usage, found before anything is stored
    }
    // a bad --out is bad usage, found before suggestions are stored in the index
    Path outFolder = out == null ? null : out.toAbsolutePath().normalize().getParent();
    if (outFolder != null && !Files.isDirectory(outFolder)) {
      throw new QuarryException(
          "cannot write " + out + ": no folder " + outFolder + "; create it first");
    }
    SuggestOptions options;
    try {
      options =
          SuggestOptions.builder()
              .minScore(minScore)
              .top(top)
              .kind(kind)
              .filters(SearchCommand.parseFilters(filters))
              .contextWeight(contextWeight)
              .threads(threads == null ? SuggestOptions.defaultThreads() : threads)
              .build();
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    }
    PrintWriter err = spec.commandLine().getErr();
    // the codebook is read and validated before anything touches the index
    LoadedCodebook book = Quarry.codebook(codebook);
    book.warnings().forEach(w -> err.println("quarry: warning: " + w));
    QuarryHome home = QuarryHome.fromSystem();
    SuggestionRun run;
    long t0 = System.nanoTime();
    try (Quarry quarry = Quarry.open(common.indexDir(home))) {
      if (text != null) {
        run = quarry.suggestText(book.codebook(), text, options);
      } else if (solr != null) {
        run = suggestInSolr(quarry, book.codebook(), options, err);
      } else {
        IndexCommand.ensureIndexed(quarry, common, home, err);
        SuggesterChoice choice = quarry.suggester(book.codebook(), chosen);
        choice.warnings().forEach(w -> err.println("quarry: warning: " + w));
        SuggesterChoice suggester = choice;
        usedMethod = suggester.method().label();
        storeAt = storeMin != null ? storeMin : suggester.defaultMinScore();
        ProgressBar bar = new ProgressBar(err, "suggest");
        try {
          if (uncertain != null) {
            run = quarry.uncertain(book.codebook(), suggester, options, uncertain, bar::update);
            noStore = true;
          } else {
            run =
                quarry.suggest(
                    book.codebook(),
                    suggester,
                    options,
                    noStore
                        ? java.util.OptionalDouble.empty()
                        : java.util.OptionalDouble.of(storeAt),
                    bar::update);
          }
        } finally {
          bar.finish();
        }
      }
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (out != null) {
      try {
        OutputFile.write(
            out,
            o -> {
              PrintWriter w =
                  new PrintWriter(new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8));
              write(w, run); // flushes
            });
      } catch (IOException e) {
        throw new QuarryException("cannot write " + out + ": " + e.getMessage(), e);
      }
    } else {
      write(spec.commandLine().getOut(), run);
    }
    int n = run.passages().stream().mapToInt(p -> p.suggestions().size()).sum();
    err.println(
        String.format(
                Locale.ROOT,
                "quarry: "
                    + (usedMethod == null ? "" : usedMethod + ": ")
                    + "%d codes over %d passages: %d suggestions on %d passages in %d ms (queries %d ms, evidence %d ms)%s",
                run.codes(),
                run.considered(),
                n,
                run.passages().size(),
                ms,
                run.scoringNanos() / 1_000_000,
                run.evidenceNanos() / 1_000_000,
                text != null || noStore
                    ? ""
                    : "; stored codes changed on "
                        + run.stored()
                        + " passages (score >= "
                        + storeAt
                        + ")")
            + (text != null ? "" : "; index " + common.indexDir(home)));
    return 0;
  }

  // the method and store threshold a run used, for its summary line
  private String usedMethod;
  private double storeAt = SuggestOptions.DEFAULT_MIN_SCORE;

  // whether a passage overlaps a human coding of its source
  private void write(PrintWriter w, SuggestionRun run) {
    SuggestionOutput.valueOf(format.name().toUpperCase(Locale.ROOT)).write(w, run.passages());
  }
}
