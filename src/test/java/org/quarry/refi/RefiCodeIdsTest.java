package org.quarry.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.Quarry;
import org.quarry.model.Code;
import org.quarry.model.CodeTree;
import org.quarry.model.Codebook;
import org.quarry.report.MatrixFixture;

/**
 * Code ids through a QDA tool that mints new GUIDs on every export (QualCoder does): a code keeps
 * the id it has in the index, found by its name and place in the tree, or by the id Quarry wrote
 * with it, rather than becoming a slug of its name.
 */
class RefiCodeIdsTest {
  private static final String ENGAGING =
      "<Code guid=\"{A1B2C3D4-0001-4000-8000-000000000003}\" name=\"Engaging the system\" isCodable=\"true\" color=\"#1F77B4\"/>";
  private static final String MEETINGS =
      "<Code guid=\"{a1b2c3d4-0001-4000-8000-000000000002}\" name=\"Meetings &amp; informal contact\" isCodable=\"true\"/>";
  private static final String ENGAGING_WITH_OTHER =
      "<Code guid=\"{A1B2C3D4-0001-4000-8000-000000000003}\" name=\"Engaging the system\" isCodable=\"true\">"
          + "<Code guid=\"{A1B2C3D4-0001-4000-8000-0000000000e1}\" name=\"Other\" isCodable=\"true\"/></Code>";
  private static final String OTHER_OF_RELATIONSHIPS =
      "<Code guid=\"{A1B2C3D4-0001-4000-8000-0000000000e2}\" name=\"Other\" isCodable=\"true\"/>";

  @TempDir Path dir;

  /** The NVivo-like project with {@code edits} (search → replacement) applied to its .qde. */
  private Map<String, byte[]> project(String... edits) throws IOException {
    Map<String, byte[]> entries =
        new LinkedHashMap<>(RefiFixture.unzip(RefiFixture.nvivoLike("project.qde")));
    String qde = new String(entries.get("Interview study.qde"), StandardCharsets.UTF_8);
    for (int i = 0; i < edits.length; i += 2) {
      if (!qde.contains(edits[i])) {
        throw new IllegalStateException("the fixture has no " + edits[i]);
      }
      qde = qde.replace(edits[i], edits[i + 1]);
    }
    entries.put("Interview study.qde", qde.getBytes(StandardCharsets.UTF_8));
    return entries;
  }

