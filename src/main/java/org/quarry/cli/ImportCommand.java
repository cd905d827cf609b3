package org.quarry.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quarry.api.ImportReport;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code quarry import FILE.qdpx}: a REFI-QDA project into the index. Prints what it imported and a
 * table of everything it could not; exits 1 when that table is not empty (the rest is imported all
 * the same), so a script notices codings that did not come across.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import a REFI-QDA project (.qdpx from NVivo, ATLAS.ti, MAXQDA, QualCoder): text sources, "
            + "the code tree, human codings (searchable as origin:human) and cases with their variables. "
            + "Importing the same file again replaces what it imported. Exit 1 when something was left out.")
final class ImportCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .qdpx project.")
  Path project;

  @Override
  public Integer call() {
    QuarryHome home = QuarryHome.fromSystem();
    ImportReport r;
    try (Quarry quarry = Quarry.open(common.indexDir(home))) {
      r = quarry.importProject(project);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "imported "
            + r.project()
            + ": "
            + r.sources()
            + " sources, "
            + r.codes()
            + " codes, "
            + r.codings()
            + " codings on "
            + r.passagesCoded()
            + " passages, "
            + (r.suggestions() > 0 ? r.suggestions() + " Quarry suggestions, " : "")
            + r.cases()
            + " cases"
            + (r.removed() > 0
                ? "; " + r.removed() + " source(s) of an earlier import removed"
                : ""));
    out.println("  into index " + common.indexDir(home));
    for (String p : r.positions()) {
      out.println("  positions in " + p);
    }
    for (String n : r.notes()) {
      out.println("  " + n);
    }
    if (!r.problems().isEmpty()) {
      out.println();
      out.println("not imported (" + r.problems().size() + "):");
      for (String p : r.problems()) {
        out.println("  " + p);
      }
      spec.commandLine()
          .getErr()
          .println(
              "quarry: "
                  + r.problems().size()
                  + " item(s) of "
                  + project
                  + " not imported; see the table above");
      return QuarryException.PARTIAL_FAILURE;
    }
    return 0;
  }
}
