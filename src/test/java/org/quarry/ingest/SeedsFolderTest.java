package org.quarry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seeds ship with what the README's examples use (the codebooks and the seed gold), and
 * indexing them reads only the five papers' renderings.
 */
class SeedsFolderTest {
  @Test
  void theSeedGoldShipsWithTheSeeds() throws IOException {
    assertEquals(
        18,
        Files.readAllLines(Path.of("seeds/seed-quotes.jsonl")).stream()
            .filter(l -> !l.isBlank())
            .count());
  }

  @Test
  void indexingTheSeedsReadsOnlyThePapers() throws IOException {
    List<String> ids =
        SourceWalker.walk(List.of(Path.of("seeds"))).stream().map(SourceFile::id).toList();
    assertEquals(
        List.of(
            "000_ac75c9529fd8bcf6.txt",
            "001_ff96146560c50914.txt",
            "002_089efb293f434282.txt",
            "003_fd80cfdad6a1c7c5.txt",
            "004_117dc69e015f0744.txt"),
        ids);
  }
}
