package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search that can only find nothing says why: an unknown field, a value in another case, a filter
 * value with a space left unquoted.
 */
class CliSearchDoubtsTest {
  @TempDir static Path tmp;
  static String index;

  @BeforeAll
  static void indexAStudyWithRolesAndRegions() throws IOException {
    Path study = Files.createDirectories(tmp.resolve("study"));
    Files.writeString(
        study.resolve("P01.txt"),
        "Interviewer: What changed?\n\nP01: The practice pharmacist took the repeat prescriptions.\n\n"
            + "Interviewer: And then?\n\nP01: The practice got calmer.\n");
    Files.writeString(
        study.resolve("P02.txt"),
        "Interviewer: What changed?\n\nP02: Our practice lost its pharmacist to the network.\n\n"
            + "Interviewer: And then?\n\nP02: We hired locums.\n");
    Path table =
        Files.writeString(
            tmp.resolve("participants.csv"),
            "id,role,region\nP01,GP,North West\nP02,Manager,London\n");
    index = tmp.resolve("index").toString();
    CliRun run =
        CliRun.of("index", study.toString(), "--participants", table.toString(), "--index", index);
    assertEquals(0, run.exitCode(), run.err());
  }

  @Test
  void anUnknownFieldIsNamedWithTheOneMeant() {
    CliRun run = CliRun.of("search", "rol:GP", "--index", index);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.err().contains("warning: no field 'rol' in this index; did you mean 'role'?"),
        run.err());
  }

  @Test
  void aCodeQueryBeforeAnyCodeIsStoredSaysSoRatherThanNamingItself() {
    CliRun run = CliRun.of("search", "code:workload", "--index", index);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.err()
            .contains("warning: no passage has a code yet; the query part on it finds nothing"),
        run.err());
    assertFalse(run.err().contains("did you mean 'code'"), run.err());
  }

  @Test
  void aFilterValueInAnotherCaseIsNamedWithTheOneMeant() {
    CliRun run = CliRun.of("search", "practice", "--filter", "role=gp", "--index", index);
    assertTrue(run.out().startsWith("0 passages match"), run.out());
    assertTrue(
        run.err().contains("warning: no passage has role 'gp'; did you mean 'GP'?"), run.err());
  }

  @Test
  void aFieldValueInAnotherCaseIsNamedToo() {
    CliRun run = CliRun.of("search", "practice AND role:gp", "--index", index);
    assertTrue(run.err().contains("no passage has role 'gp'; did you mean 'GP'?"), run.err());
  }

  @Test
  void aValueWithASpaceLeftUnquotedAfterTheQueryIsAnError() {
    CliRun run =
        CliRun.of("search", "practice", "--filter", "region=North", "West", "--index", index);
    assertEquals(2, run.exitCode(), run.out());
    assertTrue(
        run.err()
            .contains(
                "'West' after --filter region=North is taken as a query word; quote a value with spaces: --filter \"region=North West\""),
        run.err());
  }

  @Test
  void aValueWithASpaceLeftUnquotedAloneIsAnErrorWhenTheWholeValueExists() {
    CliRun run = CliRun.of("search", "--filter", "region=North", "West", "--index", index);
    assertEquals(2, run.exitCode(), run.out());
  }

  @Test
  void aQueryAfterAFilterIsAQuery() {
    CliRun run = CliRun.of("search", "--filter", "role=GP", "pharmacist", "--index", index);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("1 passage match pharmacist"), run.out());
    assertFalse(run.err().contains("warning"), run.err());
  }

  @Test
  void aQuotedValueWithASpaceFilters() {
    CliRun run = CliRun.of("search", "practice", "--filter", "region=North West", "--index", index);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("2 passages match practice"), run.out());
    assertFalse(run.err().contains("warning"), run.err());
  }
}
