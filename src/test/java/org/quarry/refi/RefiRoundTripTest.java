package org.quarry.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quarry.model.Case;
import org.quarry.model.Code;
import org.quarry.model.CodeTree;
import org.quarry.model.Coding;
import org.quarry.model.Passage;
import org.quarry.model.Source;
import org.quarry.report.MatrixFixture;

/** Export to .qdpx and import again: same sources, codes, codings and cases. */
class RefiRoundTripTest {
  private static ImportedProject roundTrip() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> problems =
        new QdpxWriter("Round trip")
            .write(
                out,
                RefiFixture.SOURCES,
                MatrixFixture.CODEBOOK,
                RefiFixture.CODINGS,
                RefiFixture.CASES);
    assertEquals(List.of(), problems);
    return QdpxReader.read(new ByteArrayInputStream(out.toByteArray()), "roundtrip.qdpx");
  }

  @Test
  void sourcesComeBackWithTheSameText() throws IOException {
    ImportedProject p = roundTrip();
    assertEquals(List.of(), p.problems());
    assertEquals(
        RefiFixture.SOURCES.stream().map(Source::id).toList(),
        p.sources().stream().map(ImportedSource::name).toList());
    for (int i = 0; i < p.sources().size(); i++) {
      assertEquals(RefiFixture.SOURCES.get(i).text(), p.sources().get(i).text());
    }
  }

  @Test
  void codesComeBackWithNamesDescriptionsAndTree() throws IOException {
    List<Code> got = roundTrip().codebook().codes();
    Map<String, String> nameById = new HashMap<>();
    got.forEach(c -> nameById.put(c.id(), c.name()));
    CodeTree tree = new CodeTree(MatrixFixture.CODEBOOK);
    List<String> want =
        tree.preorder().stream()
            .map(
                c ->
                    c.name()
                        + "|"
                        + c.description()
                        + "|"
                        + (c.parent() == null ? "" : tree.code(c.parent()).orElseThrow().name()))
            .toList();
    assertEquals(
        want,
        got.stream()
            .map(
                c ->
                    c.name()
                        + "|"
                        + c.description()
                        + "|"
                        + (c.parent() == null ? "" : nameById.get(c.parent())))
            .toList());
  }

  @Test
  void codingsComeBackOnTheSameWordsWithTheSameCodes() throws IOException {
    ImportedProject p = roundTrip();
    Map<String, Passage> passages = new HashMap<>();
    RefiFixture.PASSAGES.forEach(x -> passages.put(x.id(), x));
    List<String> want =
        RefiFixture.CODINGS.stream()
            .map(
                c ->
                    c.source()
                        + "|"
                        + MatrixFixture.CODEBOOK.code(c.code()).orElseThrow().name()
                        + "|"
                        + passages.get(c.spanId()).text())
            .sorted()
            .toList();
    // suggestions come back as suggestions (RefiSuggestionsTest), on the same words
    List<String> got =
        java.util.stream.Stream.concat(p.codings().stream(), p.suggestions().stream())
            .map(
                c ->
                    c.source()
                        + "|"
                        + p.codebook().code(c.code()).orElseThrow().name()
                        + "|"
                        + QdpxReaderTest.textOf(p, c))
            .sorted()
            .toList();
    assertEquals(want, got);
    for (Coding c : p.codings()) {
      assertEquals("human", c.origin());
    }
  }

  @Test
  void aSourceWhoseTextKeepsCrlfComesBackWithCodingsOnTheSameWords() throws IOException {
    String text = RefiFixture.INTERVIEW_ORIGINAL;
    Source raw =
        new Source(
            "raw.txt",
            "/fixtures/raw.txt",
            org.quarry.model.SourceKind.TRANSCRIPT,
            text,
            org.quarry.model.OffsetMap.identity(text),
            "",
            Map.of());
    List<Passage> ps =
        List.of(
            RefiFixture.passage(raw, "paperwork \uD83D\uDC4D\uD83C\uDFFD.", "P01"),
            RefiFixture.passage(raw, "trust.\r\n\r\nP01: The ICS", "P01"),
            RefiFixture.passage(raw, "cafe\u0301 meetings", "P01"));
    List<Coding> codings =
        ps.stream().map(x -> RefiFixture.coding(x, "trust", 1.0, "human")).toList();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new QdpxWriter("crlf").write(out, List.of(raw), MatrixFixture.CODEBOOK, codings, List.of());
    ImportedProject p = QdpxReader.read(new ByteArrayInputStream(out.toByteArray()), "crlf.qdpx");
    assertEquals("code points, CRLF counted as two", p.sources().get(0).positions());
    assertEquals(text.replace("\r\n", "\n"), p.sources().get(0).text());
    assertEquals(
        ps.stream().map(x -> x.text().replace("\r\n", "\n")).sorted().toList(),
        p.codings().stream().map(c -> QdpxReaderTest.textOf(p, c)).sorted().toList());
  }

  @Test
  void casesComeBackWithTheirAttributes() throws IOException {
    // a case Quarry made goes out under the GUID of its id, and comes back with it
    assertEquals(
        RefiFixture.CASES.stream()
            .map(c -> new Case(c.id(), c.attributes(), RefiGuids.of("case", c.id())))
            .toList(),
        roundTrip().cases());
  }
}
