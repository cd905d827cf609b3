package org.quarry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.Passage;
import org.quarry.model.SurveyOptions;

/** Survey CSVs as Excel saves them: in the Windows charset, or UTF-8 with a byte-order mark. */
class SurveyCharsetTest {
  @TempDir Path tmp;

  private static final String CSV = "id,What helps?\nr1,The café at lunch – and a naïve hope.\n";

  @Test
  void aWindows1252CsvKeepsItsLetters() throws IOException {
    Path file =
        Files.write(tmp.resolve("survey.csv"), CSV.getBytes(Charset.forName("windows-1252")));
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

  @Test
  void manyAnswersOutsideLatin1AreReadInLinearTime() throws IOException {
    // each answer's offset was counted from the start of the kept text: quadratic once one
    // char is outside Latin-1 (a curly apostrophe), minutes for a large export
    StringBuilder csv = new StringBuilder("id,What helps?\n");
    int rows = 60_000;
    for (int i = 0; i < rows; i++) {
      csv.append('r')
          .append(i)
          .append(",\"It’s the team – answer ")
          .append(i)
          .append(" of many, said plainly.\"\n");
    }
    Path file = Files.writeString(tmp.resolve("large.csv"), csv, StandardCharsets.UTF_8);
    SegmentedSource read =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> new SurveyReader(SurveyOptions.defaults()).readSegmented(file, "large.csv"));
    assertEquals(rows, read.passages().size());
    Passage last = read.passages().get(rows - 1);
    assertEquals("It’s the team – answer " + (rows - 1) + " of many, said plainly.", last.text());
    String kept = read.source().text();
    assertEquals(
        last.text(),
        kept.substring(
            kept.offsetByCodePoints(0, last.start()), kept.offsetByCodePoints(0, last.end())));
  }

  private static String onlyAnswer(Path file) throws IOException {
    SegmentedSource read =
        new SurveyReader(SurveyOptions.defaults())
            .readSegmented(file, file.getFileName().toString());
    assertEquals(1, read.passages().size(), read.passages().toString());
    return read.passages().get(0).text();
  }
}
