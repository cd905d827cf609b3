package org.quarry.coding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.LoadedCodebook;
import org.quarry.refi.QdpxReader;
import org.quarry.refi.RefiGuids;
import org.quarry.refi.RefiXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a REFI-QDA codebook ({@code .qdc}, namespace {@value #NS}): the code tree with names and
 * descriptions. Code ids are slugs of the names (as {@link QdpxReader#slug} makes them, so a
 * project's codings meet the same ids). A {@code .qdc} carries no lexicon, so every code is kept
 * and the leaf codes are named in one warning line as having no terms: they cannot be suggested
 * until terms are added in a YAML codebook.
 */
final class QdcCodebookReader {
  /** The REFI-QDA codebook namespace. */
  static final String NS = "urn:QDA-XML:codebook:1.0";

  private QdcCodebookReader() {}

  static LoadedCodebook read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CodebookException(file + ": no such codebook file (check the --codebook path)");
    }
    Document doc;
    try {
      doc = RefiXml.builder().parse(file.toFile());
    } catch (SAXParseException e) {
      throw new CodebookException(
          file
              + ":"
              + Math.max(1, e.getLineNumber())
              + ": not well-formed XML: "
              + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
              + " (re-export the codebook)",
          e);
    } catch (SAXException | IOException e) {
      throw new CodebookException(file + ": cannot read the codebook: " + e.getMessage(), e);
    }
    Element root = doc.getDocumentElement();
    if (!NS.equals(root.getNamespaceURI()) || !"CodeBook".equals(RefiXml.local(root))) {
      throw new CodebookException(
          file
              + ":1: root element is '"
              + root.getNodeName()
              + "' in namespace '"
              + root.getNamespaceURI()
              + "', not CodeBook in "
              + NS
              + " (give a REFI-QDA .qdc file)");
    }
    List<Code> codes = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (Element codesEl : RefiXml.children(root, "Codes")) {
      for (Element c : RefiXml.children(codesEl, "Code")) {
        readCode(c, null, codes, used);
      }
    }
    if (codes.isEmpty()) {
      throw new CodebookException(
          file + ":1: the codebook has no codes (export it again with its codes)");
    }
    String title = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    Codebook book = new Codebook(title, null, codes);
    return new LoadedCodebook(
        book,
        CodebookReader.termless(file, book, "a .qdc has no lexicon; add terms in a YAML codebook")
            .stream()
            .toList());
  }

  private static void readCode(Element e, String parent, List<Code> codes, Set<String> used) {
    String name = e.getAttribute("name").strip();
    String id = uniqueId(name.isEmpty() ? e.getAttribute("guid") : name, used);
    List<Element> d = RefiXml.children(e, "Description");
    String description = d.isEmpty() ? null : d.get(0).getTextContent().strip();
    // the tool's GUID is kept so a project or codebook exported with these codes names the
    // tool's own codes
    codes.add(
        new Code(
            id,
            name.isEmpty() ? id : name,
            description,
            parent,
            List.of(),
            List.of(),
            null,
            1.0,
            RefiGuids.kept(e.getAttribute("guid"))));
    for (Element c : RefiXml.children(e, "Code")) {
      readCode(c, id, codes, used);
    }
  }

  private static String uniqueId(String name, Set<String> used) {
    String base = QdpxReader.slug(name);
    String id = base;
    for (int i = 2; !used.add(id); i++) {
      id = base + "-" + i;
    }
    return id;
  }
}
