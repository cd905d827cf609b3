package org.quarry.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.quarry.api.QuarryException;

/**
 * A study's own index, so that a command without {@code --index} does not fall back on the sample
 * index: the {@code QUARRY_INDEX} environment variable (relative to the working folder), else the
 * {@code index:} of a {@code quarry.yaml} in the working folder or the nearest folder above it
 * (relative to that file's folder).
 */
final class ProjectIndex {
  /** The project file looked for in the working folder and above. */
  static final String FILE = "quarry.yaml";

  /** The environment variable that names the index. */
  static final String VARIABLE = "QUARRY_INDEX";

  // made on first use: a search without a quarry.yaml (the common case) loads no YAML parser
  private static final class Yaml {
    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
  }

  private ProjectIndex() {}

  /**
   * The project's index folder, if one is set.
   *
   * @throws QuarryException when a quarry.yaml is malformed or names no index
   */
  static Optional<Path> find(Map<String, String> env, Path workingFolder) {
    Path cwd = workingFolder.toAbsolutePath().normalize();
    String variable = env.get(VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return Optional.of(cwd.resolve(variable.strip()).normalize());
    }
    for (Path folder = cwd; folder != null; folder = folder.getParent()) {
      Path file = folder.resolve(FILE);
      if (Files.isRegularFile(file)) {
        return Optional.of(read(file));
      }
    }
    return Optional.empty();
  }

  private static Path read(Path file) {
    JsonNode root;
    try {
      root = Yaml.MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new QuarryException(
          file
              + ":"
              + org.quarry.coding.CodebookReader.yamlProblem(e)
              + " (the file holds e.g. 'index: study-index')",
          e);
    } catch (IOException e) {
      throw new QuarryException(file + ": cannot read: " + e.getMessage(), e);
    }
    JsonNode index = root == null ? null : root.get("index");
    if (index == null || !index.isTextual() || index.asText().isBlank()) {
      throw new QuarryException(file + ": no 'index:' folder (write e.g. 'index: study-index')");
    }
    return file.getParent().resolve(index.asText().strip()).normalize();
  }
}