  private Path file(String name, Map<String, byte[]> entries) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, RefiFixture.zip(entries));
    return file;
  }

  /** "parent name/name" → id of every code the index knows. */
  private static Map<String, String> idsByPath(Quarry q) {
    return idsByPath(q.knownCodes());
  }

  /** "parent name/name" → id of every code of {@code book}. */
  private static Map<String, String> idsByPath(Codebook book) {
    CodeTree tree = new CodeTree(book);
    Map<String, String> out = new TreeMap<>();
    for (Code c : tree.preorder()) {
      String parent = c.parent() == null ? "" : tree.code(c.parent()).orElseThrow().name();
      out.put(parent + "/" + c.name(), c.id());
    }
    return out;
  }

  @Test
  void aCodeWhoseGuidWasRegeneratedKeepsTheIdOfTheKeptCodeWithItsNameAndParent()
      throws IOException {
    // two codes called Other; the tool lists them the other way round on its next export
    String[] twoOthers = {
      ENGAGING, ENGAGING_WITH_OTHER, MEETINGS, MEETINGS + OTHER_OF_RELATIONSHIPS
    };
    try (Quarry q = RefiImportTest.open(dir.resolve("index"))) {
      q.importProject(file("Interview study.qdpx", project(twoOthers)));
      Map<String, String> before = idsByPath(q);
      assertEquals("other", before.get("Relationships/Other"));
      assertEquals("other-2", before.get("Engaging the system/Other"));

      Map<String, byte[]> reordered =
          project(twoOthers[0], twoOthers[1], twoOthers[2], twoOthers[3]);
      String qde = new String(reordered.get("Interview study.qde"), StandardCharsets.UTF_8);
      qde =
          qde.replace(ENGAGING_WITH_OTHER, "").replace("<Codes>", "<Codes>" + ENGAGING_WITH_OTHER);
      reordered.put("Interview study.qde", qde.getBytes(StandardCharsets.UTF_8));
      q.importProject(file("Interview study.qdpx", RefiFixture.regenerateGuids(reordered)));
      assertEquals(before, idsByPath(q));
    }
  }

  @Test
  void aCodeQuarryNamedOtherwiseThanItsIdKeepsItsIdThroughAToolThatRegeneratesGuids()
      throws IOException {
    Path out = dir.resolve("quarry.qdpx");
    new QdpxWriter("Fixture")
        .write(
            out,
            RefiFixture.SOURCES,
            MatrixFixture.CODEBOOK,
            RefiFixture.CODINGS,
            RefiFixture.CASES);
    Map<String, byte[]> tool =
        RefiFixture.regenerateGuids(RefiFixture.unzip(Files.readAllBytes(out)));
    try (Quarry q = RefiImportTest.open(dir.resolve("fresh"))) {
      q.importProject(file("tool.qdpx", tool));
      assertEquals(idsByPath(MatrixFixture.CODEBOOK), idsByPath(q));
    }
  }

  // a guard: the id Quarry writes with a code is read back, not left in its description
  @Test
  void theIdQuarryWritesWithACodeStaysOutOfItsDescription() throws IOException {
    Path out = dir.resolve("quarry.qdpx");
    new QdpxWriter("Fixture")
        .write(
            out,
            RefiFixture.SOURCES,
            MatrixFixture.CODEBOOK,
            RefiFixture.CODINGS,
            RefiFixture.CASES);
    ImportedProject p = QdpxReader.read(out);
    for (Code c : MatrixFixture.CODEBOOK.codes()) {
      assertEquals(c.description(), p.codebook().code(c.id()).orElseThrow().description());
    }
  }

  // a guard: a code whose name the tool changed is a new code, as before
  @Test
  void aCodeRenamedInAToolThatRegeneratesGuidsIsANewCode() throws IOException {
    try (Quarry q = RefiImportTest.open(dir.resolve("index"))) {
      q.importProject(file("Interview study.qdpx", project()));
      q.importProject(
          file(
              "Interview study.qdpx",
              RefiFixture.regenerateGuids(project("name=\"Trust\"", "name=\"Trust in GPs\""))));
      Map<String, String> ids = idsByPath(q);
      assertEquals("trust", ids.get("Relationships/Trust"));
      assertEquals("trust-in-gps", ids.get("Relationships/Trust in GPs"));
    }
  }

  // QualCoder imports a code with children as a category holding a code of the same name, and
  // gives both the code's memo; the codings are on the inner code
  @Test
  void aNotedIdGoesToTheCodableCodeWhenACategoryOfTheSameNameHasItToo() throws IOException {
    Codebook book =
        new Codebook(
            "Split",
            null,
            List.of(
                new Code("rel", "Relationships", "How people relate", null, null, null, null, 1.0),
                new Code("trust", "Trust", null, "rel", null, null, null, 1.0)));
    Path out = dir.resolve("quarry.qdpx");
    new QdpxWriter("Split")
        .write(
            out,
            RefiFixture.SOURCES,
            book,
            List.of(RefiFixture.coding(RefiFixture.CAFE, "rel", 1.0, "human")),
            List.of());
    Map<String, byte[]> entries = RefiFixture.unzip(Files.readAllBytes(out));
    String qde = new String(entries.get("project.qde"), StandardCharsets.UTF_8);
    int a = qde.indexOf("<Code ");
    int b = qde.indexOf("</Description>", a) + "</Description>".length();
    String outer = qde.substring(a, qde.indexOf(">", a) + 1);
    String description = qde.substring(qde.indexOf("<Description>", a), b);
    String category =
        outer
            .replace("isCodable=\"true\"", "isCodable=\"false\"")
            .replaceFirst("guid=\"[^\"]+\"", "guid=\"0c0c0c0c-0000-4000-8000-000000000001\"");
    qde =
        qde.substring(0, a)
            + category
            + description
            + outer
            + description
            + "</Code>"
            + qde.substring(b);
    entries.put("project.qde", qde.getBytes(StandardCharsets.UTF_8));
    ImportedProject p =
        QdpxReader.read(new java.io.ByteArrayInputStream(RefiFixture.zip(entries)), "split.qdpx");
    Code rel = p.codebook().code("rel").orElseThrow();
    assertEquals(
        "Relationships",
        p.codebook().code(rel.parent()).orElseThrow().name(),
        "under the category");
    assertEquals(List.of("rel"), p.codings().stream().map(c -> c.code()).toList());
  }
}
