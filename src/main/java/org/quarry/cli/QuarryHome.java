package org.quarry.cli;

import java.nio.file.Path;

/**
 * Where the embedded defaults live: {@code index/} and {@code seeds/} of the Quarry folder. {@code
 * bin/quarry} passes the folder as the {@code quarry.home} system property so the defaults hold
 * from any working directory; without it the working directory is used.
 */
record QuarryHome(Path root) {

  static QuarryHome fromSystem() {
    String home = System.getProperty("quarry.home");
    return new QuarryHome(Path.of(home == null ? "" : home).toAbsolutePath().normalize());
  }

  Path defaultIndex() {
    return root.resolve("index");
  }

  Path seeds() {
    return root.resolve("seeds");
  }

  /** Quarry's Solr configset, which {@code quarry solr create-collection} uploads. */
  Path solrConfigset() {
    return root.resolve("solr").resolve("configset").resolve("conf");
  }
}
