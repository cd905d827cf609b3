package org.quarry.ingest;

import java.util.Locale;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the text of the XHTML body Tika's parsers emit the way Quarry's segmenters read text:
 * each block element (paragraph, heading, list item, table row, page, …) is a paragraph of its own,
 * paragraphs are separated by one blank line, and runs of spaces inside a paragraph are one space,
 * as a browser shows them. {@code <br>} is a line break and {@code <pre>} keeps its lines. For
 * {@link #keepingLines() documents} the line breaks inside a paragraph are kept too: a PDF
 * paragraph's lines are hard-wrapped, and the normaliser, not this class, decides how to join them.
 */
final class XhtmlParagraphs extends DefaultHandler {
  private static final Set<String> BLOCKS =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "body",
          "caption",
          "dd",
          "details",
          "div",
          "dl",
          "dt",
          "fieldset",
          "figcaption",
          "figure",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hr",
          "li",
          "main",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "summary",
          "table",
          "tbody",
          "td",
          "tfoot",
          "th",
          "thead",
          "tr",
          "ul");
  // cells of one row stay one paragraph: a row is a record, its cells its fields
  private static final Set<String> CELLS = Set.of("td", "th");

  private final boolean keepLines;
  private final StringBuilder out = new StringBuilder();
  private boolean paragraphBreak;
  private boolean lineBreak;
  private boolean space;
  private int pre;

  private XhtmlParagraphs(boolean keepLines) {
    this.keepLines = keepLines;
  }

  /** For HTML pages: line ends in the source are spaces, as a browser shows them. */
  static XhtmlParagraphs collapsingLines() {
    return new XhtmlParagraphs(false);
  }

  /** For office documents and PDF: a line end inside a paragraph stays a line end. */
  static XhtmlParagraphs keepingLines() {
    return new XhtmlParagraphs(true);
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) {
    String name = name(localName, qName);
    if (CELLS.contains(name)) {
      space = true;
    } else if (BLOCKS.contains(name)) {
      paragraphBreak = true;
    } else if (name.equals("br")) {
      lineBreak = true;
    }
    if (name.equals("pre")) {
      pre++;
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    String name = name(localName, qName);
    if (CELLS.contains(name)) {
      space = true;
    } else if (BLOCKS.contains(name)) {
      paragraphBreak = true;
    }
    if (name.equals("pre") && pre > 0) {
      pre--;
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    for (int i = start; i < start + length; i++) {
      char c = ch[i];
      if ((pre > 0 || keepLines) && (c == '\n' || c == '\r')) {
        lineBreak = c == '\n' || lineBreak;
      } else if (pre == 0 && (Character.isWhitespace(c) || c == '\u00a0')) {
        space = true;
      } else {
        put(c);
      }
    }
  }

  // Tika's layout newlines: after a block they add nothing to the block structure, but inside a
  // PDF paragraph they are its line ends
  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) {
    if (keepLines) {
      for (int i = start; i < start + length; i++) {
        lineBreak = ch[i] == '\n' || lineBreak;
      }
    }
  }

  private void put(char c) {
    if (out.length() > 0) {
      if (paragraphBreak) {
        out.append("\n\n");
      } else if (lineBreak) {
        out.append('\n');
      } else if (space) {
        out.append(' ');
      }
    }
    paragraphBreak = false;
    lineBreak = false;
    space = false;
    out.append(c);
  }

  /** The text collected, paragraphs separated by blank lines, ending in one newline. */
  String text() {
    return out.length() == 0 ? "" : out + "\n";
  }

  private static String name(String localName, String qName) {
    String n = localName == null || localName.isEmpty() ? qName : localName;
    return n.toLowerCase(Locale.ROOT);
  }
}
