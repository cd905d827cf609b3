package org.quarry.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The codings of an exported {@code .qdpx}, one line each: {@code source | code name | the words
 * selected | human or suggested} (a suggestion's selection says its score in a description, a human
 * coding's has none), sorted; and the names of its codes.
 */
final class QdpxCodings {
  private static final String NS = "urn:QDA-XML:project:1.0";

  final List<String> codings = new ArrayList<>();
  final List<String> codeNames = new ArrayList<>();

  private QdpxCodings() {}

  static QdpxCodings read(Path qdpx) throws Exception {
    Map<String, byte[]> entries = new HashMap<>();
    try (InputStream in = Files.newInputStream(qdpx);
        ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    }
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc =
        f.newDocumentBuilder().parse(new ByteArrayInputStream(entries.get("project.qde")));
    QdpxCodings out = new QdpxCodings();
    Map<String, String> names = new HashMap<>();
    NodeList codes = doc.getElementsByTagNameNS(NS, "Code");
    for (int i = 0; i < codes.getLength(); i++) {
      Element c = (Element) codes.item(i);
      names.put(c.getAttribute("guid"), c.getAttribute("name"));
      out.codeNames.add(c.getAttribute("name"));
    }
    NodeList sources = doc.getElementsByTagNameNS(NS, "TextSource");
    for (int i = 0; i < sources.getLength(); i++) {
      Element s = (Element) sources.item(i);
      byte[] text =
          entries.get(
              "sources/" + s.getAttribute("plainTextPath").substring("internal://".length()));
      int[] cps = new String(text, StandardCharsets.UTF_8).codePoints().toArray();
      NodeList sels = s.getElementsByTagNameNS(NS, "PlainTextSelection");
      for (int k = 0; k < sels.getLength(); k++) {
        Element sel = (Element) sels.item(k);
        int a = Integer.parseInt(sel.getAttribute("startPosition"));
        int b = Integer.parseInt(sel.getAttribute("endPosition"));
        Element ref = (Element) sel.getElementsByTagNameNS(NS, "CodeRef").item(0);
        boolean human = sel.getElementsByTagNameNS(NS, "Description").getLength() == 0;
        out.codings.add(
            s.getAttribute("name")
                + " | "
                + names.get(ref.getAttribute("targetGUID"))
                + " | "
                + new String(cps, a, b - a)
                + " | "
                + (human ? "human" : "suggested"));
      }
    }
    out.codings.sort(null);
    return out;
  }

  /** The line a coding of {@code code} over {@code words} of {@code source} has. */
  static String line(String source, String code, String words, String origin) {
    return source + " | " + code + " | " + words + " | " + origin;
  }
}
