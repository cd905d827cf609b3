package org.quarry.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.quarry.api.Matrix;
import org.quarry.api.MatrixOutput;
import org.quarry.api.MatrixRequest;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.api.SolrIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry matrix}: cases by codes, from the codes stored with passages. */
@Command(
    name = "matrix",
    mixinStandardHelpOptions = true,
    description =
        "Framework matrix: rows are cases (participants, sources or an attribute's values), columns "
            + "the codebook's codes (parents roll up their children), cells the passages coded.")
final class MatrixCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--codebook",
      paramLabel = "FILE",
      description =
          "Codebook whose codes are the columns (YAML or .qdc; default: the codes the index holds).")
  Path codebook;

  @Option(
      names = "--rows",
      defaultValue = "participant",
      paramLabel = "DIM",
      description =
          "participant, source, speaker (every speaker, interviewers included) or an attribute name (default ${DEFAULT-VALUE}).")
  String rows;

  @Option(
      names = "--cells",
      defaultValue = "count",
      paramLabel = "MODE",
      description = "count or quotes (default ${DEFAULT-VALUE}; html always shows both).")
  String cells;

  @Option(
      names = "--format",
      defaultValue = "csv",
      paramLabel = "FORMAT",
      description = "csv, md, html or xlsx (default ${DEFAULT-VALUE}; xlsx needs --out).")
  Format format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write here instead of standard output.")
  Path out;

  @Option(
      names = "--min-score",
      defaultValue = "0",
      paramLabel = "X",
      description = "Leave out codes scoring below X (default ${DEFAULT-VALUE}).")
  double minScore;

  @Option(
      names = "--filter",
      paramLabel = "DIM=VALUE",
      description = "Only passages with this value, as in search (repeatable).")
  List<String> filters = new ArrayList<>();

  @Option(
      names = "--origin",
      defaultValue = "any",
      paramLabel = "ORIGIN",
      description = "Which codes count: suggested, human or any (default ${DEFAULT-VALUE}).")
  String origin;

  enum Format {
    csv,
    md,
    html,
    xlsx
  }

  @Option(
      names = "--solr",
      paramLabel = "URL",
      description =
          "Read the passages and their codes from this SolrCloud collection (http://host:8983/solr/COLLECTION) instead.")
  String solr;

  @Override
  public Integer call() {
    MatrixOutput output = MatrixOutput.of(format.name(), cells);
    if (output.binary() && out == null) {
      throw new QuarryException("--format xlsx writes a workbook: name the file with --out FILE");
    }
    MatrixRequest request =
        new MatrixRequest(
            CodebookOption.read(codebook),
            rows,
            minScore,
            SearchCommand.parseFilters(filters),
            origin);
    QuarryHome home = QuarryHome.fromSystem();
    Matrix m;
    try (Quarry quarry = Quarry.open(common.indexDir(home))) {
      // the collection holds the passages and their codes: a machine that only searches needs no
      // index of its own for the matrix
      if (solr != null) {
        try (SolrIndex collection = SolrIndex.at(solr)) {
          m = collection.matrix(quarry, request);
        }
      } else {
        IndexCommand.ensureIndexed(quarry, common, home, spec.commandLine().getErr());
        m = quarry.matrix(request);
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    if (!m.unplaced().isEmpty()) {
      err.println(
          "quarry: "
              + m.unplaced().size()
              + " stored code(s) left out of the matrix, e.g. "
              + m.unplaced().get(0));
    }
    String title =
        (request.codebook() == null ? "Codes" : request.codebook().name()) + " by " + rows;
    try {
      if (out == null) {
        spec.commandLine().getOut().print(output.render(m, title));
      } else {
        output.write(m, title, out);
      }
    } catch (IOException e) {
      throw new QuarryException("cannot write " + out + ": " + e.getMessage(), e);
    }
    if (out != null) {
      err.println(
          "quarry: wrote "
              + m.rows().size()
              + " rows x "
              + m.columns().size()
              + " codes to "
              + out
              + " from index "
              + common.indexDir(home));
    }
    return 0;
  }
}
