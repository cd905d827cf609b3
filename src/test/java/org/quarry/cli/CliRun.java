package org.quarry.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One CLI invocation's exit code and output, for tests. */
record CliRun(int exitCode, String out, String err) {

  /** Runs {@code quarry args...} in this JVM. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = QuarryCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
