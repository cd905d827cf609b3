package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage and bad input: one line on stderr, exit 2, no stack trace. */
class CliInputErrorsTest {
  @TempDir Path tmp;

  @Test
  void aPathThatDoesNotExist() {
    CliRun run =
        CliRun.of(
            "index", tmp.resolve("nowhere").toString(), "--index", tmp.resolve("idx").toString());
    assertOneLineError(run, "nowhere");
  }

  @Test
  void anIndexFolderThatIsNotAnIndex() throws IOException {
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(docs.resolve("notes.txt"), "my notes");
    CliRun run = CliRun.of("search", "voice", "--index", docs.toString());
    assertOneLineError(run, "not a Quarry index");
    assertTrue(Files.exists(docs.resolve("notes.txt")));
  }

  @Test
  void anEmptyNamedIndexAsksForIndexingFirst() {
    CliRun run = CliRun.of("search", "voice", "--index", tmp.resolve("fresh").toString());
    assertOneLineError(run, "quarry index");
  }

  @Test
  void anUnknownOption() {
    CliRun run = CliRun.of("search", "voice", "--colour", "red");
    assertOneLineError(run, "--colour");
  }

  @Test
  void aMistypedOptionIsNamedWithTheOneMeantBeforeAMissingRequiredOne() {
    CliRun run = CliRun.of("suggest", "--codebok", "seeds/codebook-commissioners.yaml");
    assertOneLineError(run, "unknown option '--codebok'; did you mean '--codebook'?");
    assertFalse(run.err().contains("Missing required"), run.err());
  }

  @Test
  void aMistypedOptionAfterTheQueryIsNamedToo() {
    CliRun run = CliRun.of("search", "voice", "--facte", "participant");
    assertOneLineError(run, "did you mean '--facet'?");
  }

  @Test
  void aBadFormat() {
    CliRun run = CliRun.of("search", "voice", "--format", "xml");
    assertOneLineError(run, "xml");
  }

  @Test
  void importingAFileThatIsNoQdpxNamesItOnceAndAsksOnce() throws IOException {
    Path csv = Files.writeString(tmp.resolve("answers.csv"), "id,text\n1,hello\n");
    CliRun run = CliRun.of("import", csv.toString(), "--index", tmp.resolve("idx").toString());
    assertOneLineError(run, "answers.csv");
    String line = run.err().strip();
    assertEquals(line.indexOf(csv.toString()), line.lastIndexOf(csv.toString()), line);
    assertEquals(line.indexOf("REFI-QDA"), line.lastIndexOf("REFI-QDA"), line);
  }

  @Test
  void noVerb() {
    CliRun run = CliRun.of();
    assertOneLineError(run, "verb");
  }

  @Test
  void helpOnEveryVerb() {
    for (String verb :
        new String[] {
          "index", "search", "suggest", "terms", "eval", "matrix", "export", "import", "serve",
          "bench"
        }) {
      CliRun run = CliRun.of(verb, "--help");
      assertEquals(0, run.exitCode(), verb);
      assertTrue(run.out().contains("Usage: quarry " + verb), run.out());
    }
  }

  private static void assertOneLineError(CliRun run, String mentions) {
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().contains(mentions), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }
}
