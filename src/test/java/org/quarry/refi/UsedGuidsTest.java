package org.quarry.refi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quarry.model.Case;
import org.quarry.model.Code;
import org.quarry.model.Codebook;

/** One export hands out every GUID once, kept or generated. */
class UsedGuidsTest {

  @Test
  void aGeneratedGuidNeverRepeatsAKeptOne() {
    UsedGuids guids = new UsedGuids();
    // a code Quarry made ("stress") was exported, renamed "burnout" in the tool and imported again
    String kept = guids.take(RefiGuids.of("code", "stress"), "code", "burnout");
    String generated = guids.take(null, "code", "stress");
    assertEquals(RefiGuids.of("code", "stress"), kept);
    assertNotEquals(kept, generated);
    assertEquals(generated, RefiGuids.kept(generated), "still a GUID");
  }

  @Test
  void aRenamedCodeBesideItsOldIdAndCasesGetDistinctGuidsInAnExport() throws Exception {
    Codebook codebook =
        new Codebook(
            "renamed",
            null,
            List.of(
                new Code(
                    "burnout",
                    "burnout",
                    null,
                    null,
                    null,
                    null,
                    null,
                    1.0,
                    RefiGuids.of("code", "stress")),
                new Code("stress", "stress", null, null, null, null, null, 1.0)));
    List<Case> cases =
        List.of(new Case("P1", Map.of(), RefiGuids.of("case", "P2")), new Case("P2", Map.of()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new QdpxWriter("renamed").write(out, List.of(), codebook, List.of(), cases);
    byte[] qde = RefiFixture.unzip(out.toByteArray()).get("project.qde");
    RefiFixture.validate(qde, "Project.xsd");
    List<String> all = new ArrayList<>();
    Matcher m =
        Pattern.compile(" guid=\"([^\"]+)\"").matcher(new String(qde, StandardCharsets.UTF_8));
    while (m.find()) {
      all.add(m.group(1));
    }
    assertEquals(all.size(), new HashSet<>(all).size(), "GUIDs repeated: " + all);
  }

  @Test
  void theCodeOfTheLatestImportKeepsTheToolsGuidWhereverTheTreePutsTheOldOne() throws Exception {
    // the tool renamed "stress" to "burnout" and moved it from A to B; the kept codebook lists the
    // latest import's codes first, then the earlier import's "stress", still under A
    String tools = "a1b2c3d4-0001-4000-8000-000000000009";
    Codebook codebook =
        new Codebook(
            "moved",
            null,
            List.of(
                new Code("A", "A", null, null, null, null, null, 1.0),
                new Code("B", "B", null, null, null, null, null, 1.0),
                new Code("burnout", "burnout", null, "B", null, null, null, 1.0, tools),
                new Code("stress", "stress", null, "A", null, null, null, 1.0, tools)));
    String qdc = new String(QdcWriter.toBytes(codebook), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<Code [^>]*guid=\"([^\"]+)\"[^>]*name=\"burnout\"").matcher(qdc);
    org.junit.jupiter.api.Assertions.assertTrue(m.find(), qdc);
    assertEquals(tools, m.group(1), qdc);
  }
}
