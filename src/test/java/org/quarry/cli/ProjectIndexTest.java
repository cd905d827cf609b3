package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.api.QuarryException;

/** A study's own index without --index: QUARRY_INDEX, else a quarry.yaml here or above. */
class ProjectIndexTest {
  @TempDir Path tmp;

  @Test
  void noProjectMeansTheSampleIndex() {
    assertEquals(Optional.empty(), ProjectIndex.find(Map.of(), tmp));
  }

  @Test
  void theEnvironmentVariableNamesTheIndexRelativeToTheWorkingFolder() {
    assertEquals(
        Optional.of(tmp.resolve("study-index")),
        ProjectIndex.find(Map.of("QUARRY_INDEX", "study-index"), tmp));
  }

  @Test
  void aQuarryYamlAboveTheWorkingFolderNamesTheIndexRelativeToItself() throws IOException {
    Files.writeString(tmp.resolve("quarry.yaml"), "# my study\nindex: index\n");
    Path deep = Files.createDirectories(tmp.resolve("transcripts/wave2"));
    assertEquals(Optional.of(tmp.resolve("index")), ProjectIndex.find(Map.of(), deep));
  }

  @Test
  void theVariableWinsOverTheFile() throws IOException {
    Files.writeString(tmp.resolve("quarry.yaml"), "index: from-file\n");
    assertEquals(
        Optional.of(tmp.resolve("from-env")),
        ProjectIndex.find(Map.of("QUARRY_INDEX", "from-env"), tmp));
  }

  @Test
  void aQuarryYamlWithoutAnIndexIsNamedWithTheFix() throws IOException {
    Files.writeString(tmp.resolve("quarry.yaml"), "codebook: themes.yaml\n");
    QuarryException e = assertThrows(QuarryException.class, () -> ProjectIndex.find(Map.of(), tmp));
    assertTrue(e.getMessage().contains("quarry.yaml: no 'index:' folder"), e.getMessage());
  }

  @Test
  void badYamlIsNamedWithItsLine() throws IOException {
    Files.writeString(tmp.resolve("quarry.yaml"), "index: a\n  - b: [\n");
    QuarryException e = assertThrows(QuarryException.class, () -> ProjectIndex.find(Map.of(), tmp));
    assertTrue(e.getMessage().matches(".*quarry\\.yaml:\\d+: bad YAML.*"), e.getMessage());
  }
}
