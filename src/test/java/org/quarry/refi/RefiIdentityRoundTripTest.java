package org.quarry.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.ExportFormat;
import org.quarry.api.ExportReport;
import org.quarry.api.Quarry;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * NVivo → Quarry → NVivo: what the tool knows its items by comes back. A code, source or case
 * imported from a project is exported under the GUID it had there, so the tool sees its own items
 * rather than new ones; a case no source refers to goes back with its variables. Every export here
 * is checked against the REFI-QDA Project.xsd.
 */
class RefiIdentityRoundTripTest {
  private static final String TRUST = "a1b2c3d4-0001-4000-8000-000000000001";
  private static final String MEETINGS = "a1b2c3d4-0001-4000-8000-000000000002";
  private static final String SYSTEM = "a1b2c3d4-0001-4000-8000-000000000003";
  private static final String RELATIONSHIPS = "a1b2c3d4-0001-4000-8000-000000000004";
  private static final String P02_CASE =
      "<Case guid=\"{CA5E0000-0000-4000-8000-000000000002}\" name=\"P02\"/>";

  @TempDir Path dir;

  /** The NVivo-like project with {@code edits} (search → replacement) applied to its .qde. */
  private Path project(String... edits) throws IOException {
    Map<String, byte[]> entries =
        new LinkedHashMap<>(RefiFixture.unzip(RefiFixture.nvivoLike("project.qde")));
    String qde = new String(entries.get("Interview study.qde"), StandardCharsets.UTF_8);
    for (int i = 0; i < edits.length; i += 2) {
      assertTrue(qde.contains(edits[i]), "the fixture has " + edits[i]);
      qde = qde.replace(edits[i], edits[i + 1]);
    }
    entries.put("Interview study.qde", qde.getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("Interview study.qdpx");
    Files.write(file, RefiFixture.zip(entries));
    return file;
  }

  /** P02 as a case entered with a variable before any source was coded. */
  private static String[] p02WithRole(String role) {
    return new String[] {
      P02_CASE,
      "<Case guid=\"{CA5E0000-0000-4000-8000-000000000002}\" name=\"P02\"><VariableValue>"
          + "<VariableRef targetGUID=\"{BEEF0000-0000-4000-8000-000000000001}\"/><TextValue>"
          + role
          + "</TextValue></VariableValue></Case>"
    };
  }

  /**
   * The project.qde of an export of {@code q}, validated against Project.xsd; with the codes the
   * index knows (null {@code codebook}) nothing may be left out.
   */
  private Document export(Quarry q, Codebook codebook) throws Exception {
    Path out = dir.resolve("export-" + System.nanoTime() + ".qdpx");
    ExportReport r = q.export(ExportFormat.QDPX, out, codebook, 0);
    if (codebook == null) {
      assertEquals(List.of(), r.problems());
    }
    Map<String, byte[]> entries = RefiFixture.unzip(Files.readAllBytes(out));
    RefiFixture.validate(entries.get("project.qde"), "Project.xsd");
    for (Element s : elements(parse(entries.get("project.qde")), "TextSource")) {
      String path = s.getAttribute("plainTextPath");
      assertNotNull(entries.get("sources/" + path.substring("internal://".length())), path);
    }
    return parse(entries.get("project.qde"));
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static List<Element> elements(Document doc, String name) {
    NodeList nodes = doc.getElementsByTagNameNS(RefiXml.PROJECT_NS, name);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  /** name → guid of the exported elements called {@code element}. */
  private static Map<String, String> guidsByName(Document doc, String element) {
    Map<String, String> out = new TreeMap<>();
    elements(doc, element).forEach(e -> out.put(e.getAttribute("name"), e.getAttribute("guid")));
    return out;
  }

  private static Element caseNamed(Document doc, String name) {
    return elements(doc, "Case").stream()
        .filter(c -> c.getAttribute("name").equals(name))
        .findFirst()
        .orElse(null);
  }

  /** variable name → value of an exported case. */
  private static Map<String, String> variables(Document doc, Element c) {
    Map<String, String> names = new TreeMap<>();
    elements(doc, "Variable")
        .forEach(v -> names.put(v.getAttribute("guid"), v.getAttribute("name")));
    Map<String, String> out = new TreeMap<>();
    for (Element vv : RefiXml.children(c, "VariableValue")) {
      String ref = RefiXml.children(vv, "VariableRef").get(0).getAttribute("targetGUID");
      out.put(names.get(ref), RefiXml.children(vv, "TextValue").get(0).getTextContent());
    }
    return out;
  }

  @Test
  void anImportedCodeIsExportedUnderTheGuidItHadInTheTool() throws Exception {
    try (Quarry q = RefiImportTest.open(dir.resolve("index"))) {
      q.importProject(project());
      assertEquals(
          Map.of(
              "Relationships",
              RELATIONSHIPS,
              "Trust",
              TRUST,
              "Meetings & informal contact",
              MEETINGS,
              "Engaging the system",
              SYSTEM),
          guidsByName(export(q, null), "Code"));
    }
  }

  @Test
  void aCodingOfAnImportedCodeRefersToTheToolsGuid() throws Exception {
    try (Quarry q = RefiImportTest.open(dir.resolve("index"))) {
      q.importProject(project());
      Set<String> refs = new TreeSet<>();
      elements(export(q, null), "CodeRef").forEach(r -> refs.add(r.getAttribute("targetGUID")));
      assertEquals(Set.of(TRUST, MEETINGS, SYSTEM), refs);
    }
  }

  @Test
  void anImportedSourceIsExportedUnderTheGuidItHadInTheTool() throws Exception {
    try (Quarry q = RefiImportTest.open(dir.resolve("index"))) {
      q.importProject(project());
      assertEquals(
          Map.of(
              "Interview P01",
              "8d3f2a10-5b6c-4e7f-9a1b-2c3d4e5f6a7b",
              "Memo",
              "5ec00d00-0000-4000-8000-000000000000"),
          guidsByName(export(q, null), "TextSource"));
    }
  }

  @Test
  void anImportedCaseIsExportedUnderTheGuidItHadInTheTool() throws Exception {
    try (Quarry q = RefiImportTest.open(dir.resolve("index"))) {
      q.importProject(project());
      assertEquals(
          "ca5e0000-0000-4000-8000-000000000001",
          caseNamed(export(q, null), "P01").getAttribute("guid"));
    }
  }

  @Test
  void aCaseNoSourceRefersToIsExportedWithItsVariables() throws Exception {
    try (Quarry q = RefiImportTest.open(dir.resolve("index"))) {
      q.importProject(project(p02WithRole("Manager")));
      Document doc = export(q, null);
      Element p02 = caseNamed(doc, "P02");
      assertNotNull(p02, "the case without a source is exported");
      assertEquals("ca5e0000-0000-4000-8000-000000000002", p02.getAttribute("guid"));
      assertEquals(Map.of("role", "Manager"), variables(doc, p02));
      assertEquals(List.of(), RefiXml.children(p02, "SourceRef"));
    }
  }

  @Test
  void reImportingTheProjectReplacesTheKeptGuidsAndCases() throws Exception {
    try (Quarry q = RefiImportTest.open(dir.resolve("index"))) {
      q.importProject(project(p02WithRole("Manager")));
      String[] edits = p02WithRole("Director");
      q.importProject(
          project(
              edits[0],
              edits[1],
              "{A1B2C3D4-0001-4000-8000-000000000001}",
              "{A1B2C3D4-0001-4000-8000-0000000000ff}"));
      Document doc = export(q, null);
      assertEquals("a1b2c3d4-0001-4000-8000-0000000000ff", guidsByName(doc, "Code").get("Trust"));
      assertEquals(Map.of("role", "Director"), variables(doc, caseNamed(doc, "P02")));
    }
  }

  // a guard: a stale kept case must not outlive the project that had it
  @Test
  void aCaseTheReImportedProjectNoLongerHasIsNotExported() throws Exception {
    try (Quarry q = RefiImportTest.open(dir.resolve("index"))) {
      q.importProject(project(p02WithRole("Manager")));
      q.importProject(project(P02_CASE, ""));
      assertNull(caseNamed(export(q, null), "P02"));
    }
  }

  @Test
  void aCodeRenamedInTheToolKeepsItsGuidAndTheOldNameGetsAnotherOne() throws Exception {
    try (Quarry q = RefiImportTest.open(dir.resolve("index"))) {
      q.importProject(project());
      q.importProject(project("name=\"Trust\"", "name=\"Trust in GPs\""));
      Map<String, String> guids = guidsByName(export(q, null), "Code");
      assertEquals(TRUST, guids.get("Trust in GPs"));
      assertFalse(
          guids.get("Trust").equals(TRUST), "the code left from the first import: " + guids);
      assertEquals(guids.size(), new TreeSet<>(guids.values()).size(), "no GUID twice: " + guids);
    }
  }

  // a guard: an id that is no GUID would make the export invalid, so it is not kept
  @Test
  void aToolIdThatIsNoGuidIsReplacedByAGeneratedGuid() throws Exception {
    try (Quarry q = RefiImportTest.open(dir.resolve("index"))) {
      q.importProject(project("{A1B2C3D4-0001-4000-8000-000000000001}", "trust-code"));
      assertEquals(
          RefiGuids.of("code", "trust"), guidsByName(export(q, null), "Code").get("Trust"));
    }
  }

  // a guard: codes Quarry made keep the stable GUIDs of their ids, next to the imported ones
  @Test
  void aCodeFromACodebookWithoutGuidsGetsTheGuidGeneratedFromItsId() throws Exception {
    try (Quarry q = RefiImportTest.open(dir.resolve("index"))) {
      q.importProject(project());
      Codebook yaml =
          new Codebook(
              "YAML",
              null,
              List.of(new Code("trust", "Trust", null, null, List.of("trust"), null, null, 1.0)));
      assertEquals(
          Map.of("Trust", RefiGuids.of("code", "trust")), guidsByName(export(q, yaml), "Code"));
    }
  }

  @Test
  void aQdcCodebookKeepsTheToolsGuidsThroughACodebookExport() throws Exception {
    Path qdc = dir.resolve("tool.qdc");
    Files.writeString(
        qdc,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"NVivo\"><Codes>"
            + "<Code guid=\"{"
            + TRUST.toUpperCase(Locale.ROOT)
            + "}\" name=\"Trust\" isCodable=\"true\"/>"
            + "</Codes></CodeBook>\n");
    Codebook read = Quarry.codebook(qdc).codebook();
    byte[] out = QdcWriter.toBytes(read);
    RefiFixture.validate(out, "Codebook.xsd");
    assertTrue(
        new String(out, StandardCharsets.UTF_8).contains("guid=\"" + TRUST + "\""),
        new String(out, StandardCharsets.UTF_8));
  }
}
