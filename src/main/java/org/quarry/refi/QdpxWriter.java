package org.quarry.refi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.quarry.model.Case;
import org.quarry.model.CodeScore;
import org.quarry.model.CodeTree;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;
import org.quarry.model.Codings;
import org.quarry.model.Source;
import org.quarry.model.Span;
import org.quarry.output.OutputFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Exports a project as REFI-QDA ({@code .qdpx}, QDA-XML project 1.0).
 *
 * <p>The archive holds {@code project.qde} at its root and each source under a lowercase {@code
 * sources/} folder as UTF-8 plain text without BOM, named {@code <guid>.txt} and referenced as
 * {@code internal://<guid>.txt}. The exported text is {@link Source#text()}, Quarry's normalised
 * text. Codings carry offsets in code points of the file as read (like passages); they are
 * converted through the inverse of {@link Source#offsets()} to code points of the exported text, so
 * every {@code PlainTextSelection}'s {@code startPosition} and {@code endPosition} (code points
 * from 0) cut out exactly the passage's text.
 *
 * <p>Each coding becomes one {@code PlainTextSelection} carrying one {@code Coding} with a {@code
 * CodeRef}; a suggested coding's selection says so, with its score, in {@code Description}, since
 * the schema has neither, and {@link QdpxReader} reads it back as a suggestion. A code whose id an
 * import would not make from its name says its id in its description ({@link RefiNotes}), so it
 * keeps the id through a tool that mints new GUIDs on export. Cases carry their attributes as
 * {@code Text} variables and refer to the sources whose {@code participant} metadata names them (a
 * case with no source is listed all the same). A code, case or source imported from a QDA tool
 * keeps the GUID it had there ({@link org.quarry.model.Code#guid()}, {@link Case#guid()}, the
 * source's {@link RefiGuids#SOURCE_METADATA_KEY} metadata), so the tool finds its own items again;
 * every other GUID is a UUID v5 of the id ({@link RefiGuids}), stable across runs. ZIP entries
 * carry a fixed time, so the same input gives the same bytes. One user, "Quarry", is listed as the
 * creator of every selection.
 */
public final class QdpxWriter {
  private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2020, 1, 1, 0, 0);

  private final String projectName;

  /** A writer for a project called {@code projectName}. */
  public QdpxWriter(String projectName) {
    this.projectName = Objects.requireNonNull(projectName, "projectName");
  }

  /** Writes the archive to {@code file}; returns the codings left out, each with its reason. */
  public List<String> write(
      Path file, List<Source> sources, Codebook codebook, List<Coding> codings, List<Case> cases)
      throws IOException {
    List<List<String>> leftOut = new java.util.ArrayList<>(1);
    OutputFile.write(file, out -> leftOut.add(write(out, sources, codebook, codings, cases)));
    return leftOut.get(0);
  }

  /**
   * Writes the archive to {@code out} (left open).
   *
   * @return the codings left out (unknown source or code, offsets past the end), each with why
   */
  public List<String> write(
      OutputStream out,
      List<Source> sources,
      Codebook codebook,
      List<Coding> codings,
      List<Case> cases)
      throws IOException {
    List<String> problems = new ArrayList<>();
    String user = RefiGuids.of("user", "quarry");
    Document doc = RefiXml.builder().newDocument();
    String ns = RefiXml.PROJECT_NS;
    Element project = doc.createElementNS(ns, "Project");
    project.setAttribute("name", RefiXml.clean(projectName));
    project.setAttribute("origin", "Quarry");
    project.setAttribute("creatingUserGUID", user);
    doc.appendChild(project);

    Element users = RefiXml.child(doc, project, ns, "Users");
    Element u = RefiXml.child(doc, users, ns, "User");
    u.setAttribute("guid", user);
    u.setAttribute("name", "Quarry");

    CodeTree tree = new CodeTree(codebook);
    UsedGuids guids = new UsedGuids();
    Map<String, String> codeGuid = new HashMap<>();
    if (!codebook.codes().isEmpty()) {
      Element cb = RefiXml.child(doc, project, ns, "CodeBook");
      codeGuid = RefiCodes.appendCodes(doc, cb, ns, codebook, guids, true);
    }

    TreeSet<String> variableNames = new TreeSet<>();
    for (Case c : cases) {
      variableNames.addAll(c.attributes().keySet());
    }
    if (!variableNames.isEmpty()) {
      Element vars = RefiXml.child(doc, project, ns, "Variables");
      for (String name : variableNames) {
        Element v = RefiXml.child(doc, vars, ns, "Variable");
        v.setAttribute("guid", RefiGuids.of("variable", name));
        v.setAttribute("name", RefiXml.clean(name));
        v.setAttribute("typeOfVariable", "Text");
      }
    }
    Map<String, String> sourceGuid = new LinkedHashMap<>();
    for (Source s : sources) {
      if (sourceGuid.containsKey(s.id())) {
        throw new IllegalArgumentException("source id " + s.id() + " is given twice");
      }
      sourceGuid.put(
          s.id(), guids.take(s.metadata().get(RefiGuids.SOURCE_METADATA_KEY), "source", s.id()));
    }
    if (!cases.isEmpty()) {
      Element casesEl = RefiXml.child(doc, project, ns, "Cases");
      List<Case> ordered = new ArrayList<>(cases);
      ordered.sort((a, b) -> a.id().compareTo(b.id()));
      for (Case c : ordered) {
        Element ce = RefiXml.child(doc, casesEl, ns, "Case");
        ce.setAttribute("guid", guids.take(c.guid(), "case", c.id()));
        ce.setAttribute("name", RefiXml.clean(c.id()));
        for (Map.Entry<String, String> a : c.attributes().entrySet()) {
          Element vv = RefiXml.child(doc, ce, ns, "VariableValue");
          RefiXml.child(doc, vv, ns, "VariableRef")
              .setAttribute("targetGUID", RefiGuids.of("variable", a.getKey()));
          RefiXml.child(doc, vv, ns, "TextValue").setTextContent(RefiXml.clean(a.getValue()));
        }
        for (Source s : sources) {
          if (c.id().equals(s.metadata().get("participant"))) {
            RefiXml.child(doc, ce, ns, "SourceRef")
                .setAttribute("targetGUID", sourceGuid.get(s.id()));
          }
        }
      }
    }

    Map<String, List<Coding>> bySource = new HashMap<>();
    List<Coding> ordered = new ArrayList<>(codings);
    ordered.sort(Codings.ORDER);
    for (Coding c : ordered) {
      if (!sourceGuid.containsKey(c.source())) {
        problems.add(c.spanId() + " " + c.code() + ": source " + c.source() + " is not exported");
      } else if (tree.code(c.code()).isEmpty()) {
        problems.add(c.spanId() + " " + c.code() + ": the code is not in the codebook");
      } else {
        bySource.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(c);
      }
    }
    if (!sources.isEmpty()) {
      Element sourcesEl = RefiXml.child(doc, project, ns, "Sources");
      Map<String, Integer> seen = new HashMap<>();
      for (Source s : sources) {
        String guid = sourceGuid.get(s.id());
        Element ts = RefiXml.child(doc, sourcesEl, ns, "TextSource");
        ts.setAttribute("guid", guid);
        ts.setAttribute("name", RefiXml.clean(s.id()));
        ts.setAttribute("plainTextPath", "internal://" + guid + ".txt");
        ts.setAttribute("creatingUser", user);
        ExportOffsets offsets = new ExportOffsets(s);
        int[] cps = s.text().codePoints().toArray();
        for (Coding c : bySource.getOrDefault(s.id(), List.of())) {
          Span span;
          try {
            span = offsets.toExported(c.start(), c.end());
          } catch (IllegalArgumentException e) {
            problems.add(c.spanId() + " " + c.code() + ": " + e.getMessage());
            continue;
          }
          String key = c.spanId() + ":" + c.code();
          int n = seen.merge(key, 1, Integer::sum);
          if (n > 1) {
            key = key + "#" + n;
          }
          Element sel = RefiXml.child(doc, ts, ns, "PlainTextSelection");
          sel.setAttribute("guid", RefiGuids.of("selection", key));
          sel.setAttribute("name", RefiXml.clean(label(cps, span)));
          sel.setAttribute("startPosition", Integer.toString(span.start()));
          sel.setAttribute("endPosition", Integer.toString(span.end()));
          sel.setAttribute("creatingUser", user);
          if (CodeScore.SUGGESTED.equals(c.origin())) {
            RefiXml.child(doc, sel, ns, "Description")
                .setTextContent(RefiNotes.suggestion(c.score()));
          }
          Element coding = RefiXml.child(doc, sel, ns, "Coding");
          coding.setAttribute("guid", RefiGuids.of("coding", key));
          coding.setAttribute("creatingUser", user);
          RefiXml.child(doc, coding, ns, "CodeRef")
              .setAttribute("targetGUID", codeGuid.get(c.code()));
        }
      }
    }

    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    put(zip, "project.qde", RefiXml.serialise(doc));
    for (Source s : sources) {
      put(
          zip,
          "sources/" + sourceGuid.get(s.id()) + ".txt",
          s.text().getBytes(StandardCharsets.UTF_8));
    }
    zip.finish();
    return List.copyOf(problems);
  }

  private static String label(int[] cps, Span span) {
    int end = Math.min(span.end(), span.start() + 60);
    String s = new String(cps, span.start(), end - span.start()).replaceAll("\\s+", " ").strip();
    return end < span.end() ? s + "…" : s;
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTimeLocal(ZIP_TIME);
    zip.putNextEntry(e);
    zip.write(bytes);
    zip.closeEntry();
  }
}
