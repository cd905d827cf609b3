package org.quarry.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/quarry} as its own process, as a user would, in a working folder. */
final class QuarryProcess {
  /** The Quarry folder under test (bin/quarry, seeds/, solr/configset). */
  static final Path HOME = Path.of(System.getProperty("quarry.home")).toAbsolutePath();

  private QuarryProcess() {}

  /** What a run printed, and its exit code. */
  record Run(int exit, String out, String err) {}

  /** Runs {@code bin/quarry args} in {@code work} and waits for it. */
  static Run run(Path work, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(HOME.resolve("bin/quarry").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "quarry " + String.join(" ", args) + " timed out");
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** As {@link #run}, asserting that it exits 0. */
  static Run ok(Path work, String... args) throws Exception {
    Run r = run(work, args);
    assertEquals(0, r.exit(), "quarry " + String.join(" ", args) + ": " + r.err());
    return r;
  }

  /** Deletes {@code dir} and everything in it. */
  static void delete(Path dir) throws Exception {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
