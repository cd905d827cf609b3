package org.quarry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/** Office documents and PDFs: what is read, and what is skipped with a reason. */
class DocumentReaderTest {
  @TempDir Path tmp;

  private final DocumentReader reader = new DocumentReader();

  @Test
  void aPdfsTextLayerIsRead() throws IOException {
    Path pdf = pdf("text.pdf", "Workload grew every year.", null);
    Source source = read(pdf);
    assertEquals(SourceKind.PAPER, source.kind());
    assertTrue(source.text().contains("Workload grew every year."), source.text());
    assertEquals(ContentHash.of(pdf), source.contentHash());
  }

  @Test
  void aPdfsSpacedParagraphsAreBlankLineSeparatedAndTheirLinesKept() throws IOException {
    Path file = tmp.resolve("paragraphs.pdf");
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        line(content, 700, "Interviewer: How has the workload");
        line(content, 686, "changed since the network started?");
        line(content, 640, "P7: It has grown every year.");
      }
      doc.save(file.toFile());
    }
    assertEquals(
        "Interviewer: How has the workload\nchanged since the network started?\n\nP7: It has grown every year.\n",
        read(file).text());
  }

  @Test
  void anEncryptedPdfIsSkippedAsEncrypted() throws IOException {
    Path pdf = pdf("locked.pdf", "Secret words.", "open-sesame");
    assertEquals(
        "encrypted document", assertThrows(SkippedSourceException.class, () -> read(pdf)).reason());
  }

  @Test
  void aPdfWithoutATextLayerIsSkippedWithTheAdviceToOcrIt() throws IOException {
    Path pdf = pdf("scan.pdf", null, null);
    String reason = assertThrows(SkippedSourceException.class, () -> read(pdf)).reason();
    assertTrue(reason.startsWith("no text layer"), reason);
    assertTrue(reason.contains("OCR"), reason);
  }

  @Test
  void anEmptyDocxIsSkippedAsEmpty() throws IOException {
    Path docx = Files.write(tmp.resolve("empty.docx"), new byte[0]);
    assertEquals("empty", assertThrows(SkippedSourceException.class, () -> read(docx)).reason());
  }

  @Test
  void aBrokenDocumentIsAOneLineErrorNotASkip() throws IOException {
    byte[] whole = Files.readAllBytes(FormatsTest.FORMATS.resolve("transcript.docx"));
    Path docx = Files.write(tmp.resolve("thesis.docx"), Arrays.copyOf(whole, whole.length / 2));
    IOException e = assertThrows(IOException.class, () -> read(docx));
    assertFalse(e instanceof SkippedSourceException);
    assertTrue(e.getMessage().startsWith("not a readable .docx file"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }

  @Test
  void theWordProcessorFormatsAreAcceptedAndOthersNot() {
    for (String name : new String[] {"a.docx", "a.doc", "a.odt", "a.rtf", "a.PDF"}) {
      assertTrue(reader.accepts(Path.of(name)), name);
    }
    assertFalse(reader.accepts(Path.of("a.txt")));
  }

  private Source read(Path file) throws IOException {
    return reader.read(file, file.getFileName().toString());
  }

  // a one-page PDF: with a line of text or none (as a scan without OCR), optionally password-locked
  private Path pdf(String name, String line, String password) throws IOException {
    Path file = tmp.resolve(name);
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        if (line != null) {
          content.beginText();
          content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
          content.newLineAtOffset(72, 700);
          content.showText(line);
          content.endText();
        } else {
          content.addRect(72, 500, 300, 200);
          content.fill();
        }
      }
      if (password != null) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy(password + "-owner", password, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      doc.save(file.toFile());
    }
    return file;
  }

  private static void line(PDPageContentStream content, float y, String text) throws IOException {
    content.beginText();
    content.newLineAtOffset(72, y);
    content.showText(text);
    content.endText();
  }
}
