package org.quarry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.Source;

/** HTML pages read as blank-line separated paragraphs. */
class HtmlReaderTest {
  @TempDir Path tmp;

  private final HtmlReader reader = new HtmlReader();

  @Test
  void headingsAndParagraphsAreParagraphsOfTheirOwn() throws IOException {
    assertEquals(
        "Findings\n\nThe first paragraph.\n\nWorkload\n\nThe second one.\n",
        text(
            "<html><body><h1>Findings</h1><p>The first paragraph.</p><h2>Workload</h2><p>The second one.</p></body></html>"));
  }

  @Test
  void whitespaceInsideAParagraphIsOneSpace() throws IOException {
    assertEquals(
        "Words wrapped across lines and indented.\n",
        text("<p>\n   Words   wrapped\n   across lines\tand <em>indented</em>.\n</p>"));
  }

  @Test
  void listItemsTableRowsAndSectionsBreakParagraphs() throws IOException {
    assertEquals(
        "Intro\n\nOne\n\nTwo\n\nP7 GP North West\n\nClosing",
        text("<section>Intro</section><ul><li>One</li><li>Two</li></ul>"
                + "<table><tr><td>P7</td><td>GP</td><td>North West</td></tr></table>"
                + "<article><div>Closing</div></article>")
            .strip());
  }

  @Test
  void aLineBreakIsALineBreakNotAParagraph() throws IOException {
    assertEquals("First line\nsecond line\n", text("<p>First line<br>second line</p>"));
  }

  @Test
  void scriptsStylesAndTheHeadAreNotText() throws IOException {
    assertEquals(
        "Visible.\n",
        text(
            "<html><head><title>T</title><style>p{color:red}</style><script>var x = 1;</script></head>"
                + "<body><script>alert('no')</script><p>Visible.</p></body></html>"));
  }

  @Test
  void entitiesAreDecoded() throws IOException {
    assertEquals(
        "Fish &amp; chips – £5 café\n".replace("&amp;", "&"),
        text("<p>Fish &amp; chips &ndash; &pound;5 caf&eacute;</p>"));
  }

  @Test
  void theCharsetDeclaredInAMetaTagIsUsed() throws IOException {
    String html =
        "<html><head><meta charset=\"windows-1252\"></head><body><p>Zoë said “naïve”.</p></body></html>";
    Path file = Files.write(tmp.resolve("cp.html"), html.getBytes(Charset.forName("windows-1252")));
    assertEquals("Zoë said “naïve”.\n", read(file).text());
  }

  @Test
  void aPageWithNoBodyTextIsSkippedAsEmpty() throws IOException {
    Path file =
        Files.writeString(
            tmp.resolve("blank.html"),
            "<html><head><title>Only a title</title></head><body> </body></html>");
    assertEquals("empty", assertThrows(SkippedSourceException.class, () -> read(file)).reason());
  }

  @Test
  void anEmptyFileIsSkippedAsEmpty() throws IOException {
    Path file = Files.writeString(tmp.resolve("zero.htm"), "");
    assertEquals("empty", assertThrows(SkippedSourceException.class, () -> read(file)).reason());
  }

  @Test
  void offsetsPointIntoTheExtractedText() throws IOException {
    Source source =
        read(Files.writeString(tmp.resolve("o.html"), "<h1>Title</h1><p>Body text.</p>"));
    int at = source.text().indexOf("Body");
    assertEquals(at, source.offsets().toOriginal(at));
    assertEquals(source.text().length(), source.offsets().length());
  }

  private String text(String html) throws IOException {
    return read(Files.writeString(tmp.resolve("page.html"), html)).text();
  }

  private Source read(Path file) throws IOException {
    return reader.read(file, file.getFileName().toString());
  }
}
