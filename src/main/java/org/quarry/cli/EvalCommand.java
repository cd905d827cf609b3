package org.quarry.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.quarry.api.CrossValidationOutput;
import org.quarry.api.EvalOutput;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.api.SuggestionOutput;
import org.quarry.model.CrossValidationOptions;
import org.quarry.model.CrossValidationReport;
import org.quarry.model.EvalReport;
import org.quarry.model.GroupBy;
import org.quarry.model.LoadedCodebook;
import org.quarry.model.SuggestOptions;
import org.quarry.output.OutputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry eval}: precision, recall, F1 and top-1 accuracy against human coding. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Measure a codebook's suggestions against human coding (gold .jsonl or a REFI-QDA .qdpx), "
            + "per code and micro/macro, next to a plain keyword baseline; lists gold items no passage holds.")
final class EvalCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--codebook",
      required = true,
      paramLabel = "FILE",
      description = "Codebook (.yaml or .qdc).")
  Path codebook;

  @Option(
      names = "--gold",
      required = true,
      paramLabel = "FILE",
      description = "Gold items (.jsonl, see DESIGN.md) or a .qdpx project.")
  Path gold;

  // null: 0.3; with --cross-validate, the lexicon's threshold is chosen on each fold's training
  // passages
  @Option(
      names = "--min-score",
      paramLabel = "X",
      description =
          "Lexicon score at or above which a suggestion is a prediction (default 0.3; with --cross-validate, "
              + "the score with the best micro-F1 on each fold's training passages).")
  Double minScoreOption;

  private double minScore;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default ${DEFAULT-VALUE}).")
  SearchCommand.OutputFormat format;

  @Option(
      names = "--context-weight",
      defaultValue = "0.5",
      paramLabel = "W",
      description =
          "Weight of a passage's context in its suggestions, as for suggest (default ${DEFAULT-VALUE}; 0: passage only).")
  double contextWeight;

  @Option(
      names = "--cross-validate",
      paramLabel = "K",
      description =
          "Cross-validate: deal the groups of coded passages to K folds, train on K-1, test on the rest.")
  Integer folds;

  @Option(
      names = "--group-by",
      defaultValue = "source",
      paramLabel = "G",
      description = "What folds keep together: source or participant (default ${DEFAULT-VALUE}).")
  String groupBy;

  @Option(
      names = "--method",
      split = ",",
      paramLabel = "M",
      description =
          "Methods to measure with --cross-validate, a comma list of baseline, lexicon, learned, combined (default: all).")
  List<String> methods;

  @Option(
      names = "--predictions",
      paramLabel = "FILE",
      description =
          "With --cross-validate: write the first method's out-of-fold suggestions (suggest --format jsonl's shape).")
  Path predictions;

  @Option(
      names = "--top",
      defaultValue = "3",
      paramLabel = "K",
      description =
          "With --cross-validate: most codes predicted per passage, as suggest's --top (default ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "N",
      description = "Seed of the folds (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--no-learning-curve",
      description =
          "With --cross-validate: skip the learning curve (it trains 4 more models per fold).")
  boolean noCurve;

  @Option(
      names = "--sentence-vectors",
      description =
          "With --cross-validate: the learned methods also weigh each passage's sentence vector,"
              + " as 'learn --sentence-vectors' trains them.")
  boolean sentenceVectors;

  @Option(
      names = "--learner",
      paramLabel = "L",
      description =
          "With --cross-validate: the learning library of the learned methods, liblinear or tribuo (default liblinear).")
  String learner;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads to train on (default: the number of processors).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    if (minScoreOption != null && !(minScoreOption >= 0 && minScoreOption <= 1)) {
      throw new QuarryException("--min-score must be between 0 and 1, got " + minScoreOption);
    }
    if (!(contextWeight >= 0 && contextWeight <= 1)) {
      throw new QuarryException("--context-weight must be between 0 and 1, got " + contextWeight);
    }
    minScore = minScoreOption != null ? minScoreOption : SuggestOptions.DEFAULT_MIN_SCORE;
    if (folds != null) {
      return crossValidate();
    }
    if (methods != null || predictions != null || learner != null || sentenceVectors) {
      throw new QuarryException(
          "--method, --predictions, --learner and --sentence-vectors go with --cross-validate K");
    }
    LoadedCodebook book = Quarry.codebook(codebook);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    book.warnings().forEach(w -> err.println("quarry: warning: " + w));
    QuarryHome home = QuarryHome.fromSystem();
    EvalReport report;
    try (Quarry quarry = Quarry.open(common.indexDir(home))) {
      IndexCommand.ensureIndexed(quarry, common, home, err);
      report = quarry.evaluate(book.codebook(), gold, minScore, contextWeight);
    }
    if (format == SearchCommand.OutputFormat.json) {
      out.println(EvalOutput.json(report));
    } else {
      EvalOutput.print(out, report);
    }
    out.flush();
    return 0;
  }

  private int crossValidate() throws Exception {
    int n = threads == null ? SuggestOptions.defaultThreads() : threads;
    if (n < 1) {
      throw new QuarryException("--threads must be 1 or more, got " + n);
    }
    Path outFolder =
        predictions == null ? null : predictions.toAbsolutePath().normalize().getParent();
    if (outFolder != null && !Files.isDirectory(outFolder)) {
      throw new QuarryException(
          "cannot write " + predictions + ": no folder " + outFolder + "; create it first");
    }
    CrossValidationOptions options;
    GroupBy by;
    try {
      String fitter = learner == null ? CrossValidationOptions.LEARNERS.get(0) : learner.strip();
      by = GroupBy.parse(groupBy);
      List<String> m =
          methods == null
              ? CrossValidationOptions.METHODS
              : methods.stream().map(String::strip).toList();
      if (top < 1) {
        throw new QuarryException("--top must be 1 or more, got " + top);
      }
      // without --min-score, each fold chooses the lexicon's threshold on its training passages
      java.util.OptionalDouble threshold =
          minScoreOption == null
              ? java.util.OptionalDouble.empty()
              : java.util.OptionalDouble.of(minScoreOption);
      options =
          new CrossValidationOptions(
              folds, m, threshold, top, seed, fitter, !noCurve, sentenceVectors);
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    }
    LoadedCodebook book = Quarry.codebook(codebook);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    book.warnings().forEach(w -> err.println("quarry: warning: " + w));
    QuarryHome home = QuarryHome.fromSystem();
    CrossValidationReport report;
    try (Quarry quarry = Quarry.open(common.indexDir(home))) {
      IndexCommand.ensureIndexed(quarry, common, home, err);
      report =
          quarry.crossValidate(
              book.codebook(), gold, options, by, contextWeight, predictions != null, n);
    }
    if (predictions != null) {
      try {
        OutputFile.write(
            predictions,
            o -> {
              PrintWriter w =
                  new PrintWriter(
                      new java.io.OutputStreamWriter(o, java.nio.charset.StandardCharsets.UTF_8));
              report.predictions().forEach(p -> w.println(SuggestionOutput.jsonLine(p)));
              w.flush();
            });
      } catch (java.io.IOException e) {
        throw new QuarryException("cannot write " + predictions + ": " + e.getMessage(), e);
      }
    }
    if (format == SearchCommand.OutputFormat.json) {
      out.println(CrossValidationOutput.json(report));
    } else {
      CrossValidationOutput.print(out, report);
    }
    out.flush();
    return 0;
  }
}
