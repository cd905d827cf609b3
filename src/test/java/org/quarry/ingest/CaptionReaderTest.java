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
import org.quarry.model.SourceKind;

/** Caption files read as transcripts. */
class CaptionReaderTest {
  @TempDir Path tmp;

  private final CaptionReader reader = new CaptionReader();

  @Test
  void cuesBecomeSpeakerTurnsOfATranscript() throws IOException {
    Source source = read(Files.writeString(tmp.resolve("call.vtt"),
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Hello there.</v>\n\n"
            + "00:00:02.000 --> 00:00:03.000\n<v Ann>How are you?</v>\n\n"
            + "00:00:03.000 --> 00:00:04.000\n<v Bo>Fine.</v>\n"));
    assertEquals(SourceKind.TRANSCRIPT, source.kind());
    assertEquals("Ann: Hello there. How are you?\n\nBo: Fine.\n", source.text());
  }

  @Test
  void aWindows1252SubtitleFileKeepsItsLetters() throws IOException {
    String srt = "1\n00:00:01,000 --> 00:00:02,000\nZoë: It sounds naïve – £5.\n";
    Source source = read(Files.write(tmp.resolve("old.srt"), srt.getBytes(Charset.forName("windows-1252"))));
    assertEquals("Zoë: It sounds naïve – £5.\n", source.text());
  }

  @Test
  void aCaptionFileWithoutCuesIsSkippedAsNoCaptions() throws IOException {
    Path file = Files.writeString(tmp.resolve("header.vtt"), "WEBVTT\n\nNOTE nothing was said\n");
    assertEquals("no captions", assertThrows(SkippedSourceException.class, () -> read(file)).reason());
  }

  @Test
  void anEmptyCaptionFileIsSkippedAsEmpty() throws IOException {
    Path file = Files.write(tmp.resolve("zero.srt"), new byte[0]);
    assertEquals("empty", assertThrows(SkippedSourceException.class, () -> read(file)).reason());
  }

  private Source read(Path file) throws IOException {
    return reader.read(file, file.getFileName().toString());
  }
}
