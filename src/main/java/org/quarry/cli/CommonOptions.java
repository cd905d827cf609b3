package org.quarry.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every verb takes. */
final class CommonOptions {
  @Option(
      names = "--index",
      paramLabel = "DIR",
      description =
          "Index folder (default: $QUARRY_INDEX, else the 'index:' of a quarry.yaml in the working"
              + " folder or above, else the sample index, index/ of the Quarry folder).")
  Path index;

  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;

  // found once: a quarry.yaml is read at most once a command
  private java.util.Optional<Path> project;

  /** The index folder to use: --index, else the project's, else the sample index. */
  Path indexDir(QuarryHome home) {
    if (index != null) {
      return index.toAbsolutePath().normalize();
    }
    return project().orElse(home.defaultIndex());
  }

  /**
   * True when neither --index nor a project names an index, so the embedded default (the sample
   * index, seeded on first use) applies.
   */
  boolean isDefaultIndex() {
    return index == null && project().isEmpty();
  }

  private java.util.Optional<Path> project() {
    if (project == null) {
      project = ProjectIndex.find(System.getenv(), Path.of(""));
    }
    return project;
  }
}
