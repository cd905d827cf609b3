package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input, one test each: every case gives a one-line message and the documented exit code,
 * prints no stack trace, and loses no indexed data.
 */
class BadInputTest {
  @TempDir static Path tmp;

  static Path index;
  static int passages;

  @BeforeAll
  static void indexTheSeeds() {
    index = tmp.resolve("index");
    CliRun run = CliRun.of("index", "seeds", "--index", index.toString());
    assertEquals(0, run.exitCode(), run.err());
    passages = countPassages();
  }

  // --- files -------------------------------------------------------------------------------

  @Test
  void anEmptyFileIsSkippedWithItsReason() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(dir.resolve("blank.txt"), "");
    CliRun run = indexInto(dir);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        row(run, "blank.txt").contains("skipped") && row(run, "blank.txt").contains("empty"),
        run.out());
  }

  @Test
  void aBinaryFileRenamedTxtIsSkippedAsBinary() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("binary"));
    byte[] bytes = new byte[4096];
    new java.util.Random(1).nextBytes(bytes);
    bytes[10] = 0;
    Files.write(dir.resolve("photo.txt"), bytes);
    CliRun run = indexInto(dir);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(row(run, "photo.txt").contains("binary"), run.out());
  }

  @Test
  void invalidUtf8IsReadNotFatal() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("latin1"));
    Files.write(
        dir.resolve("notes.txt"),
        "Caf\u00e9 na\u00efve r\u00e9sum\u00e9 about workload.\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    CliRun run = indexInto(dir);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(row(run, "notes.txt").contains("indexed"), run.out());
  }

  @Test
  void aFileNameWithSpacesAndAccentsKeepsItsName() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("names"));
    Files.writeString(
        dir.resolve("Entretien Zoë 1.txt"), "The commissioners talked about workload.\n");
    Path idx = tmp.resolve("names-index");
    assertEquals(0, CliRun.of("index", dir.toString(), "--index", idx.toString()).exitCode());
    CliRun run = CliRun.of("search", "workload", "--index", idx.toString(), "--format", "json");
    assertTrue(run.out().contains("\"source\" : \"Entretien Zoë 1.txt\""), run.out());
  }

  @Test
  void aFileOverTheSizeLimitIsSkippedWithTheLimitNamed() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("big"));
    Path big = dir.resolve("big-transcript.txt");
    String turn =
        "Interviewer: And how was the workload?\nP01: Heavy, as always, with the new network.\n";
    try (var out = Files.newBufferedWriter(big)) {
      long written = 0;
      while (written < 50L * 1024 * 1024) {
        out.write(turn);
        written += turn.length();
      }
    }
    CliRun run = indexInto(dir);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(row(run, "big-transcript.txt").contains("too large"), run.out());
    assertTrue(row(run, "big-transcript.txt").contains("--max-file-mb"), run.out());
  }

  @Test
  void aPathThatDoesNotExist() {
    assertOneLineError(
        CliRun.of("index", tmp.resolve("missing").toString(), "--index", index.toString()),
        2,
        "missing");
  }

  @Test
  void aThreadCountBelowOne() {
    assertOneLineError(
        CliRun.of("index", "--threads", "0", tmp.toString(), "--index", index.toString()),
        2,
        "--threads");
  }

  // --- queries -----------------------------------------------------------------------------

  @Test
  void aQueryOfFiveThousandClauses() {
    StringBuilder q = new StringBuilder("w0");
    for (int i = 1; i < 5000; i++) {
      q.append(" OR w").append(i);
    }
    assertOneLineError(search(q.toString()), 2, "clauses");
  }

  @Test
  void aDeeplyNestedQuery() {
    String q = "(".repeat(5000) + "voice" + ")".repeat(5000);
    assertOneLineError(search(q), 2, "nest");
  }

  @Test
  void aLeadingWildcard() {
    assertOneLineError(search("*care"), 2, "wildcard");
  }

  @Test
  void aRegexThatWouldBlowUp() {
    assertOneLineError(search("/(a|b)*a(a|b){40}/"), 2, "regular expression");
  }

  @Test
  void aFilterWithAnUnknownDimension() {
    CliRun run =
        CliRun.of("search", "voice", "--index", index.toString(), "--filter", "region=North");
    assertOneLineError(run, 2, "region");
  }

  // --- index folders -----------------------------------------------------------------------

  @Test
  void anIndexFolderThatIsNotAnIndex() throws IOException {
    Path docs = Files.createDirectories(tmp.resolve("documents"));
    Files.writeString(docs.resolve("thesis.docx"), "not really");
    assertOneLineError(
        CliRun.of("index", "seeds", "--index", docs.toString()), 2, "not a Quarry index");
    assertEquals("not really", Files.readString(docs.resolve("thesis.docx")));
  }

  @Test
  void aReadOnlyIndexFolderRefusesWritesAndStillAnswers() throws IOException {
    Path ro = tmp.resolve("ro-index");
    assertEquals(0, CliRun.of("index", "seeds", "--index", ro.toString()).exitCode());
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Assumptions.assumeFalse(Files.isWritable(ro), "running as a user who can write anyway");
      Path dir = Files.createDirectories(tmp.resolve("more"));
      Files.writeString(dir.resolve("extra.txt"), "More words about the workload of practices.\n");
      assertOneLineError(
          CliRun.of("index", dir.toString(), "--index", ro.toString()), 2, "ro-index");
      CliRun run = CliRun.of("search", "voice", "--index", ro.toString());
      assertEquals(0, run.exitCode(), run.err());
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void noBadInputLostIndexedData() {
    assertEquals(passages, countPassages());
  }

  private static CliRun search(String q) {
    return CliRun.of("search", q, "--index", index.toString());
  }

  private static CliRun indexInto(Path dir) {
    return CliRun.of(
        "index", dir.toString(), "--index", tmp.resolve("idx-" + dir.getFileName()).toString());
  }

  private static String row(CliRun run, String file) {
    return run.out()
        .lines()
        .filter(l -> l.startsWith(file))
        .findFirst()
        .orElse("(no row for " + file + ")");
  }

  private static int countPassages() {
    CliRun run =
        CliRun.of(
            "search", "", "--index", index.toString(), "--limit", "0", "--include-duplicates");
    String first = run.out().lines().findFirst().orElse("");
    return Integer.parseInt(first.substring(0, first.indexOf(' ')));
  }

  private static void assertOneLineError(CliRun run, int exitCode, String mentions) {
    assertEquals(exitCode, run.exitCode(), run.out() + run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(
        run.err()
            .toLowerCase(java.util.Locale.ROOT)
            .contains(mentions.toLowerCase(java.util.Locale.ROOT)),
        run.err());
    assertFalse(run.err().contains("\tat "), run.err());
    assertFalse(Stream.of(run.err()).anyMatch(e -> e.contains("Exception")), run.err());
  }
}
