package org.quarry.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.analysis.LemmaAnnotator;
import org.quarry.api.Analysis;
import org.quarry.api.ExportFormat;
import org.quarry.api.ExportReport;
import org.quarry.api.IndexProgress;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;
import org.quarry.index.DuplicateFinder;
import org.quarry.index.Indexer;
import org.quarry.model.Code;
import org.quarry.model.CodeScore;
import org.quarry.model.Codebook;
import org.quarry.model.Hit;
import org.quarry.model.SearchRequest;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Exporting the seeds as REFI-QDA: the project validates against the official schema and every
 * selection cuts out of the exported source exactly the text of the passage it was made from.
 */
class SeedsExportTest {
  @TempDir static Path dir;

  static final Codebook CODEBOOK =
      new Codebook(
          "Seeds test codebook",
          null,
          List.of(
              new Code(
                  "system", "Engaging the system", "ICS and PCNs", null, null, null, null, 1.0),
              new Code("voice", "One voice", "Speaking together", "system", null, null, null, 1.0),
              new Code(
                  "workforce", "Workforce", "Staff and workload", null, null, null, null, 1.0)));

  // code id -> the query that picks its passages; scores fall with rank so --min-score bites
  static final Map<String, String> PICKS =
      Map.of("voice", "voice", "system", "ICS OR PCN*", "workforce", "workload OR staff*");

  static Map<String, List<CodeScore>> coded = new TreeMap<>();
  static Map<String, Hit> hits = new HashMap<>();

  @BeforeAll
  static void indexAndCodeTheSeeds() throws Exception {
    Path index = dir.resolve("index");
    try (Quarry q = Quarry.open(index, Analysis.UNTAGGED)) {
      q.index(IndexRequest.of(Path.of("seeds")), IndexProgress.NONE);
      for (Map.Entry<String, String> e : new TreeMap<>(PICKS).entrySet()) {
        List<Hit> top = q.search(SearchRequest.builder(e.getValue()).limit(8).build()).hits();
        for (int i = 0; i < top.size(); i++) {
          coded
              .computeIfAbsent(top.get(i).passage().id(), k -> new ArrayList<>())
              .add(new CodeScore(e.getKey(), 0.9 - 0.1 * i, CodeScore.SUGGESTED));
          hits.put(top.get(i).passage().id(), top.get(i));
        }
      }
    }
    try (Indexer indexer = Indexer.open(index, LemmaAnnotator.untagged(), DuplicateFinder.none())) {
      indexer.setCodes(coded);
    }
  }

  private static List<String> selections(byte[] qdpx) throws Exception {
    Map<String, byte[]> entries = RefiFixture.unzip(qdpx);
    RefiFixture.validate(entries.get("project.qde"), "Project.xsd");
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc =
        f.newDocumentBuilder().parse(new ByteArrayInputStream(entries.get("project.qde")));
    Map<String, String> codeNames = new HashMap<>();
    NodeList codes = doc.getElementsByTagNameNS(RefiXml.PROJECT_NS, "Code");
    for (int i = 0; i < codes.getLength(); i++) {
      Element c = (Element) codes.item(i);
      codeNames.put(c.getAttribute("guid"), c.getAttribute("name"));
    }
    List<String> out = new ArrayList<>();
    NodeList sources = doc.getElementsByTagNameNS(RefiXml.PROJECT_NS, "TextSource");
    for (int i = 0; i < sources.getLength(); i++) {
      Element s = (Element) sources.item(i);
      String path = s.getAttribute("plainTextPath");
      assertTrue(path.startsWith("internal://"), path);
      byte[] bytes = entries.get("sources/" + path.substring("internal://".length()));
      assertTrue(
          bytes.length < 3 || !(bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB), "no BOM");
      int[] cps = new String(bytes, StandardCharsets.UTF_8).codePoints().toArray();
      NodeList sels = s.getElementsByTagNameNS(RefiXml.PROJECT_NS, "PlainTextSelection");
      for (int k = 0; k < sels.getLength(); k++) {
        Element sel = (Element) sels.item(k);
        int a = Integer.parseInt(sel.getAttribute("startPosition"));
        int b = Integer.parseInt(sel.getAttribute("endPosition"));
        Element ref = (Element) sel.getElementsByTagNameNS(RefiXml.PROJECT_NS, "CodeRef").item(0);
        out.add(
            s.getAttribute("name")
                + " | "
                + codeNames.get(ref.getAttribute("targetGUID"))
                + " | "
                + new String(cps, a, b - a));
      }
    }
    out.sort(null);
    return out;
  }

  private static List<String> expected(double minScore) {
    List<String> out = new ArrayList<>();
    coded.forEach(
        (id, codes) -> {
          for (CodeScore c : codes) {
            if (c.score() >= minScore) {
              out.add(
                  hits.get(id).passage().source()
                      + " | "
                      + CODEBOOK.code(c.code()).orElseThrow().name()
                      + " | "
                      + hits.get(id).passage().text());
            }
          }
        });
    out.sort(null);
    return out;
  }

  @Test
  void everySelectionCutsOutTheTextOfThePassageItCameFrom() throws Exception {
    try (Quarry q = Quarry.open(dir.resolve("index"), Analysis.UNTAGGED)) {
      ExportReport r = q.export(ExportFormat.QDPX, dir.resolve("seeds.qdpx"), CODEBOOK, 0);
      assertEquals(List.of(), r.problems());
      List<String> got = selections(Files.readAllBytes(dir.resolve("seeds.qdpx")));
      assertTrue(got.size() >= 12, "the picks coded a fair number of passages: " + got.size());
      assertEquals(expected(0), got);
    }
  }

  @Test
  void minScoreLeavesOutTheWeakerCodings() throws Exception {
    try (Quarry q = Quarry.open(dir.resolve("index"), Analysis.UNTAGGED)) {
      q.export(ExportFormat.QDPX, dir.resolve("strong.qdpx"), CODEBOOK, 0.65);
      List<String> got = selections(Files.readAllBytes(dir.resolve("strong.qdpx")));
      assertEquals(expected(0.65), got);
      assertTrue(got.size() < expected(0).size());
    }
  }

  @Test
  void withoutACodebookTheCodeIdsFoundInTheIndexAreTheCodes() throws Exception {
    try (Quarry q = Quarry.open(dir.resolve("index"), Analysis.UNTAGGED)) {
      assertEquals(
          List.of("system", "voice", "workforce"),
          q.knownCodes().codes().stream().map(Code::id).toList());
      ExportReport r = q.export(ExportFormat.QDPX, dir.resolve("plain.qdpx"), null, 0);
      assertEquals(List.of(), r.problems());
      assertEquals(
          expected(0).size(), selections(Files.readAllBytes(dir.resolve("plain.qdpx"))).size());
    }
  }
}
