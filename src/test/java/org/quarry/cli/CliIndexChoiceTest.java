package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which index a command used is never a surprise: the summary names it, the sample index says so.
 */
class CliIndexChoiceTest {
  @RegisterExtension static final SeedsHome SEEDS = new SeedsHome();

  @TempDir Path tmp;

  private Path study() throws IOException {
    Path study = Files.createDirectories(tmp.resolve("study"));
    Files.writeString(
        study.resolve("P01.txt"), "Interviewer: How was it?\n\nP01: The apples were crisp.\n");
    return study;
  }

  @Test
  void theIndexSummaryNamesTheIndexWritten() throws IOException {
    Path index = tmp.resolve("study-index");
    CliRun run = CliRun.of("index", study().toString(), "--index", index.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains(" in index " + index + ";"), run.out());
    assertFalse(run.err().contains("sample index"), run.err());
  }

  @Test
  void theSuggestExportAndMatrixSummariesNameTheIndexUsed() throws IOException {
    Path index = tmp.resolve("study-index");
    assertEquals(0, CliRun.of("index", study().toString(), "--index", index.toString()).exitCode());
    Path book = SEEDS.home().resolve("seeds/codebook-commissioners.yaml");
    CliRun suggest =
        CliRun.of("suggest", "--codebook", book.toString(), "--index", index.toString());
    assertTrue(suggest.err().contains("; index " + index), suggest.err());
    CliRun export =
        CliRun.of(
            "export",
            "--format",
            "csv",
            "--out",
            tmp.resolve("c.csv").toString(),
            "--index",
            index.toString());
    assertTrue(export.err().contains(" from index " + index), export.err());
    CliRun matrix =
        CliRun.of("matrix", "--out", tmp.resolve("m.csv").toString(), "--index", index.toString());
    assertTrue(matrix.err().contains(" from index " + index), matrix.err());
  }

  @Test
  void indexingAStudyIntoTheSampleIndexSaysSoAndHowToAvoidIt() throws IOException {
    CliRun run = CliRun.of("index", study().toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.err().contains("note: indexing into the sample index " + SEEDS.home().resolve("index")),
        run.err());
    assertTrue(run.err().contains("QUARRY_INDEX"), run.err());
  }

  @Test
  void anEmptyNamedIndexSaysHowToFillIt() {
    Path index = tmp.resolve("empty");
    for (String[] verb :
        new String[][] {{"search", "voice"}, {"matrix"}, {"terms", "--query", "voice"}}) {
      String[] args = new String[verb.length + 2];
      System.arraycopy(verb, 0, args, 0, verb.length);
      args[verb.length] = "--index";
      args[verb.length + 1] = index.toString();
      CliRun run = CliRun.of(args);
      assertEquals(2, run.exitCode(), verb[0] + ": " + run.err());
      assertEquals(
          "quarry: index "
              + index
              + " is empty: run 'quarry index --index "
              + index
              + " PATH...' or 'quarry import --index "
              + index
              + " FILE.qdpx' first",
          run.err().strip(),
          verb[0]);
    }
  }
}
