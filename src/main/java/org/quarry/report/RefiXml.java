package org.quarry.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** DOM plumbing shared by the REFI-QDA writers and the reader. */
final class RefiXml {
  static final String PROJECT_NS = "urn:QDA-XML:project:1.0";
  static final String CODEBOOK_NS = "urn:QDA-XML:codebook:1.0";

  private RefiXml() {}

  static DocumentBuilder builder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      // a project file has no business with a DTD; refusing one also shuts out XXE
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      return f.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser refused a standard feature", e);
    }
  }

  static Document parse(byte[] bytes, String what) throws IOException {
    int skip = hasBom(bytes) ? 3 : 0;
    try {
      return builder().parse(new ByteArrayInputStream(bytes, skip, bytes.length - skip));
    } catch (SAXException e) {
      throw new IOException(what + " is not well-formed XML: " + e.getMessage()
          + " (re-export it from the QDA tool)", e);
    }
  }

  static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
  }

  static byte[] serialise(Document doc) {
    try {
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.setOutputProperty(OutputKeys.INDENT, "yes");
      t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      t.setOutputProperty(OutputKeys.STANDALONE, "yes");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      t.transform(new DOMSource(doc), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IllegalStateException("the JDK's XML serialiser failed on a DOM it built", e);
    }
  }

  /** Drops characters XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/U+FFFF). */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD
            || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000)
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  static Element child(Document doc, Element parent, String ns, String name) {
    Element e = doc.createElementNS(ns, name);
    parent.appendChild(e);
    return e;
  }

  /** Element children of {@code parent} with this local name, whatever their namespace. */
  static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(local(e))) {
        out.add(e);
      }
    }
    return out;
  }

  static Element first(Element parent, String localName) {
    List<Element> xs = children(parent, localName);
    return xs.isEmpty() ? null : xs.get(0);
  }

  static String local(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
  }

  /** The attribute's value, or null when absent. */
  static String attr(Element e, String name) {
    return e.hasAttribute(name) ? e.getAttribute(name) : null;
  }
}
