package org.quarry.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every verb takes. */
final class CommonOptions {
  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index folder (default: index/ of the Quarry folder).")
  Path index;

  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;

  /** The index folder to use. */
  Path indexDir(QuarryHome home) {
    return index == null ? home.defaultIndex() : index.toAbsolutePath().normalize();
  }

  /** True when the user did not name an index, so the embedded default applies. */
  boolean isDefaultIndex() {
    return index == null;
  }
}
