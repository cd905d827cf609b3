package org.quarry.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quarry.model.Case;

/** Joining the cases found on passages with those kept from an imported project. */
class RefiKeptCasesTest {
  @Test
  void aCaseOnPassagesKeepsItsPassagesAttributesAndTakesTheKeptGuid() {
    // a participants table set the region after the import: the passages say what is true now
    List<Case> onPassages = List.of(new Case("P01", Map.of("role", "GP", "region", "South")));
    List<Case> kept =
        List.of(
            new Case(
                "P01",
                Map.of("role", "GP", "region", "North"),
                "ca5e0000-0000-4000-8000-000000000001"));
    assertEquals(
        List.of(
            new Case(
                "P01",
                Map.of("role", "GP", "region", "South"),
                "ca5e0000-0000-4000-8000-000000000001")),
        Cases.withKept(onPassages, kept));
  }

  // a quote's participant in a paper is a case on passages whose attributes the project never
  // reached: the variables it came with must go back to the tool
  @Test
  void aKeptCaseAlsoOnPassagesKeepsItsVariablesUnderThePassagesAttributes() {
    List<Case> onPassages = List.of(new Case("IDNS1.11", Map.of("region", "South")));
    List<Case> kept =
        List.of(
            new Case(
                "IDNS1.11",
                Map.of("role", "Commissioner", "region", "North"),
                "ca5e0000-0000-4000-8000-000000000011"));
    assertEquals(
        List.of(
            new Case(
                "IDNS1.11",
                Map.of("role", "Commissioner", "region", "South"),
                "ca5e0000-0000-4000-8000-000000000011")),
        Cases.withKept(onPassages, kept));
  }
}
