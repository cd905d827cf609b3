package org.quarry.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import org.quarry.api.QuarryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** The {@code quarry} command: subcommands for each verb of DESIGN.md's CLI contract. */
@Command(
    name = "quarry",
    mixinStandardHelpOptions = true,
    version = "Quarry 0.1.0",
    description = "Search and code qualitative data (transcripts, papers) on Apache Lucene.",
    subcommands = {
      IndexCommand.class,
      SearchCommand.class,
      SuggestCommand.class,
      EvalCommand.class,
      LearnCommand.class,
      TermsCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      MatrixCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      AcceptCommand.class,
      RejectCommand.class,
      CommandLine.HelpCommand.class
    })
public final class QuarryCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a verb, e.g. 'quarry search voice'");
  }

  // Lucene logs hints about JVM flags through java.util.logging; the CLI speaks for itself. The
  // logger is held here because java.util.logging keeps only weak references.
  private static final java.util.logging.Logger LUCENE_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene");

  /** Runs the CLI and exits with its exit code. */
  public static void main(String[] args) {
    LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(execute(out, err, args));
  }

  /**
   * Runs the CLI with the given streams and returns the exit code (0 success, 1 some inputs
   * failed, 2 bad usage or input). Tests call this directly.
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    CommandLine cli = new CommandLine(new QuarryCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("quarry: " + oneLine(ex.getMessage()) + " (see '" + helpFor(ex) + "')");
          return QuarryException.BAD_INPUT;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof QuarryException qe) {
            err.println("quarry: " + oneLine(qe.getMessage()));
            if (verbose) {
              ex.printStackTrace(err);
            }
            return qe.exitCode();
          }
          err.println(
              "quarry: internal error: "
                  + oneLine(String.valueOf(ex))
                  + (verbose ? "" : " (run again with --verbose for the stack trace)"));
          if (verbose) {
            ex.printStackTrace(err);
          }
          return QuarryException.PARTIAL_FAILURE;
        });
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands on Errors; a user still gets one line, and what to do
      err.println("quarry: out of memory (" + oneLine(e.getMessage()) + "); split large files or give Java"
          + " more heap with JAVA_TOOL_OPTIONS=-Xmx8g");
      code = QuarryException.PARTIAL_FAILURE;
    } catch (LinkageError e) {
      err.println("quarry: internal error: " + oneLine(String.valueOf(e))
          + " (was the jar rebuilt while this ran? run the command again)");
      code = QuarryException.PARTIAL_FAILURE;
    }
    out.flush();
    err.flush();
    return code;
  }

  private static String helpFor(ParameterException ex) {
    String name = ex.getCommandLine().getCommandName();
    return "quarry".equals(name) ? "quarry --help" : "quarry " + name + " --help";
  }

  /** Messages are one line: the first line of whatever we were handed. */
  static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
