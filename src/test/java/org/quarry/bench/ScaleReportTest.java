package org.quarry.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleReportTest {
  private final ScaleReport report =
      new ScaleReport(
          1_000,
          5,
          Map.of("JDK", "25"),
          List.of(
              new ScaleRow("index size", "MB", 3.0, "raw text", 2.0, "<= 1.5x", true),
              new ScaleRow("search p99 in a small heap", "ms", 4.0, "", Double.NaN, "", null)),
          Map.of("total", 12.5),
          List.of("a note"));

  @Test
  void theMarkdownTableHasARowPerFigureWithItsRatio() {
    String md = report.markdown();
    assertTrue(
        md.contains("| index size | MB | 3.00 | raw text | 2.00 | 1.50x | <= 1.5x | yes |"), md);
    assertTrue(md.contains("| search p99 in a small heap | ms | 4.00 |  |  |  |  |  |"), md);
    assertTrue(md.contains("- JDK: 25"), md);
  }

  @Test
  void jsonGivesAMissingFigureAsNull() throws Exception {
    JsonNode rows = new ObjectMapper().readTree(report.json()).get("rows");
    assertEquals(1.5, rows.get(0).get("ratio").asDouble());
    assertTrue(rows.get(1).get("baselineValue").isNull());
    assertTrue(rows.get(1).get("met").isNull());
  }
}
