package org.quarry.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quarry.api.LearnReport;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.model.LoadedCodebook;
import org.quarry.model.SuggestOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code quarry learn}: trains the learned suggester from human coding and keeps it with the index.
 */
@Command(
    name = "learn",
    mixinStandardHelpOptions = true,
    description =
        "Train the learned suggester on human coding: a gold file (--gold .jsonl or .qdpx), or else the human "
            + "codings kept with the index (imported from REFI-QDA, or accepted with 'quarry accept'). "
            + "One calibrated logistic regression per code with enough coded passages; the model is kept beside the "
            + "index, stamped with the codebook and the index's analysis, and 'suggest' uses it (--method).")
final class LearnCommand implements Callable<Integer> {
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
      paramLabel = "FILE",
      description =
          "Human codings to learn from (.jsonl or .qdpx); default: those kept with the index.")
  Path gold;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads to train on (default: the number of processors).")
  Integer threads;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "N",
      description = "Seed of the calibration folds (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--sentence-vectors",
      description =
          "Also weigh each passage's sentence vector (bge-small-en-v1.5, run in process): better"
              + " suggestions, but every passage trained on or suggested for is encoded, about 150"
              + " short passages a second on two cores. The model remembers it.")
  boolean sentenceVectors;

  @Override
  public Integer call() {
    int n = threads == null ? SuggestOptions.defaultThreads() : threads;
    if (n < 1) {
      throw new QuarryException("--threads must be 1 or more, got " + n);
    }
    LoadedCodebook book = Quarry.codebook(codebook);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    book.warnings().forEach(w -> err.println("quarry: warning: " + w));
    QuarryHome home = QuarryHome.fromSystem();
    LearnReport r;
    try (Quarry quarry = Quarry.open(common.indexDir(home))) {
      IndexCommand.ensureIndexed(quarry, common, home, err);
      r = quarry.learn(book.codebook(), gold, n, seed, sentenceVectors);
    }
    out.printf(
        Locale.ROOT,
        "learned %d codes from %d passages (%d coded) in %d ms; threshold %.2f; %s; index %s%n",
        r.learned().size(),
        r.passages(),
        r.coded(),
        r.millis(),
        r.threshold(),
        r.learner(),
        common.indexDir(home));
    if (!r.tooFew().isEmpty()) {
      out.printf(
          Locale.ROOT,
          "%d codes have too few coded passages and keep their lexicon: %s%n",
          r.tooFew().size(),
          String.join(", ", r.tooFew()));
    }
    out.println("model: " + r.model());
    out.flush();
    return 0;
  }
}
