package org.quarry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;
import org.quarry.model.Span;

/** Reading .txt and .md files as people actually save them. */
class PlainTextReaderTest {
  @TempDir Path tmp;

  private final PlainTextReader reader = new PlainTextReader();

  @Test
  void anEmptyFileIsSkippedAsEmpty() throws IOException {
    Path file = write("blank.txt", new byte[0]);
    assertEquals("empty", assertThrows(SkippedSourceException.class, () -> read(file)).reason());
  }

  @Test
  void aFileOfOnlyWhitespaceIsSkippedAsEmpty() throws IOException {
    Path file = write("spaces.txt", " \n\t\r\n  \n".getBytes(StandardCharsets.UTF_8));
    assertEquals("empty", assertThrows(SkippedSourceException.class, () -> read(file)).reason());
  }

  @Test
  void aBinaryFileRenamedTxtIsSkippedAsBinary() throws IOException {
    byte[] bytes = new byte[4096];
    new Random(1).nextBytes(bytes);
    bytes[10] = 0;
    Path file = write("photo.txt", bytes);
    assertEquals(
        "binary file (not text)",
        assertThrows(SkippedSourceException.class, () -> read(file)).reason());
  }

  @Test
  void controlCharactersWithoutNulsAreBinaryToo() throws IOException {
    byte[] bytes = new byte[2048];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (1 + i % 31);
    }
    Path file = write("dump.txt", bytes);
    assertEquals(
        "binary file (not text)",
        assertThrows(SkippedSourceException.class, () -> read(file)).reason());
  }

  @Test
  void latin1BytesAreReadAsWindows1252WithTheRightLetters() throws IOException {
    Path file =
        write(
            "notes.txt",
            "Café naïve résumé about workload.\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals("Café naïve résumé about workload.\n", read(file).text());
  }

  @Test
  void windows1252QuotesAndDashesAreRead() throws IOException {
    String text = "She said “it’s fine” – then left, owing £20.\n";
    Path file = write("quotes.txt", text.getBytes(Charset.forName("windows-1252")));
    assertEquals(text, read(file).text());
  }

  @Test
  void utf16WithoutAByteOrderMarkIsDetectedByItsNuls() throws IOException {
    String text = "Interviewer: How was the week?\n\nZoë: Busy, as ever.\n";
    Path le = write("le.txt", text.getBytes(StandardCharsets.UTF_16LE));
    Path be = write("be.txt", text.getBytes(StandardCharsets.UTF_16BE));
    assertEquals(text, read(le).text());
    assertEquals(text, read(be).text());
  }

  @Test
  void utf16WithAByteOrderMarkLeavesTheMarkOut() throws IOException {
    String text = "Zoë: Busy, as ever.\n";
    Path file =
        write(
            "bom16.txt",
            concat(
                new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(text, read(file).text());
  }

  @Test
  void aUtf8ByteOrderMarkIsNotTextAndOffsetsCountFromAfterIt() throws IOException {
    String text = "Zoë: the first word.\n";
    Path file =
        write(
            "bom8.txt",
            concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                text.getBytes(StandardCharsets.UTF_8)));
    Source source = read(file);
    assertEquals(text, source.text());
    assertEquals(0, source.offsets().toOriginal(0));
    int first = text.indexOf("first");
    assertEquals(new Span(first, first + 5), source.offsets().toOriginal(first, first + 5));
  }

  @Test
  void aFileNameWithSpacesAndAccentsIsReadUnderItsName() throws IOException {
    Path file =
        Files.writeString(
            tmp.resolve("Entretien Zoë 1.txt"), "The commissioners talked about workload.\n");
    Source source = reader.read(file, "Entretien Zoë 1.txt");
    assertEquals("Entretien Zoë 1.txt", source.id());
    assertEquals("The commissioners talked about workload.\n", source.text());
  }

  @Test
  void everySourceCarriesTheHashOfItsBytes() throws IOException {
    Path file = Files.writeString(tmp.resolve("a.txt"), "Some words.\n");
    assertEquals(ContentHash.of(file), read(file).contentHash());
  }

  @Test
  void frontMatterIsMetadataAndItsKindMakesATranscript() throws IOException {
    Path file =
        Files.writeString(
            tmp.resolve("p7.md"),
            "---\nparticipant: P7\ninterviewer: Dr Lee\nkind: transcript\nrole: GP\nregion: North West\n---\n"
                + "Interviewer: Hello.\n\nP7: Hello back.\n");
    Source source = read(file);
    assertEquals(SourceKind.TRANSCRIPT, source.kind());
    assertEquals(
        Map.of("participant", "P7", "interviewer", "Dr Lee", "role", "GP", "region", "North West"),
        source.metadata());
    assertEquals("Interviewer: Hello.\n\nP7: Hello back.\n", source.text());
  }

  @Test
  void offsetsAfterFrontMatterCountFromTheStartOfTheFile() throws IOException {
    String front = "---\nparticipant: Zoë\n---\n";
    String body = "Interviewer: Hello.\n\nZoë: Hello back.\n";
    Path file = Files.writeString(tmp.resolve("z.md"), front + body);
    Source source = read(file);
    int at = source.text().indexOf("Hello back");
    Span span = source.offsets().toOriginal(at, at + "Hello back".length());
    String raw = front + body;
    int start = raw.codePointCount(0, raw.indexOf("Hello back"));
    assertEquals(new Span(start, start + "Hello back".length()), span);
  }

  @Test
  void withoutFrontMatterATextFileIsAPaperWithNoMetadata() throws IOException {
    Source source = read(Files.writeString(tmp.resolve("paper.txt"), "Abstract\n\nWords.\n"));
    assertEquals(SourceKind.PAPER, source.kind());
    assertTrue(source.metadata().isEmpty());
  }

  @Test
  void malformedFrontMatterIsAnErrorNamingFileAndLine() throws IOException {
    Path file =
        Files.writeString(tmp.resolve("bad.md"), "---\nparticipant: P7\nrole: [GP\n---\nText.\n");
    IOException e = assertThrows(IOException.class, () -> read(file));
    assertFalse(e instanceof SkippedSourceException);
    assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
    assertTrue(e.getMessage().matches(".*bad\\.md:[34]: .*"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }

  @Test
  void anUnknownKindInFrontMatterIsAnErrorNamingItsLine() throws IOException {
    Path file =
        Files.writeString(
            tmp.resolve("kind.md"), "---\nparticipant: P7\nkind: interview\n---\nText.\n");
    IOException e = assertThrows(IOException.class, () -> read(file));
    assertTrue(e.getMessage().startsWith(file + ":3: "), e.getMessage());
    assertTrue(e.getMessage().contains("transcript"), e.getMessage());
  }

  @Test
  void aFileOfOnlyFrontMatterIsSkippedAsEmpty() throws IOException {
    Path file = Files.writeString(tmp.resolve("only.md"), "---\nparticipant: P7\n---\n\n");
    assertEquals("empty", assertThrows(SkippedSourceException.class, () -> read(file)).reason());
  }

  private Source read(Path file) throws IOException {
    return reader.read(file, file.getFileName().toString());
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(tmp.resolve(name), bytes);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
