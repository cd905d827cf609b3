package org.quarry.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quarry.model.Case;
import org.quarry.model.Code;
import org.quarry.model.CodeScore;
import org.quarry.model.Coding;

class QdpxReaderTest {
  private static ImportedProject read(String qde) throws IOException {
    return QdpxReader.read(new ByteArrayInputStream(RefiFixture.nvivoLike(qde)), qde);
  }

  static String textOf(ImportedProject p, Coding c) {
    String text =
        p.sources().stream()
            .filter(s -> s.name().equals(c.source()))
            .findFirst()
            .orElseThrow()
            .text();
    int[] cps = text.codePoints().toArray();
    return new String(cps, c.start(), c.end() - c.start());
  }

  private static String name(ImportedProject p, String codeId) {
    return p.codebook().code(codeId).orElseThrow().name();
  }

  /** The coded words, whichever way the tool counted a CRLF. */
  @ParameterizedTest
  @ValueSource(strings = {"project.qde", "project-cr-counted.qde"})
  void eachCodingCutsOutExactlyTheIntendedWords(String qde) throws IOException {
    ImportedProject p = read(qde);
    List<String> got = new ArrayList<>();
    for (Coding c : p.codings()) {
      got.add(c.source() + " | " + name(p, c.code()) + " | " + textOf(p, c));
      assertEquals(CodeScore.HUMAN, c.origin());
      assertEquals(1.0, c.score());
    }
    assertEquals(
        List.of(
            "Interview P01 | Meetings & informal contact | café meetings",
            "Interview P01 | Trust | built trust",
            "Interview P01 | Engaging the system | The ICS felt distant",
            "Interview P01 | Engaging the system | paperwork",
            "Memo | Trust | trust"),
        got);
  }

  @Test
  void detectedCountingIsRecordedPerSource() throws IOException {
    assertEquals(
        "code points, CRLF counted as one", read("project.qde").sources().get(0).positions());
    assertEquals(
        "code points, CRLF counted as two",
        read("project-cr-counted.qde").sources().get(0).positions());
  }

