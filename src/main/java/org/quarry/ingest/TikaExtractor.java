package org.quarry.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Extracts the text layer of office and PDF documents with Apache Tika: .docx, .doc, .odt, .rtf and
 * .pdf. The extracted text is what Quarry keeps for such a source, and passage offsets point into
 * it (there is no plain text "as read" for a binary format).
 */
public final class TikaExtractor {
  /** Extensions this extractor handles, lowercase, without the dot. */
  public static final Set<String> EXTENSIONS = Set.of("docx", "doc", "odt", "rtf", "pdf");

  private final Parser parser = new AutoDetectParser();

  /** True when the file's extension is one Tika reads for Quarry. */
  public static boolean handles(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
  }

  /**
   * The document's text, paragraphs separated by blank lines, a paragraph's own line breaks kept.
   *
   * @throws SkippedSourceException for an encrypted document, or one with no text (a scanned PDF
   *     without a text layer)
   * @throws IOException when the file cannot be read or is not the format its name says
   */
  public String extract(Path file) throws IOException {
    if (Files.size(file) == 0) {
      throw new SkippedSourceException("empty");
    }
    XhtmlParagraphs paragraphs = XhtmlParagraphs.keepingLines();
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
    try (InputStream in = Files.newInputStream(file)) {
      parser.parse(in, new BodyContentHandler(paragraphs), metadata, new ParseContext());
    } catch (EncryptedDocumentException e) {
      throw new SkippedSourceException("encrypted document");
    } catch (TikaException | SAXException | RuntimeException e) {
      // Tika wraps the format library's complaint; the innermost one says what is wrong
      throw new IOException(
          "not a readable " + extension(file) + " file: " + firstLine(rootCause(e)), e);
    }
    String text = tidy(paragraphs.text());
    if (text.isBlank()) {
      throw new SkippedSourceException(
          file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")
              ? "no text layer (scanned PDF? run OCR first)"
              : "empty");
    }
    return text;
  }

  /**
   * Quarry's segmenters read paragraphs as blank-line separated blocks, which is how {@link
   * XhtmlParagraphs} writes the document's paragraphs (a PDF's too, where PDFBox finds them by
   * spacing and indentation). Lines inside a paragraph stay lines: in a PDF they are hard-wrapped
   * and the normaliser joins them. Here only trailing spaces go and runs of blank lines fold.
   */
  static String tidy(String raw) {
    String text = raw.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ');
    StringBuilder sb = new StringBuilder(text.length());
    for (String line : text.split("\n", -1)) {
      String l = line.stripTrailing();
      if (l.isBlank()) {
        boolean blankLineWritten = sb.length() >= 2 && sb.charAt(sb.length() - 2) == '\n';
        if (sb.length() > 0 && !blankLineWritten) {
          sb.append('\n');
        }
        continue;
      }
      sb.append(l).append('\n');
    }
    return sb.toString().strip() + "\n";
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? e : t;
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "document" : name.substring(dot).toLowerCase(Locale.ROOT);
  }

  private static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
