package org.quarry.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.DefaultHtmlMapper;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.sax.BodyContentHandler;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;
import org.xml.sax.SAXException;

/**
 * Reads .html and .htm files with Tika's HTML parser (which finds the charset from the meta tag or
 * the bytes): the body's text with each block element, headings included, as its own paragraph
 * ({@link XhtmlParagraphs}), normalised ({@link TextNormalizer}). Offsets point into that extracted
 * text, which is what Quarry keeps for the source; the page title, when there is one, is the {@code
 * title} metadata.
 */
public final class HtmlReader implements SourceReader {
  @Override
  public boolean accepts(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".html") || name.endsWith(".htm");
  }

  /**
   * @throws SkippedSourceException for a file with no text in its body
   * @throws IOException when the file cannot be read or parsed
   */
  @Override
  public Source read(Path file, String id) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
      throw new SkippedSourceException("empty");
    }
    XhtmlParagraphs paragraphs = XhtmlParagraphs.collapsingLines();
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
    ParseContext context = new ParseContext();
    context.set(HtmlMapper.class, new EveryElement());
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      new JSoupParser().parse(in, new BodyContentHandler(paragraphs), metadata, context);
    } catch (TikaException | SAXException e) {
      throw new IOException("not a readable .html file: " + e.getMessage(), e);
    }
    String text = paragraphs.text();
    if (text.isBlank()) {
      throw new SkippedSourceException("empty");
    }
    Map<String, String> facts = new LinkedHashMap<>();
    String title = metadata.get(TikaCoreProperties.TITLE);
    if (title != null && !title.isBlank()) {
      facts.put("title", title.strip().replaceAll("\\s+", " "));
    }
    TextNormalizer.Normalized normalized = TextNormalizer.normalize(text);
    return new Source(
        id,
        file.toString(),
        SourceKind.PAPER,
        normalized.text(),
        normalized.offsets(),
        ContentHash.of(bytes),
        facts);
  }

  // every element reaches the handler, so <section> and <article> also break paragraphs; Tika's
  // default mapper drops them. Scripts and styles are still discarded.
  private static final class EveryElement implements HtmlMapper {
    @Override
    public String mapSafeElement(String name) {
      return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean isDiscardElement(String name) {
      return DefaultHtmlMapper.INSTANCE.isDiscardElement(name);
    }

    @Override
    public String mapSafeAttribute(String elementName, String attributeName) {
      return DefaultHtmlMapper.INSTANCE.mapSafeAttribute(elementName, attributeName);
    }
  }
}
