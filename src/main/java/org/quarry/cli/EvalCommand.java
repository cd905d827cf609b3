package org.quarry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.coding.CodebookReader;
import org.quarry.coding.EvalReport;
import org.quarry.coding.GoldItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry eval}: precision, recall, F1 and top-1 accuracy against human coding. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Measure a codebook's suggestions against human coding (gold .jsonl or a REFI-QDA .qdpx),",
      "per code and micro/macro, next to a plain keyword baseline; lists gold items no passage holds."
    })
final class EvalCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(names = "--codebook", required = true, paramLabel = "FILE", description = "Codebook (.yaml or .qdc).")
  Path codebook;

  @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold items (.jsonl, see DESIGN.md) or a .qdpx project.")
  Path gold;

  @Option(names = "--min-score", defaultValue = "0.3", paramLabel = "X", description = "Score at or above which a suggestion is a prediction (default ${DEFAULT-VALUE}).")
  double minScore;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
  SearchCommand.OutputFormat format;

  @Option(names = "--context-weight", defaultValue = "0.5", paramLabel = "W",
      description = "Weight of a passage's context in its suggestions, as for suggest (default ${DEFAULT-VALUE}; 0: passage only).")
  double contextWeight;

  @Override
  public Integer call() throws Exception {
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new QuarryException("--min-score must be between 0 and 1, got " + minScore);
    }
    if (!(contextWeight >= 0 && contextWeight <= 1)) {
      throw new QuarryException("--context-weight must be between 0 and 1, got " + contextWeight);
    }
    CodebookReader.Result book = Quarry.codebook(codebook);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    book.warnings().forEach(w -> err.println("quarry: warning: " + w));
    QuarryHome home = QuarryHome.fromSystem();
    EvalReport report;
    try (Quarry quarry = Quarry.open(common.indexDir(home))) {
      if (quarry.isEmpty()) {
        if (!common.isDefaultIndex()) {
          throw new QuarryException("index " + common.indexDir(home) + " is empty: run 'quarry index' first");
        }
        err.println("quarry: the index is empty; indexing " + home.seeds() + " first");
        IndexCommand.indexDefaultSeeds(quarry, home, err);
      }
      report = quarry.evaluate(book.codebook(), gold, minScore, contextWeight);
    }
    if (format == SearchCommand.OutputFormat.json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    } else {
      print(out, report);
    }
    out.flush();
    return 0;
  }

  static void print(PrintWriter out, EvalReport r) {
    out.printf(Locale.ROOT, "gold items: %d (%d outside the codebook), %d matched to %d passages; prediction: score >= %.2f%n",
        r.items(), r.outsideCodebook(), r.matched(), r.passages(), r.threshold());
    out.printf(Locale.ROOT, "%-32s %5s | %-24s | %-24s%n", "", "", "Quarry", "keyword baseline");
    out.printf(Locale.ROOT, "%-32s %5s | %6s %6s %6s %3s | %6s %6s %6s %3s%n",
        "code", "gold", "P", "R", "F1", "tp", "P", "R", "F1", "tp");
    for (EvalReport.CodeResult c : r.codes()) {
      row(out, c.code(), String.valueOf(c.gold()), c.quarry(), c.baseline());
    }
    row(out, "micro", "", r.quarryMicro(), r.baselineMicro());
    row(out, "macro", "", r.quarryMacro(), r.baselineMacro());
    out.printf(Locale.ROOT, "top-1 accuracy: Quarry %.3f (%d/%d), keyword baseline %.3f (%d/%d)%n",
        r.quarryTop1(), r.top1Correct(), r.matched(), r.baselineTop1(), r.baselineTop1Correct(), r.matched());
    if (r.unmatched().isEmpty()) {
      out.println("every gold item in the codebook was matched to a passage");
    } else {
      out.println("gold items matched to no passage:");
      for (GoldItem g : r.unmatched()) {
        String q = g.quote() == null ? "[" + g.start() + ", " + g.end() + ")" : g.quote();
        out.printf(Locale.ROOT, "  line %d %s %s: %s%n", g.line(), g.doc(), g.code(),
            q.length() > 70 ? q.substring(0, 69) + "…" : q);
      }
    }
  }

  private static void row(PrintWriter out, String label, String gold, EvalReport.Scores q, EvalReport.Scores b) {
    out.printf(Locale.ROOT, "%-32s %5s | %6.3f %6.3f %6.3f %3d | %6.3f %6.3f %6.3f %3d%n",
        label, gold, q.precision(), q.recall(), q.f1(), q.tp(), b.precision(), b.recall(), b.f1(), b.tp());
  }
}
