package org.quarry.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.api.TermsOutput;
import org.quarry.model.Codebook;
import org.quarry.model.KeyTerm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry terms}: lexicon help by keyness (log-likelihood G²). */
@Command(
    name = "terms",
    mixinStandardHelpOptions = true,
    description =
        "Words and phrases over-represented in the passages a code (or query) matches, against the "
            + "rest of the corpus, ranked by log-likelihood G², with counts and an example passage each; "
            + "terms already in the lexicon are left out.")
final class TermsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--code",
      paramLabel = "ID",
      description = "The code whose passages to study (needs --codebook).")
  String code;

  @Option(names = "--codebook", paramLabel = "FILE", description = "The codebook holding --code.")
  Path codebook;

  @Option(
      names = "--query",
      paramLabel = "Q",
      description = "Study the passages this query matches instead.")
  String query;

  @Option(
      names = "--limit",
      defaultValue = "25",
      description = "Terms to show (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text or json (default ${DEFAULT-VALUE}).")
  SearchCommand.OutputFormat format;

  @Override
  public Integer call() throws Exception {
    if ((code == null) == (query == null)) {
      throw new QuarryException(
          "give --code ID (with --codebook FILE) or --query Q, not both or neither");
    }
    if (code != null && codebook == null) {
      throw new QuarryException("--code needs --codebook FILE");
    }
    if (limit < 1) {
      throw new QuarryException("--limit must be 1 or more");
    }
    Codebook book = CodebookOption.read(codebook);
    QuarryHome home = QuarryHome.fromSystem();
    List<KeyTerm> terms;
    try (Quarry quarry = Quarry.open(common.indexDir(home))) {
      IndexCommand.ensureIndexed(quarry, common, home, spec.commandLine().getErr());
      terms = quarry.terms(book, code, query, limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == SearchCommand.OutputFormat.json) {
      out.println(TermsOutput.json(terms));
    } else {
      TermsOutput.print(out, terms);
    }
    out.flush();
    return 0;
  }
}
