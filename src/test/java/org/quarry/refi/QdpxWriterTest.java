package org.quarry.refi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quarry.model.CodeScore;
import org.quarry.model.Coding;
import org.quarry.model.Passage;
import org.quarry.model.Source;
import org.quarry.report.MatrixFixture;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

class QdpxWriterTest {
  private static byte[] export(List<Coding> codings) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new QdpxWriter("Fixture study")
        .write(out, RefiFixture.SOURCES, MatrixFixture.CODEBOOK, codings, RefiFixture.CASES);
    return out.toByteArray();
  }

  private static Element project(Map<String, byte[]> entries) throws IOException {
    return RefiXml.parse(entries.get("project.qde"), "project.qde").getDocumentElement();
  }

  @Test
  void projectIsValidAgainstTheRefiSchema() throws IOException, SAXException {
    RefiFixture.validate(
        RefiFixture.unzip(export(RefiFixture.CODINGS)).get("project.qde"), "Project.xsd");
  }

  @Test
  void archiveHoldsProjectAtRootAndEachSourceAsUtf8WithoutBomUnderLowercaseSources()
      throws IOException {
    Map<String, byte[]> entries = RefiFixture.unzip(export(RefiFixture.CODINGS));
    NodeList sources = project(entries).getElementsByTagNameNS(RefiXml.PROJECT_NS, "TextSource");
    assertEquals(RefiFixture.SOURCES.size(), sources.getLength());
    assertEquals(1 + RefiFixture.SOURCES.size(), entries.size());
    for (int i = 0; i < sources.getLength(); i++) {
      Element ts = (Element) sources.item(i);
      String guid = ts.getAttribute("guid");
      assertEquals("internal://" + guid + ".txt", ts.getAttribute("plainTextPath"));
      byte[] text = entries.get("sources/" + guid + ".txt");
      assertFalse(RefiXml.hasBom(text));
      Source s = RefiFixture.SOURCES.get(i);
      assertEquals(s.id(), ts.getAttribute("name"));
      assertEquals(s.text(), new String(text, StandardCharsets.UTF_8));
    }
  }

  @Test
  void everySelectionCutsOutExactlyItsPassageTextInCodePoints() throws IOException {
    Map<String, byte[]> entries = RefiFixture.unzip(export(RefiFixture.CODINGS));
    Map<String, String> codeByGuid = new HashMap<>();
    for (String id : List.of("relationships", "trust", "meetings", "system")) {
      codeByGuid.put(RefiGuids.of("code", id), id);
    }
    List<String> got = new ArrayList<>();
    NodeList sources = project(entries).getElementsByTagNameNS(RefiXml.PROJECT_NS, "TextSource");
    for (int i = 0; i < sources.getLength(); i++) {
      Element ts = (Element) sources.item(i);
      int[] cps =
          new String(
                  entries.get("sources/" + ts.getAttribute("guid") + ".txt"),
                  StandardCharsets.UTF_8)
              .codePoints()
              .toArray();
      for (Element sel : RefiXml.children(ts, "PlainTextSelection")) {
        int a = Integer.parseInt(sel.getAttribute("startPosition"));
        int b = Integer.parseInt(sel.getAttribute("endPosition"));
        String code =
            codeByGuid.get(
                RefiXml.first(RefiXml.first(sel, "Coding"), "CodeRef").getAttribute("targetGUID"));
        got.add(ts.getAttribute("name") + "|" + code + "|" + new String(cps, a, b - a));
      }
    }
    Map<String, Passage> byId = new HashMap<>();
    RefiFixture.PASSAGES.forEach(p -> byId.put(p.id(), p));
    List<String> want = new ArrayList<>();
    for (Coding c : RefiFixture.CODINGS) {
      want.add(c.source() + "|" + c.code() + "|" + byId.get(c.spanId()).text());
    }
    assertEquals(want.stream().sorted().toList(), got.stream().sorted().toList());
  }

  @Test
  void sameInputGivesTheSameBytes() throws IOException {
    assertArrayEquals(export(RefiFixture.CODINGS), export(RefiFixture.CODINGS));
  }

  @Test
  void guidsAreNameBasedVersion5Uuids() {
    // RFC 9562 / Python's uuid5(NAMESPACE_DNS, 'python.org')
    UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    assertEquals(
        "886313e1-3b8a-5372-9b90-0c9aee199e5d", RefiGuids.v5(dns, "python.org").toString());
    assertEquals(5, UUID.fromString(RefiGuids.of("code", "trust")).version());
    assertEquals(RefiGuids.of("code", "trust"), RefiGuids.of("code", "trust"));
    assertFalse(RefiGuids.of("code", "trust").equals(RefiGuids.of("source", "trust")));
  }

  @Test
  void suggestedCodingsSayTheirScoreInTheSelectionDescription() throws IOException {
    Element project = project(RefiFixture.unzip(export(RefiFixture.CODINGS)));
    NodeList d = project.getElementsByTagNameNS(RefiXml.PROJECT_NS, "Description");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < d.getLength(); i++) {
      if (((Element) d.item(i).getParentNode()).getLocalName().equals("PlainTextSelection")) {
        texts.add(d.item(i).getTextContent());
      }
    }
    // selections come in offset order, then code id (system before trust)
    assertEquals(
        List.of(
            "Quarry suggestion, score 0.80",
            "Quarry suggestion, score 0.70",
            "Quarry suggestion, score 0.60"),
        texts);
  }

  @Test
  void casesCarryTheirAttributesAsTextVariables() throws IOException {
    Element project = project(RefiFixture.unzip(export(RefiFixture.CODINGS)));
    NodeList vars = project.getElementsByTagNameNS(RefiXml.PROJECT_NS, "Variable");
    assertEquals(2, vars.getLength());
    assertEquals("region", ((Element) vars.item(0)).getAttribute("name"));
    assertEquals("Text", ((Element) vars.item(0)).getAttribute("typeOfVariable"));
    Element p01 = (Element) project.getElementsByTagNameNS(RefiXml.PROJECT_NS, "Case").item(0);
    assertEquals("P01", p01.getAttribute("name"));
    assertEquals(
        "North & East",
        RefiXml.first(RefiXml.children(p01, "VariableValue").get(0), "TextValue").getTextContent());
    assertEquals(
        RefiGuids.of("source", "interviews/p01.txt"),
        RefiXml.first(p01, "SourceRef").getAttribute("targetGUID"));
  }

  @Test
  void codingsThatCannotBeExportedAreReportedWithTheirReason() throws IOException {
    List<Coding> codings = new ArrayList<>(RefiFixture.CODINGS);
    codings.add(new Coding("gone.txt", 0, 4, "trust", 1.0, CodeScore.HUMAN));
    codings.add(new Coding("memo.txt", 0, 4, "no-such-code", 1.0, CodeScore.HUMAN));
    codings.add(new Coding("memo.txt", 40, 4000, "trust", 1.0, CodeScore.HUMAN));
    List<String> problems =
        new QdpxWriter("x")
            .write(
                new ByteArrayOutputStream(),
                RefiFixture.SOURCES,
                MatrixFixture.CODEBOOK,
                codings,
                List.of());
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("gone.txt") && problems.get(0).contains("not exported"));
    assertTrue(problems.get(1).contains("not in the codebook"));
    assertTrue(problems.get(2).contains("past the end"));
  }

  @Test
  void codebookAloneIsAValidQdcWithNestedCodes() throws IOException, SAXException {
    byte[] qdc = QdcWriter.toBytes(MatrixFixture.CODEBOOK);
    RefiFixture.validate(qdc, "Codebook.xsd");
    Element root = RefiXml.parse(qdc, "qdc").getDocumentElement();
    Element codes = RefiXml.first(root, "Codes");
    List<Element> top = RefiXml.children(codes, "Code");
    assertEquals(
        List.of("Relationships", "Engaging the system"),
        top.stream().map(e -> e.getAttribute("name")).toList());
    assertEquals(
        List.of("Trust", "Meetings"),
        RefiXml.children(top.get(0), "Code").stream().map(e -> e.getAttribute("name")).toList());
    assertEquals(
        RefiGuids.of("code", "trust"),
        RefiXml.children(top.get(0), "Code").get(0).getAttribute("guid"));
  }
}
