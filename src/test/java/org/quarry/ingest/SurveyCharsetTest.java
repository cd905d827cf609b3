package org.quarry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Survey CSVs as Excel saves them: in the Windows charset, or UTF-8 with a byte-order mark. */
class SurveyCharsetTest {
  @TempDir Path tmp;

  private static final String CSV = "id,What helps?\nr1,The café at lunch – and a naïve hope.\n";

  @Test
  void aWindows1252CsvKeepsItsLetters() throws IOException {
    Path file = Files.write(tmp.resolve("survey.csv"), CSV.getBytes(Charset.forName("windows-1252")));
    assertEquals("The café at lunch – and a naïve hope.", onlyAnswer(file));
  }

  @Test
  void aUtf8CsvWithAByteOrderMarkKeepsItsFirstHeader() throws IOException {
    byte[] body = CSV.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    Path file = Files.write(tmp.resolve("bom.csv"), bytes);
    assertEquals("The café at lunch – and a naïve hope.", onlyAnswer(file));
  }

  private static String onlyAnswer(Path file) throws IOException {
    SegmentedSource read = new SurveyReader(SurveyOptions.defaults()).read(file, file.getFileName().toString());
    assertEquals(1, read.passages().size(), read.passages().toString());
    return read.passages().get(0).text();
  }
}
