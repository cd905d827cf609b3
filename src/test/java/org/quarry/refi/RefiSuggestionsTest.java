package org.quarry.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.ExportFormat;
import org.quarry.api.Quarry;
import org.quarry.model.CodeScore;
import org.quarry.model.Coding;
import org.quarry.model.Hit;
import org.quarry.report.MatrixFixture;

/**
 * Quarry's suggestions through a QDA tool and back: an export marks a suggestion in its selection's
 * description, and an import reads the mark, so a suggestion nobody reviewed does not come back as
 * a person's coding.
 */
class RefiSuggestionsTest {
  @TempDir Path dir;

  /** The fixture's codings, human and suggested, written by Quarry. */
  private static byte[] fixtureProject() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(
        List.of(),
        new QdpxWriter("Suggestions")
            .write(
                out,
                RefiFixture.SOURCES,
                MatrixFixture.CODEBOOK,
                RefiFixture.CODINGS,
                RefiFixture.CASES));
    return out.toByteArray();
  }

  private Path fixtureFile() throws IOException {
    Path file = dir.resolve("suggestions.qdpx");
    Files.write(file, fixtureProject());
    return file;
  }

  /** code name | passage text | origin score, of every code stored with a passage, sorted. */
  private static List<String> storedCodes(Quarry q) {
    return q.passages(false).stream()
        .flatMap(
            h ->
                h.codes().stream()
                    .map(
                        c ->
                            RefiImportTest.name(q, c.code())
                                + " | "
                                + h.passage().text()
                                + " | "
                                + c.origin()
                                + " "
                                + c.score()))
        .sorted()
        .toList();
  }

  /** code name origin score, of the codes stored with the passage holding {@code words}. */
  private static List<String> codesOn(Quarry q, String words) {
    List<Hit> on =
        q.passages(false).stream().filter(h -> h.passage().text().contains(words)).toList();
    assertEquals(1, on.size(), "one passage holds " + words);
    return on.get(0).codes().stream()
        .map(c -> RefiImportTest.name(q, c.code()) + " " + c.origin() + " " + c.score())
        .sorted()
        .toList();
  }

  @Test
  void aSelectionQuarryMarkedAsItsSuggestionIsNotReadAsAHumanCoding() throws IOException {
    ImportedProject p = QdpxReader.read(new ByteArrayInputStream(fixtureProject()), "s.qdpx");
    assertEquals(
        List.of("Trust | trust again", "Trust | we built trust"),
        p.codings().stream()
            .map(
                c ->
                    p.codebook().code(c.code()).orElseThrow().name()
                        + " | "
                        + QdpxReaderTest.textOf(p, c))
            .sorted()
            .toList());
  }

  @Test
  void aMarkedSelectionIsReadAsASuggestionWithTheScoreWritten() throws IOException {
    ImportedProject p = QdpxReader.read(new ByteArrayInputStream(fixtureProject()), "s.qdpx");
    assertEquals(
        List.of(
            "Engaging the system suggested 0.7", "Meetings suggested 0.8", "Trust suggested 0.6"),
        p.suggestions().stream()
            .map(
                c ->
                    p.codebook().code(c.code()).orElseThrow().name()
                        + " "
                        + c.origin()
                        + " "
                        + c.score())
            .sorted()
            .toList());
  }

  // a guard: the researcher who deletes the note in the tool makes the coding theirs
  @Test
  void aSelectionWhoseNoteWasRemovedIsAHumanCoding() throws IOException {
    Map<String, byte[]> entries =
        new java.util.LinkedHashMap<>(RefiFixture.unzip(fixtureProject()));
    String qde = new String(entries.get("project.qde"), java.nio.charset.StandardCharsets.UTF_8);
    entries.put(
        "project.qde",
        qde.replace("<Description>Quarry suggestion, score 0.80</Description>", "")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    ImportedProject p =
        QdpxReader.read(new ByteArrayInputStream(RefiFixture.zip(entries)), "s.qdpx");
    assertEquals(3, p.codings().size());
    assertEquals(2, p.suggestions().size());
  }

  @Test
  void anImportedSuggestionIsStoredAsASuggestionWithItsScore() throws IOException {
    try (Quarry q = RefiImportTest.open(dir.resolve("index"))) {
      q.importProject(fixtureFile());
      // P01's turns are one passage; its human Trust outranks the suggested one
      assertEquals(
          List.of("Engaging the system suggested 0.7", "Meetings suggested 0.8", "Trust human 1.0"),
          codesOn(q, "The ICS felt distant"));
      assertEquals(2, q.humanCodings().size(), "only the two human codings: " + q.humanCodings());
    }
  }

  @Test
  void aSuggestionStaysASuggestionThroughAnotherExportAndImport() throws IOException {
    try (Quarry a = RefiImportTest.open(dir.resolve("a"));
        Quarry b = RefiImportTest.open(dir.resolve("b"))) {
      a.importProject(fixtureFile());
      a.export(ExportFormat.QDPX, dir.resolve("again.qdpx"), null, 0);
      b.importProject(dir.resolve("again.qdpx"));
      assertEquals(storedCodes(a), storedCodes(b));
      assertEquals(a.humanCodings(), b.humanCodings());
    }
  }

  // a guard: a person's coding on the same words as a suggestion stays the person's
  @Test
  void aHumanCodingOnTheSamePassageOutranksASuggestionOfTheSameCode() throws IOException {
    Coding human = RefiFixture.coding(RefiFixture.ICS, "trust", 1.0, CodeScore.HUMAN);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new QdpxWriter("Both")
        .write(
            out,
            RefiFixture.SOURCES,
            MatrixFixture.CODEBOOK,
            List.of(human, RefiFixture.coding(RefiFixture.ICS, "trust", 0.6, CodeScore.SUGGESTED)),
            RefiFixture.CASES);
    Path file = dir.resolve("both.qdpx");
    Files.write(file, out.toByteArray());
    try (Quarry q = RefiImportTest.open(dir.resolve("index"))) {
      q.importProject(file);
      assertEquals(List.of("Trust human 1.0"), codesOn(q, "The ICS felt distant"));
    }
  }

  // deleting suggestions in the tool is the researcher's answer to them: the project imported
  // again takes them off the passages (it still carries a suggestion, so it is one that can)
  @Test
  void suggestionsDeletedInTheToolAreGoneWhenTheProjectIsImportedAgain() throws IOException {
    try (Quarry q = RefiImportTest.open(dir.resolve("index"))) {
      Path file = fixtureFile();
      q.importProject(file);
      List<Coding> reviewed =
          new java.util.ArrayList<>(
              RefiFixture.CODINGS.stream()
                  .filter(c -> c.origin().equals(CodeScore.HUMAN))
                  .toList());
      reviewed.add(RefiFixture.coding(RefiFixture.MEMO_TRUST, "system", 0.5, CodeScore.SUGGESTED));
      new QdpxWriter("Suggestions")
          .write(file, RefiFixture.SOURCES, MatrixFixture.CODEBOOK, reviewed, RefiFixture.CASES);
      q.importProject(file);
      assertEquals(List.of("Trust human 1.0"), codesOn(q, "The ICS felt distant"));
      assertEquals(
          List.of("Engaging the system suggested 0.5", "Trust human 1.0"),
          codesOn(q, "trust again"));
    }
  }
}
