package org.quarry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.SurveyOptions;

/** A survey CSV that cannot be read fails in one line naming where to look. */
class SurveyCsvErrorsTest {
  @TempDir Path tmp;

  @Test
  void aQuoteNeverClosedNamesTheLineItOpensOn() throws IOException {
    Path file =
        Files.writeString(
            tmp.resolve("answers.csv"),
            "id,What helps?\nr1,\"Kind staff, \"\"always\"\"\"\nr2,\"The wait\nr3,fine\n");
    IOException e =
        assertThrows(
            IOException.class,
            () -> new SurveyReader(SurveyOptions.defaults()).readSegmented(file, "answers.csv"));
    assertEquals("line 3: a quoted value is never closed; add the closing \"", e.getMessage());
  }

  @Test
  void quotesThatCloseLeaveNoOpenLine() {
    assertEquals(0, SurveyReader.unclosedQuoteLine("a,\"b \"\"c\"\"\"\n\"d\ne\"\n"));
    assertEquals(2, SurveyReader.unclosedQuoteLine("a,b\n\"c\nd\n"));
  }
}
