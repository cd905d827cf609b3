package org.quarry.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.quarry.api.QuarryException;
import org.quarry.text.DidYouMean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** The {@code quarry} command: subcommands for each verb of DESIGN.md's CLI contract. */
@Command(
    name = "quarry",
    mixinStandardHelpOptions = true,
    version = "Quarry 0.1.0",
    description = "Search and code qualitative data (transcripts, papers) on Apache Lucene.",
    // the verbs are added by commandLine(): a run builds only the one it runs
    subcommands = {})
public final class QuarryCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  // picocli reflects over every command it is handed, options, mixins and all: building the dozen
  // verbs took about as much CPU as a cold search's own work, so a run builds only its own verb
  private static final Map<String, Supplier<Object>> VERBS = new LinkedHashMap<>();

  static {
    VERBS.put("index", IndexCommand::new);
    VERBS.put("search", SearchCommand::new);
    VERBS.put("suggest", SuggestCommand::new);
    VERBS.put("eval", EvalCommand::new);
    VERBS.put("learn", LearnCommand::new);
    VERBS.put("terms", TermsCommand::new);
    VERBS.put("serve", ServeCommand::new);
    VERBS.put("bench", BenchCommand::new);
    VERBS.put("matrix", MatrixCommand::new);
    VERBS.put("export", ExportCommand::new);
    VERBS.put("import", ImportCommand::new);
    VERBS.put("accept", AcceptCommand::new);
    VERBS.put("reject", RejectCommand::new);
    VERBS.put("solr", SolrCommand::new);
  }

  /**
   * The command line for {@code args}: with only the verb {@code args} start with when it is one,
   * else with every verb and {@code help} (for usage, {@code help VERB} and unknown verbs).
   */
  static CommandLine commandLine(String... args) {
    CommandLine cli = new CommandLine(new QuarryCommand());
    Supplier<Object> only = args.length > 0 ? VERBS.get(args[0]) : null;
    if (only != null) {
      cli.addSubcommand(args[0], only.get());
    } else {
      VERBS.forEach((name, verb) -> cli.addSubcommand(name, verb.get()));
      cli.addSubcommand("help", new CommandLine.HelpCommand());
    }
    return cli;
  }

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
    // the console's own encoding, named: not whatever the JVM's default charset happens to be
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, System.out.charset()), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, System.err.charset()), true);
    System.exit(execute(out, err, args));
  }

  /**
   * Runs the CLI with the given streams and returns the exit code (0 success, 1 some inputs failed,
   * 2 bad usage or input, 3 internal error). Tests call this directly.
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    boolean verbose = Arrays.asList(args).contains("--verbose");
    CommandLine cli = commandLine(args);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          // picocli checks required options before unknown ones; a typo is the real problem
          String message = unknownOption(ex.getCommandLine(), a).orElse(oneLine(ex.getMessage()));
          err.println("quarry: " + message + " (see '" + helpFor(ex) + "')");
          return QuarryException.BAD_INPUT;
        });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, err, verbose));
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands on Errors; a user still gets one line, and what to do
      err.println(
          "quarry: out of memory ("
              + oneLine(e.getMessage())
              + "); split large files or give Java"
              + " more heap with JAVA_TOOL_OPTIONS=-Xmx8g");
      code = QuarryException.INTERNAL_ERROR;
    } catch (LinkageError e) {
      err.println(
          "quarry: internal error: "
              + oneLine(String.valueOf(e))
              + " (was the jar rebuilt while this ran? run the command again)");
      code = QuarryException.INTERNAL_ERROR;
    }
    out.flush();
    err.flush();
    return code;
  }

  /**
   * Prints the one line a failed command owes its user and returns its exit code: the exception's
   * own for a {@link QuarryException}, {@link QuarryException#INTERNAL_ERROR} for anything else (a
   * bug is not bad input).
   */
  static int failed(Exception ex, PrintWriter err, boolean verbose) {
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
    return QuarryException.INTERNAL_ERROR;
  }

  /**
   * The first option in {@code args} that the command does not know, as a message with the option
   * it was probably meant to be; empty when every option is known.
   */
  static java.util.Optional<String> unknownOption(CommandLine command, String[] args) {
    CommandLine.Model.CommandSpec spec = command.getCommandSpec();
    for (String arg : args) {
      if (arg.equals("--")) {
        break; // what follows is positional
      }
      if (!arg.startsWith("-") || arg.equals("-") || arg.matches("-[0-9.].*")) {
        continue;
      }
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (spec.findOption(name) == null
          && !spec.subcommands().containsKey(name)
          && !isClusteredShortOptions(spec, name)) {
        String hint =
            DidYouMean.closest(name, spec.optionsMap().keySet())
                .map(o -> "; did you mean '" + o + "'?")
                .orElse("");
        return java.util.Optional.of("unknown option '" + name + "'" + hint);
      }
    }
    return java.util.Optional.empty();
  }

  // -vh is -v and -h; every letter must be a known short option
  private static boolean isClusteredShortOptions(CommandLine.Model.CommandSpec spec, String name) {
    if (name.startsWith("--") || name.length() < 3) {
      return false;
    }
    for (char c : name.substring(1).toCharArray()) {
      if (spec.findOption("-" + c) == null) {
        return false;
      }
    }
    return true;
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
