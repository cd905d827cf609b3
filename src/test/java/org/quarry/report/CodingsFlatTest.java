package org.quarry.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodingsFlatTest {
  @Test
  void csvHasOneRowPerCodingWithTheCodePath() {
    String csv =
        CodingsCsv.render(MatrixFixture.PASSAGES, MatrixFixture.CODINGS, MatrixFixture.CODEBOOK);
    List<String> lines = csv.lines().toList();
    assertEquals("passage,participant,attributes,code,score,origin,text", lines.get(0));
    assertEquals(1 + MatrixFixture.CODINGS.size(), lines.size());
    assertEquals(
        "s1.txt#0-40,P01,role=GP,relationships/trust,0.900,suggested,"
            + "We built trust over many café meetings.",
        lines.get(2));
    assertEquals(
        "s2.txt#0-31,P02,role=Manager,relationships/trust,1.000,human,"
            + "\"Trust came \"\"slowly\"\", quietly.\"",
        lines.get(5));
  }

  @Test
  void jsonlHasOneObjectPerCodingAndASubSpanCodingNamesItsPassage() throws IOException {
    String jsonl =
        CodingsJsonl.render(MatrixFixture.PASSAGES, MatrixFixture.CODINGS, MatrixFixture.CODEBOOK);
    List<String> lines = jsonl.lines().toList();
    assertEquals(MatrixFixture.CODINGS.size(), lines.size());
    ObjectMapper json = new ObjectMapper();
    JsonNode human = json.readTree(lines.get(2));
    assertEquals("s1.txt#0-40", human.get("passage").asText());
    assertEquals("relationships/meetings", human.get("code").asText());
    assertEquals("human", human.get("origin").asText());
    assertEquals("GP", human.get("attributes").get("role").asText());
  }
}
