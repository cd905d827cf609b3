package org.quarry.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quarry.api.ExportFormat;
import org.quarry.api.ExportReport;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.api.SolrIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry export}: the index as a REFI-QDA project or codebook, or codings as CSV/JSONL. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Export sources, codes, codings and cases: qdpx (REFI-QDA project for NVivo, ATLAS.ti, "
            + "MAXQDA, QualCoder), qdc (REFI-QDA codebook), or the codings flat as csv or jsonl.")
final class ExportCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "qdpx, qdc, csv or jsonl.")
  String format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
  Path out;

  @Option(
      names = "--min-score",
      defaultValue = "0",
      paramLabel = "X",
      description = "Leave out codes scoring below X (default ${DEFAULT-VALUE}).")
  double minScore;

  @Option(
      names = "--codebook",
      paramLabel = "FILE",
      description = "Codes to export (YAML or .qdc; default: the codes the index holds).")
  Path codebook;

  @Option(
      names = "--solr",
      paramLabel = "URL",
      description =
          "Export the passages and stored codes of this SolrCloud collection (http://host:8983/solr/COLLECTION), with the source texts, exact human spans and cases of its records collection (COLLECTION-records; the index's own for a collection made without one); the code tree comes from the index.")
  String solr;

  @Override
  public Integer call() {
    ExportFormat f = ExportFormat.parse(format);
    QuarryHome home = QuarryHome.fromSystem();
    ExportReport report;
    try (Quarry quarry = Quarry.open(common.indexDir(home))) {
      // the collection's records carry what an export needs but the code tree, so a machine that
      // only searches exports it from an index folder holding no index
      if (solr != null) {
        try (SolrIndex collection = SolrIndex.at(solr)) {
          report = collection.export(quarry, f, out, CodebookOption.read(codebook), minScore);
        }
      } else {
        IndexCommand.ensureIndexed(quarry, common, home, spec.commandLine().getErr());
        report = quarry.export(f, out, CodebookOption.read(codebook), minScore);
      }
    }
    var err = spec.commandLine().getErr();
    for (String p : report.problems()) {
      err.println("quarry: left out: " + p);
    }
    err.println(
        "quarry: wrote "
            + report.file()
            + ": "
            + report.sources()
            + " sources, "
            + report.codes()
            + " codes, "
            + report.codings()
            + " codings, "
            + report.cases()
            + " cases"
            + (report.problems().isEmpty()
                ? ""
                : "; " + report.problems().size() + " coding(s) left out")
            + (solr != null ? " from " + solr + " and index " : " from index ")
            + common.indexDir(home));
    return report.problems().isEmpty() ? 0 : QuarryException.PARTIAL_FAILURE;
  }
}
