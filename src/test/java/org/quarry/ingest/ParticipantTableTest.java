package org.quarry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The participants CSV: first column the id, every other column an attribute. */
class ParticipantTableTest {
  private static final Path FIXTURES = Path.of("src/test/resources/participants");

  @TempDir Path tmp;

  @Test
  void theFirstColumnIsTheIdAndTheOthersAreAttributesInColumnOrder() throws IOException {
    ParticipantTable table = ParticipantTable.read(FIXTURES.resolve("participants.csv"));
    assertEquals(List.of("role", "organisation", "region"), table.attributes());
    assertEquals(List.of("P7", "P8", "P9"), List.copyOf(table.ids()));
    assertEquals(
        Map.of("role", "GP", "organisation", "Riverside Surgery", "region", "North West"),
        table.attributesOf("P7"));
  }

  @Test
  void headersBecomeLowercaseNamesWithUnderscoresForSpaces() throws IOException {
    Path csv =
        Files.writeString(tmp.resolve("p.csv"), "ID, Age  Group ,Region\nP1,30-39,North West\n");
    assertEquals(List.of("age_group", "region"), ParticipantTable.read(csv).attributes());
  }

  @Test
  void anUnknownParticipantHasNoAttributesAndAnEmptyCellNoValue() throws IOException {
    Path csv = Files.writeString(tmp.resolve("p.csv"), "id,role,region\nP1,,London\n");
    ParticipantTable table = ParticipantTable.read(csv);
    assertEquals(Map.of("region", "London"), table.attributesOf("P1"));
    assertEquals(Map.of(), table.attributesOf("P2"));
    assertEquals(Map.of(), table.attributesOf(null));
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstHeader() throws IOException {
    Path csv = tmp.resolve("bom.csv");
    byte[] body = "participant,role\nP1,GP\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    Files.write(csv, bytes);
    assertEquals(Map.of("role", "GP"), ParticipantTable.read(csv).attributesOf("P1"));
  }

  @Test
  void aReservedColumnNameIsRejectedNamingFileAndColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ParticipantTable.read(FIXTURES.resolve("participants-reserved.csv")));
    assertEquals(
        FIXTURES.resolve("participants-reserved.csv")
            + ":1: column 3 'kind' is reserved; rename it in the header",
        e.getMessage());
  }

  @Test
  void aRepeatedIdIsRejectedWithItsLine() throws IOException {
    Path csv = Files.writeString(tmp.resolve("p.csv"), "id,role\nP1,GP\nP2,Nurse\nP1,Nurse\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ParticipantTable.read(csv));
    assertEquals(csv + ":4: participant 'P1' is listed twice", e.getMessage());
  }

  @Test
  void textThatIsNotCsvIsOneLineNamingTheFile() throws IOException {
    Path csv = Files.writeString(tmp.resolve("p.csv"), "id,role\nP1,\"GP\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ParticipantTable.read(csv));
    assertTrue(e.getMessage().startsWith(csv + ":"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }
}
