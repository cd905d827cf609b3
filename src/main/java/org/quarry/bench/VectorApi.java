package org.quarry.bench;

import java.util.List;

/**
 * Whether this JVM can run Lucene's vectorised code (postings decoding, vector similarity), which
 * needs the JDK's incubating Vector API module; {@code bin/quarry} adds it for the long-running
 * verbs ({@code serve}, {@code bench}). A child JVM that measures what the parent measures gets the
 * same module.
 */
final class VectorApi {
  static final String MODULE = "jdk.incubator.vector";

  private VectorApi() {}

  static boolean enabled() {
    return ModuleLayer.boot().findModule(MODULE).isPresent();
  }

  /** The flags that give a child JVM this JVM's access to the module. */
  static List<String> childFlags() {
    return enabled() ? List.of("--add-modules", MODULE) : List.of();
  }

  /** One phrase for a report's notes. */
  static String describe() {
    return enabled()
        ? "Lucene's vectorised code on (" + MODULE + ")"
        : "Lucene's vectorised code off (no " + MODULE + ")";
  }
}
