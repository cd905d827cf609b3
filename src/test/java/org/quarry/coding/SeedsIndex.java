package org.quarry.coding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.quarry.api.Analysis;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;

/**
 * The seeds indexed with untagged lemmas, for the suggestion tests: fast, and the same each run.
 */
final class SeedsIndex {
  private SeedsIndex() {}

  /**
   * Copies {@code seeds/} to {@code folder/seeds} (so that indexing writes nothing beside the
   * repository's) and indexes it into {@code folder/index}, which it returns.
   */
  static Path untagged(Path folder) throws IOException {
    Path seeds = Files.createDirectories(folder.resolve("seeds"));
    try (Stream<Path> files = Files.list(Path.of("seeds"))) {
      for (Path f : files.toList()) {
        Files.copy(f, seeds.resolve(f.getFileName()));
      }
    }
    Path index = folder.resolve("index");
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      q.index(IndexRequest.of(seeds), IndexProgress.NONE);
    }
    return index;
  }
}
