package org.quarry.refi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * DOM plumbing shared by the REFI-QDA writers and readers (the {@code .qdc} codebook reader of
 * {@code org.quarry.coding} parses with {@link #builder()} too).
 */
public final class RefiXml {
  static final String PROJECT_NS = "urn:QDA-XML:project:1.0";
  static final String CODEBOOK_NS = "urn:QDA-XML:codebook:1.0";

  private RefiXml() {}

  /**
   * A namespace-aware parser that refuses DTDs (and so XXE) and reports a fatal error only by
   * throwing it: the JDK's default handler would also print {@code [Fatal Error]} to stderr.
   */
  public static DocumentBuilder builder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      // a project file has no business with a DTD; refusing one also shuts out XXE
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder builder = f.newDocumentBuilder();
      builder.setErrorHandler(
          new DefaultHandler() {
            @Override
            public void fatalError(SAXParseException e) throws SAXException {
              throw e;
            }
          });
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser refused a standard feature", e);
    }
  }

  static Document parse(byte[] bytes, String what) throws IOException {
    int skip = hasBom(bytes) ? 3 : 0;
    try {
      return builder().parse(new ByteArrayInputStream(bytes, skip, bytes.length - skip));
    } catch (SAXException e) {
      throw new IOException(
          what + " is not well-formed XML: " + e.getMessage() + " (re-export it from the QDA tool)",
          e);
    }
  }

  static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
  }

  /**
   * Serialises a DOM of elements, attributes and text as indented UTF-8. Written by hand because
   * the JDK's and Xalan's serialisers write a character outside the BMP in an attribute as two
   * surrogate character references, which no XML parser accepts.
   */
  static byte[] serialise(Document doc) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    write(b, doc.getDocumentElement(), 0, true);
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(StringBuilder b, Element e, int depth, boolean root) {
    b.append("  ".repeat(depth)).append('<').append(e.getTagName());
    if (root && e.getNamespaceURI() != null) {
      b.append(" xmlns=\"").append(escape(e.getNamespaceURI(), true)).append('"');
    }
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Node a = attrs.item(i);
      if (a.getNodeName().equals("xmlns")) {
        continue;
      }
      b.append(' ')
          .append(a.getNodeName())
          .append("=\"")
          .append(escape(a.getNodeValue(), true))
          .append('"');
    }
    List<Element> kids = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element k) {
        kids.add(k);
      } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(n.getNodeValue());
      }
    }
    if (kids.isEmpty() && text.isEmpty()) {
      b.append("/>\n");
      return;
    }
    b.append('>');
    if (kids.isEmpty()) {
      b.append(escape(text.toString(), false));
    } else {
      b.append('\n');
      for (Element k : kids) {
        write(b, k, depth + 1, false);
      }
      b.append("  ".repeat(depth));
    }
    b.append("</").append(e.getTagName()).append(">\n");
  }

  private static String escape(String s, boolean attribute) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append(attribute ? "&quot;" : "\"");
        // parsers normalise raw CR (and, in attributes, LF and TAB); references survive
        case '\r' -> b.append("&#13;");
        case '\n' -> b.append(attribute ? "&#10;" : "\n");
        case '\t' -> b.append(attribute ? "&#9;" : "\t");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  /** Drops characters XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/U+FFFF). */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .filter(
            cp ->
                cp == 0x9
                    || cp == 0xA
                    || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || cp >= 0x10000)
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  static Element child(Document doc, Element parent, String ns, String name) {
    Element e = doc.createElementNS(ns, name);
    parent.appendChild(e);
    return e;
  }

  /** Element children of {@code parent} with this local name, whatever their namespace. */
  public static List<Element> children(Element parent, String localName) {
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

  /** The element's local name (its tag name when parsed without namespaces). */
  public static String local(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
  }

  /** The attribute's value, or null when absent. */
  static String attr(Element e, String name) {
    return e.hasAttribute(name) ? e.getAttribute(name) : null;
  }
}
