package org.quarry.refi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.quarry.model.Case;
import org.quarry.model.Code;
import org.quarry.model.CodeScore;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;
import org.quarry.model.Codings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Imports a REFI-QDA project ({@code .qdpx}) as written by NVivo, MAXQDA, ATLAS.ti, QualCoder or
 * {@link QdpxWriter}.
 *
 * <p>Tolerates what tools actually write: any {@code *.qde} at the archive root, the sources folder
 * in any letter case ({@code sources/}, {@code Sources/}), GUIDs in braces or upper case, a UTF-8
 * BOM in the {@code .qde} or in a source, CRLF line endings, and text given inline as {@code
 * PlainTextContent}. Source texts are read as UTF-8; line endings become LF.
 *
 * <p>Positions: REFI-QDA counts code points from 0, but tools differ on whether a CRLF counts as
 * one character or two, and some count UTF-16 units. For each source the reader tries each reading
 * and keeps the one under which most selections fall in range and begin and end on word boundaries
 * (ties go to the standard reading: code points, CR counted); the choice is in {@link
 * ImportedSource#positions()}. Codings come back in code points of the LF text.
 *
 * <p>A coding that cannot be placed (unknown code, position out of range, source text missing) is
 * left out and reported in {@link ImportedProject#problems()} with its reason. Non-codable codes
 * stay in the codebook tree. Only text sources are imported; others are reported, and so is a
 * case's reference to a source the project does not have. A selection whose description still marks
 * it as a Quarry suggestion ({@link QdpxWriter}) is read as that suggestion, with its score, not as
 * a person's coding.
 *
 * <p>Code ids. Tools keep a code's name and description, but not all keep its GUID (QualCoder mints
 * every GUID anew on export). A code gets, in this order: the id Quarry wrote in its description (a
 * codable code before a non-codable one that has the same); the id of the known code (the tree an
 * index keeps from earlier imports) with its GUID, if that one has the same name and parent path
 * (the names from the root down); when its GUID is one the known tree does not have, the id of the
 * first known code with the same name and parent path; else a slug of its name, numbered when
 * taken. So a code whose GUID is known but whose name or place changed (renamed or moved in the
 * tool) gets a new id, while the old id stays with the known tree. Each id goes to one code of the
 * project.
 */
public final class QdpxReader {
  private QdpxReader() {}

  /**
   * The code id a code of this name gets (before a number is added to tell equal names apart):
   * accents dropped, lower case, runs of other characters as '-'; "code" when nothing is left.
   */
  public static String slug(String name) {
    String base =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}]+", "-")
            .replaceAll("^-+|-+$", "");
    return base.isEmpty() ? "code" : base;
  }

  /** Reads the archive at {@code file}, with no known code tree. */
  public static ImportedProject read(Path file) throws IOException {
    return read(file, null);
  }

  /**
   * Reads the archive at {@code file}; its codes take the ids of the codes of {@code known} (the
   * tree an index keeps from earlier imports; null when none) they match, as the class comment
   * says.
   */
  public static ImportedProject read(Path file, Codebook known) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), known);
    }
  }

  /**
   * Reads an archive from {@code in}, with no known code tree.
   *
   * @param what the archive's name, for messages
   * @throws IOException when the archive has no {@code .qde} at its root or it is not XML
   */
  public static ImportedProject read(InputStream in, String what) throws IOException {
    return read(in, what, null);
  }

  /**
   * Reads an archive from {@code in}, its codes matched to {@code known} (null: none).
   *
   * @param what the archive's name, for messages
   * @throws IOException when the archive has no {@code .qde} at its root or it is not XML
   */
  public static ImportedProject read(InputStream in, String what, Codebook known)
      throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    List<String> qdes = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.isDirectory()) {
          continue;
        }
        String name = e.getName().replace('\\', '/');
        entries.put(name.toLowerCase(Locale.ROOT), zip.readAllBytes());
        if (!name.contains("/") && name.toLowerCase(Locale.ROOT).endsWith(".qde")) {
          qdes.add(name.toLowerCase(Locale.ROOT));
        }
      }
    }
    if (qdes.isEmpty()) {
      throw new IOException(
          what
              + ": no .qde project file at the root of the archive; "
              + "is this a REFI-QDA .qdpx export?");
    }
    if (qdes.size() > 1) {
      throw new IOException(
          what + ": several .qde files at the root (" + qdes + "); a .qdpx holds one project");
    }
    Document doc = RefiXml.parse(entries.get(qdes.get(0)), what + "!" + qdes.get(0));
    return new Import(what, entries, new KnownCodes(known)).run(doc.getDocumentElement());
  }

  /** One import's state. */
  private static final class Import {
    private final String what;
    private final Map<String, byte[]> entries;
    private final KnownCodes known;
    private final List<String> problems = new ArrayList<>();
    private final List<Code> codes = new ArrayList<>();
    private final List<Coding> suggestions = new ArrayList<>();
    private final List<String[]> sourceRefs = new ArrayList<>();
    private final Map<String, String> codeIdByGuid = new HashMap<>();
    private final Set<String> usedIds = new HashSet<>();
    private final Map<String, String> variableByGuid = new HashMap<>();
    private final Map<String, String> caseBySourceGuid = new HashMap<>();

    Import(String what, Map<String, byte[]> entries, KnownCodes known) {
      this.what = what;
      this.entries = entries;
      this.known = known;
    }

    ImportedProject run(Element project) {
      Element codeBook = RefiXml.first(project, "CodeBook");
      if (codeBook != null && RefiXml.first(codeBook, "Codes") != null) {
        readCodes(RefiXml.first(codeBook, "Codes"));
      }
      Element vars = RefiXml.first(project, "Variables");
      if (vars != null) {
        for (Element v : RefiXml.children(vars, "Variable")) {
          variableByGuid.put(RefiGuids.normalise(v.getAttribute("guid")), v.getAttribute("name"));
        }
      }
      List<Case> cases = new ArrayList<>();
      Element casesEl = RefiXml.first(project, "Cases");
      if (casesEl != null) {
        for (Element c : RefiXml.children(casesEl, "Case")) {
          cases.add(readCase(c));
        }
      }
      List<ImportedSource> sources = new ArrayList<>();
      List<Coding> codings = new ArrayList<>();
      Set<String> names = new HashSet<>();
      Set<String> sourceGuids = new HashSet<>();
      Element sourcesEl = RefiXml.first(project, "Sources");
      if (sourcesEl != null) {
        for (Node n = sourcesEl.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (!(n instanceof Element e)) {
            continue;
          }
          sourceGuids.add(RefiGuids.normalise(e.getAttribute("guid")));
          if (RefiXml.local(e).equals("TextSource")) {
            readSource(e, e, names, sources, codings);
            continue;
          }
          String kind = RefiXml.local(e);
          Element text = RefiXml.first(e, "Representation");
          if (text != null) {
            // a PDF (or picture) with the text the tool extracted: that text is imported under
            // the source's own name and GUID; selections by page geometry cannot be placed in it
            readSource(text, e, names, sources, codings);
            for (Element sel : RefiXml.children(e, "PDFSelection")) {
              for (int k = 0; k < RefiXml.children(sel, "Coding").size(); k++) {
                problems.add(
                    kind
                        + " '"
                        + e.getAttribute("name")
                        + "' PDF selection on page "
                        + sel.getAttribute("page")
                        + ": left out, a selection by position on the page"
                        + " has no place in the text; code the text representation instead");
              }
            }
            continue;
          }
          int lost = countCodings(e);
          problems.add(
              kind
                  + " '"
                  + e.getAttribute("name")
                  + "' skipped: only text sources and"
                  + " sources with a text representation are imported"
                  + (lost == 0 ? "" : " (" + lost + " coding(s) left out with it)"));
        }
      }
      for (String[] ref : sourceRefs) {
        if (!sourceGuids.contains(ref[1])) {
          problems.add(
              "case "
                  + ref[0]
                  + ": refers to source {"
                  + ref[1]
                  + "}, which the project"
                  + " does not have; the reference is left out (re-export the project from the tool)");
        }
      }
      codings.sort(Codings.ORDER);
      suggestions.sort(Codings.ORDER);
      Map<String, String> caseOf = new LinkedHashMap<>();
      for (ImportedSource s : sources) {
        String c = caseBySourceGuid.get(s.guid());
        if (c != null) {
          caseOf.put(s.name(), c);
        }
      }
      String name = RefiXml.attr(project, "name");
      return new ImportedProject(
          sources,
          new Codebook(name == null ? what : name, null, codes),
          codings,
          suggestions,
          cases,
          caseOf,
          problems);
    }

    /** The project's code tree, ids given as the class comment says. */
    private void readCodes(Element codesEl) {
      List<ProjectCode> read = new ArrayList<>();
      for (Element c : RefiXml.children(codesEl, "Code")) {
        collect(c, -1, List.of(), read);
      }
      String[] ids = new String[read.size()];
      // every way of keeping an id claims before any slug is minted, so a slug cannot take the
      // id a later code of the project keeps. A noted id goes to a codable code first: QualCoder
      // splits a code with children into a category and a code under it, both with its memo
      for (boolean codable : new boolean[] {true, false}) {
        for (int i = 0; i < ids.length; i++) {
          String noted = RefiNotes.codeId(read.get(i).description());
          if (read.get(i).codable() == codable && noted != null && usedIds.add(noted)) {
            ids[i] = noted;
          }
        }
      }
      for (int i = 0; i < ids.length; i++) {
        String same = known.sameGuidAndPlace(read.get(i).guid(), read.get(i).path());
        if (ids[i] == null && same != null && usedIds.add(same)) {
          ids[i] = same;
        }
      }
      for (int i = 0; i < ids.length; i++) {
        if (ids[i] == null && !known.hasGuid(read.get(i).guid())) {
          for (String id : known.atPlace(read.get(i).path())) {
            if (usedIds.add(id)) {
              ids[i] = id;
              break;
            }
          }
        }
      }
      for (int i = 0; i < ids.length; i++) {
        ProjectCode c = read.get(i);
        if (ids[i] == null) {
          ids[i] = uniqueId(c.name().isBlank() ? c.guid() : c.name());
        }
        codeIdByGuid.put(c.guid(), ids[i]);
        // the tool's GUID goes back out with the code, so the tool sees its own code again
        codes.add(
            new Code(
                ids[i],
                c.name(),
                RefiNotes.withoutCodeId(c.description()),
                c.parent() < 0 ? null : ids[c.parent()],
                null,
                null,
                null,
                1.0,
                RefiGuids.kept(c.guid())));
      }
    }

    // the codes in preorder, each with the index of its parent and the names from the root down
    private static void collect(Element e, int parent, List<String> above, List<ProjectCode> out) {
      String name = e.getAttribute("name");
      Element d = RefiXml.first(e, "Description");
      List<String> path = new ArrayList<>(above);
      path.add(KnownCodes.key(name));
      out.add(
          new ProjectCode(
              RefiGuids.normalise(e.getAttribute("guid")),
              name,
              d == null ? null : d.getTextContent(),
              !"false".equals(e.getAttribute("isCodable").strip()),
              parent,
              List.copyOf(path)));
      int self = out.size() - 1;
      for (Element c : RefiXml.children(e, "Code")) {
        collect(c, self, path, out);
      }
    }

    private String uniqueId(String name) {
      String base = slug(name);
      String id = base;
      for (int i = 2; !usedIds.add(id); i++) {
        id = base + "-" + i;
      }
      return id;
    }

    private Case readCase(Element c) {
      String name = RefiXml.attr(c, "name");
      String id =
          name == null || name.isBlank() ? RefiGuids.normalise(c.getAttribute("guid")) : name;
      Map<String, String> attrs = new TreeMap<>();
      for (Element vv : RefiXml.children(c, "VariableValue")) {
        Element ref = RefiXml.first(vv, "VariableRef");
        String var =
            ref == null
                ? null
                : variableByGuid.get(RefiGuids.normalise(ref.getAttribute("targetGUID")));
        if (var == null) {
          problems.add("case " + id + ": a variable value refers to an unknown variable");
          continue;
        }
        for (Node n = vv.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n instanceof Element v && RefiXml.local(v).endsWith("Value")) {
            attrs.put(var, v.getTextContent().strip());
          }
        }
      }
      for (Element ref : RefiXml.children(c, "SourceRef")) {
        String source = RefiGuids.normalise(ref.getAttribute("targetGUID"));
        sourceRefs.add(new String[] {id, source});
        String other = caseBySourceGuid.putIfAbsent(source, id);
        if (other != null && !other.equals(id)) {
          problems.add(
              "case "
                  + id
                  + ": source {"
                  + source
                  + "} already belongs to case "
                  + other
                  + "; it stays with "
                  + other);
        }
      }
      return new Case(id, attrs, RefiGuids.kept(c.getAttribute("guid")));
    }

    private static int countCodings(Element e) {
      int n = 0;
      for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
        if (c instanceof Element x) {
          n += (RefiXml.local(x).equals("Coding") ? 1 : 0) + countCodings(x);
        }
      }
      return n;
    }

    // e holds the text and its selections; named holds the source's GUID and name (the same
    // element for a text source, the PDF around it for a text representation)
    private void readSource(
        Element e,
        Element named,
        Set<String> names,
        List<ImportedSource> sources,
        List<Coding> codings) {
      String guid = RefiGuids.normalise(named.getAttribute("guid"));
      String name = RefiXml.attr(named, "name");
      if (name == null || name.isBlank()) {
        name = guid;
      }
      String unique = name;
      for (int i = 2; !names.add(unique); i++) {
        unique = name + " (" + i + ")";
      }
      if (!unique.equals(name)) {
        problems.add("source '" + name + "' appears twice; the second is named '" + unique + "'");
      }
      String tool;
      try {
        tool = sourceText(e, unique);
      } catch (IOException ex) {
        problems.add(ex.getMessage());
        for (Element s : RefiXml.children(e, "PlainTextSelection")) {
          for (int k = 0; k < RefiXml.children(s, "Coding").size(); k++) {
            problems.add(
                "source '"
                    + unique
                    + "' selection "
                    + RefiGuids.normalise(s.getAttribute("guid"))
                    + ": left out, the source text is missing");
          }
        }
        return;
      }
      ToolText tt = new ToolText(tool);
      List<Element> selections = RefiXml.children(e, "PlainTextSelection");
      List<long[]> positions = new ArrayList<>();
      for (Element s : selections) {
        positions.add(new long[] {number(s, "startPosition"), number(s, "endPosition")});
      }
      ToolText.Counting counting = tt.interpret(positions);
      sources.add(new ImportedSource(guid, unique, tt.text(), tt.offsets(), counting.label()));
      for (Element c : RefiXml.children(e, "Coding")) {
        addCoding(c, unique, "the whole source", 0, tt.length(), null, codings);
      }
      if (named != e) {
        for (Element c : RefiXml.children(named, "Coding")) {
          addCoding(c, unique, "the whole source", 0, tt.length(), null, codings);
        }
      }
      for (int i = 0; i < selections.size(); i++) {
        Element s = selections.get(i);
        long start = positions.get(i)[0];
        long end = positions.get(i)[1];
        String where =
            "selection "
                + RefiGuids.normalise(s.getAttribute("guid"))
                + " ["
                + s.getAttribute("startPosition")
                + ", "
                + s.getAttribute("endPosition")
                + ")";
        List<Element> cs = RefiXml.children(s, "Coding");
        if (start < 0 || end < start || end > counting.units()) {
          for (int k = 0; k < Math.max(1, cs.size()); k++) {
            problems.add(
                "source '"
                    + unique
                    + "' "
                    + where
                    + ": out of range (the text has "
                    + counting.units()
                    + " positions counting "
                    + counting.label()
                    + ")");
          }
          continue;
        }
        int a = counting.toText()[(int) start];
        int b = counting.toText()[(int) end];
        Element d = RefiXml.first(s, "Description");
        OptionalDouble suggested = RefiNotes.suggestionScore(d == null ? null : d.getTextContent());
        for (Element c : cs) {
          addCoding(c, unique, where, a, b, suggested, codings);
        }
      }
    }

    // a suggestion's score marks it as one: it goes with the suggestions, not into out
    private void addCoding(
        Element coding,
        String source,
        String where,
        int start,
        int end,
        OptionalDouble suggested,
        List<Coding> out) {
      Element ref = RefiXml.first(coding, "CodeRef");
      String target = ref == null ? "" : RefiGuids.normalise(ref.getAttribute("targetGUID"));
      String id = codeIdByGuid.get(target);
      if (id == null) {
        problems.add(
            "source '"
                + source
                + "' "
                + where
                + ": coding refers to unknown code {"
                + target
                + "}");
        return;
      }
      if (suggested != null && suggested.isPresent()) {
        suggestions.add(
            new Coding(source, start, end, id, suggested.getAsDouble(), CodeScore.SUGGESTED));
      } else {
        out.add(new Coding(source, start, end, id, 1.0, CodeScore.HUMAN));
      }
    }

    private long number(Element e, String attr) {
      try {
        return Long.parseLong(e.getAttribute(attr).strip());
      } catch (NumberFormatException ex) {
        return -1;
      }
    }

    private String sourceText(Element e, String name) throws IOException {
      Element inline = RefiXml.first(e, "PlainTextContent");
      if (inline != null) {
        String t = inline.getTextContent();
        return t.startsWith("\uFEFF") ? t.substring(1) : t;
      }
      String path = RefiXml.attr(e, "plainTextPath");
      if (path == null || path.isBlank()) {
        throw new IOException(
            "source '"
                + name
                + "' has neither PlainTextContent nor "
                + "plainTextPath; its codings are left out");
      }
      if (!path.startsWith("internal://")) {
        throw new IOException(
            "source '"
                + name
                + "' points outside the archive ("
                + path
                + "); re-export the project with sources embedded");
      }
      String file = path.substring("internal://".length()).replace('\\', '/');
      byte[] bytes = entries.get(("sources/" + file).toLowerCase(Locale.ROOT));
      if (bytes == null) {
        throw new IOException(
            "source '"
                + name
                + "': "
                + what
                + " has no sources/"
                + file
                + "; its codings are left out");
      }
      int skip = RefiXml.hasBom(bytes) ? 3 : 0;
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
            .toString();
      } catch (CharacterCodingException ex) {
        throw new IOException(
            "source '"
                + name
                + "': sources/"
                + file
                + " is not UTF-8; convert it to UTF-8 and re-import",
            ex);
      }
    }

    /** A code as the project has it, before it has an id. */
    private record ProjectCode(
        String guid,
        String name,
        String description,
        boolean codable,
        int parent,
        List<String> path) {}
  }
}