  @Test
  void unplaceableCodingsAreReportedWithTheirReason() throws IOException {
    List<String> problems = read("project.qde").problems();
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("unknown code {deadbeef-0000-4000-8000-000000000000}"));
    assertTrue(problems.get(1).contains("[9000, 9010): out of range"));
  }

  @Test
  void sourceTextLosesBomAndCrButMapsBackToTheStoredText() throws IOException {
    ImportedSource s = read("project.qde").sources().get(0);
    assertFalse(s.text().startsWith("\uFEFF"));
    assertFalse(s.text().contains("\r"));
    assertTrue(s.text().startsWith("Interviewer: How did the first year go?\nP01: Honestly"));
    String stored =
        new String(
                RefiFixture.unzip(RefiFixture.nvivoLike("project.qde"))
                    .get("Sources/{8D3F2A10-5B6C-4E7F-9A1B-2C3D4E5F6A7B}.txt"),
                StandardCharsets.UTF_8)
            .substring(1);
    int[] storedCps = stored.codePoints().toArray();
    int lf = s.text().indexOf('\n');
    assertEquals('\r', storedCps[s.offsets().toOriginal(lf)], "the LF stands for the CR of a CRLF");
    int paper = s.text().indexOf("paperwork");
    assertEquals("paperwork", new String(storedCps, s.offsets().toOriginal(paper), 9));
  }

  @Test
  void codebookTreeKeepsNonCodableParents() throws IOException {
    ImportedProject p = read("project.qde");
    List<Code> codes = p.codebook().codes();
    assertEquals(
        List.of("relationships", "trust", "meetings-informal-contact", "engaging-the-system"),
        codes.stream().map(Code::id).toList());
    assertNull(codes.get(0).parent());
    assertEquals("How people relate.", codes.get(0).description());
    assertEquals("relationships", codes.get(1).parent());
    assertEquals("relationships", codes.get(2).parent());
    assertEquals("Interview study", p.codebook().name());
  }

  @Test
  void casesComeWithTheirVariableValues() throws IOException {
    assertEquals(
        List.of(
            new Case(
                "P01",
                Map.of("role", "GP", "region", "North"),
                "ca5e0000-0000-4000-8000-000000000001"),
            new Case("P02", Map.of(), "ca5e0000-0000-4000-8000-000000000002")),
        read("project.qde").cases());
  }

  @Test
  void aPdfSourceImportsThroughItsTextRepresentationAndItsPageSelectionsAreReported()
      throws IOException {
    byte[] qde = RefiFixture.unzip(RefiFixture.nvivoLike("project.qde")).get("Interview study.qde");
    String xml =
        new String(qde, StandardCharsets.UTF_8)
            .replace(
                "<TextSource guid=\"{5EC00D00-0000-4000-8000-000000000000}\" name=\"Memo\">",
                "<PDFSource guid=\"{5EC00D00-0000-4000-8000-000000000000}\" name=\"Memo\" path=\"internal://memo.pdf\">"
                    + "<PDFSelection guid=\"{C0DE0000-0000-4000-8000-0000000000c0}\" page=\"1\" firstX=\"0\""
                    + " firstY=\"0\" secondX=\"9\" secondY=\"9\"><Coding guid=\"{C0D10000-0000-4000-8000-0000000000c0}\">"
                    + "<CodeRef targetGUID=\"{A1B2C3D4-0001-4000-8000-000000000001}\"/></Coding></PDFSelection>"
                    + "<Representation guid=\"{5EC00D00-0000-4000-8000-0000000000ff}\" name=\"memo text\">")
            .replaceAll(
                "</PlainTextSelection>\\s*</TextSource>\\s*</Sources>",
                "</PlainTextSelection></Representation></PDFSource></Sources>");
    assertTrue(xml.contains("</Representation></PDFSource>"), "the fixture's memo became a PDF");
    Map<String, byte[]> entries =
        new LinkedHashMap<>(RefiFixture.unzip(RefiFixture.nvivoLike("project.qde")));
    entries.put("Interview study.qde", xml.getBytes(StandardCharsets.UTF_8));
    ImportedProject p =
        QdpxReader.read(new ByteArrayInputStream(RefiFixture.zip(entries)), "pdf.qdpx");
    ImportedSource memo = p.sources().get(1);
    assertEquals("Memo", memo.name());
    assertEquals("5ec00d00-0000-4000-8000-000000000000", memo.guid());
    assertTrue(
        p.codings().stream()
            .anyMatch(c -> c.source().equals("Memo") && textOf(p, c).equals("trust")));
    assertTrue(
        p.problems().stream()
            .anyMatch(x -> x.startsWith("PDFSource 'Memo' PDF selection on page 1: left out")),
        p.problems().toString());
  }

  @Test
  void anArchiveWithoutAQdeIsRefusedWithAFix() throws IOException {
    byte[] zip = RefiFixture.zip(Map.of("sources/a.txt", new byte[] {65}));
    IOException e =
        assertThrows(
            IOException.class, () -> QdpxReader.read(new ByteArrayInputStream(zip), "empty.qdpx"));
    assertTrue(e.getMessage().startsWith("empty.qdpx: no .qde project file"));
  }

  @Test
  void missingSourceFileReportsEachOfItsCodings() throws IOException {
    byte[] qde = RefiFixture.unzip(RefiFixture.nvivoLike("project.qde")).get("Interview study.qde");
    byte[] zip = RefiFixture.zip(Map.of("project.qde", qde));
    ImportedProject p = QdpxReader.read(new ByteArrayInputStream(zip), "nosources.qdpx");
    assertEquals(1, p.sources().size(), "the inline memo still imports");
    assertEquals(1 + 6, p.problems().size(), p.problems().toString());
  }

  /** A malformed project is one error, not also the JDK parser's "[Fatal Error]" on stderr. */
  @Test
  void malformedProjectIsOneErrorAndNothingOnStderr() throws IOException {
    byte[] zip =
        RefiFixture.zip(
            Map.of("project.qde", "<Project><Sources>".getBytes(StandardCharsets.UTF_8)));
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    IOException e;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      e =
          assertThrows(
              IOException.class,
              () -> QdpxReader.read(new ByteArrayInputStream(zip), "broken.qdpx"));
    } finally {
      System.setErr(stderr);
    }
    assertTrue(
        e.getMessage().startsWith("broken.qdpx!project.qde is not well-formed XML"),
        e.getMessage());
    assertEquals("", captured.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aCaseReferringToASourceTheProjectLacksIsReported() throws IOException {
    byte[] qde = RefiFixture.unzip(RefiFixture.nvivoLike("project.qde")).get("Interview study.qde");
    String xml =
        new String(qde, StandardCharsets.UTF_8)
            .replace(
                "<Case guid=\"{CA5E0000-0000-4000-8000-000000000002}\" name=\"P02\"/>",
                "<Case guid=\"{CA5E0000-0000-4000-8000-000000000002}\" name=\"P02\">"
                    + "<SourceRef targetGUID=\"{0BADF00D-0000-4000-8000-000000000000}\"/></Case>");
    Map<String, byte[]> entries =
        new LinkedHashMap<>(RefiFixture.unzip(RefiFixture.nvivoLike("project.qde")));
    entries.put("Interview study.qde", xml.getBytes(StandardCharsets.UTF_8));
    ImportedProject p =
        QdpxReader.read(new ByteArrayInputStream(RefiFixture.zip(entries)), "ref.qdpx");
    assertTrue(
        p.problems().stream()
            .anyMatch(
                x ->
                    x.startsWith("case P02:")
                        && x.contains("{0badf00d-0000-4000-8000-000000000000}")),
        p.problems().toString());
    assertEquals(Map.of("Interview P01", "P01"), p.caseOfSource());
  }
}
