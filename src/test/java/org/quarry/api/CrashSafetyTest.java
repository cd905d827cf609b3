package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.Hit;

/**
 * Killing a real {@code quarry index} process (SIGKILL) at several points leaves an index that
 * opens and answers as of its last commit, and re-running completes the job with no duplicate or
 * missing passage.
 */
class CrashSafetyTest {
  /** Kill points tried, spread over the run by a seeded random. */
  static final int KILL_POINTS = 6;

  @TempDir static Path tmp;

  static Path corpus;
  static Set<String> expected;

  @BeforeAll
  static void corpusAndItsCleanIndex() throws IOException {
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    Random random = new Random(42);
    String[] words = {
      "practice", "network", "commissioner", "workload", "funding", "voice", "system", "patients",
      "staff", "policy", "care", "local", "services", "support", "integration", "contract"
    };
    for (int f = 0; f < 160; f++) {
      StringBuilder text = new StringBuilder();
      for (int p = 0; p < 4; p++) {
        for (int w = 0; w < 40; w++) {
          text.append(w == 0 ? "The " : " ").append(words[random.nextInt(words.length)]);
        }
        text.append(".\n\n");
      }
      Files.writeString(
          corpus.resolve(String.format(java.util.Locale.ROOT, "doc%03d.txt", f)), text);
    }
    try (Quarry quarry = Quarry.open(tmp.resolve("clean"))) {
      quarry.index(IndexRequest.of(corpus), IndexProgress.NONE);
      expected = ids(quarry);
    }
  }

  @Test
  void killedIndexRunsLeaveAnOpenableIndexAndARerunCompletesIt() throws Exception {
    Random random = new Random(7);
    int killedMidway = 0;
    int committedPart = 0;
    for (int k = 0; k < KILL_POINTS; k++) {
      Path index = tmp.resolve("killed" + k);
      Process p = indexProcess(index);
      long t0 = System.nanoTime();
      // even kill points land anywhere from start-up on (often before the first commit); odd
      // ones after the first commit, so a killed run has committed part of the corpus
      if (k % 2 == 1) {
        while (p.isAlive() && !hasSegments(index)) {
          Thread.sleep(20);
        }
      }
      boolean finished =
          p.waitFor(
              k % 2 == 1 ? random.nextInt(1500) : 300 + random.nextInt(3000),
              TimeUnit.MILLISECONDS);
      long waitMs = (System.nanoTime() - t0) / 1_000_000;
      if (!finished) {
        p.destroyForcibly().waitFor(); // SIGKILL on Unix: no shutdown hooks, no finally blocks
        killedMidway++;
      }
      if (Files.exists(index.resolve("write.lock")) || hasSegments(index)) {
        try (Quarry quarry = Quarry.open(index)) {
          if (hasSegments(index)) {
            Set<String> partial = ids(quarry); // opens and answers as of the last commit
            assertTrue(expected.containsAll(partial), "only passages the clean run also has");
            if (!finished && partial.size() < expected.size()) {
              committedPart++;
            }
            System.out.printf(
                java.util.Locale.ROOT,
                "kill point %d at %d ms (%s): %d of %d passages committed%n",
                k,
                waitMs,
                finished ? "run had finished" : "killed",
                partial.size(),
                expected.size());
          }
        }
      }
      try (Quarry quarry = Quarry.open(index)) {
        IndexReport report = quarry.index(IndexRequest.of(corpus), IndexProgress.NONE);
        assertEquals(0, report.failed(), report.table());
        List<String> all = new ArrayList<>();
        quarry.passages(true).forEach(h -> all.add(h.passage().id()));
        assertEquals(all.size(), new TreeSet<>(all).size(), "no duplicate passages");
        assertEquals(expected, new TreeSet<>(all), "no missing passages");
      }
    }
    assertTrue(killedMidway > 0, "at least one kill landed mid-run");
    assertTrue(
        committedPart > 0, "at least one run was killed after committing part of the corpus");
  }

  private static Process indexProcess(Path index) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "org.quarry.cli.QuarryCommand",
            "index",
            corpus.toString(),
            "--index",
            index.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static boolean hasSegments(Path index) throws IOException {
    if (!Files.isDirectory(index)) {
      return false;
    }
    try (var files = Files.list(index)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
    }
  }

  private static Set<String> ids(Quarry quarry) {
    Set<String> ids = new TreeSet<>();
    for (Hit h : quarry.passages(true)) {
      ids.add(h.passage().id());
    }
    return ids;
  }
}
