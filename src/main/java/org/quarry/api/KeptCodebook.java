package org.quarry.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.quarry.model.Code;
import org.quarry.model.Codebook;

/**
 * The code tree kept in an index folder from REFI-QDA imports, as JSON, so that exports and the
 * matrix name imported codes as the project did. Stored codes carry only ids; without this file
 * an imported code's name and place in the tree would be lost.
 */
final class KeptCodebook {
  /** The file's name in the index folder. */
  static final String FILE = "quarry-codebook.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  /** The kept code tree of the index folder {@code dir}. */
  KeptCodebook(Path dir) {
    this.dir = dir;
  }

  /**
   * The kept code tree, or null when nothing was imported.
   *
   * @throws QuarryException when the file cannot be read
   */
  Codebook read() {
    Path f = dir.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      return JSON.readValue(f.toFile(), Codebook.class);
    } catch (IOException e) {
      throw new QuarryException(f + ": unreadable (" + QuarryException.describe(e) + "); import the project again", e);
    }
  }

  /**
   * Keeps an imported project's code tree: its codes replace those of the same id; codes of
   * earlier imports stay, so their ids on passages keep their names. Written to a temporary file
   * and moved, so a reader never sees half a file.
   */
  void keep(Codebook codebook) {
    Codebook earlier = read();
    List<Code> codes = new ArrayList<>(codebook.codes());
    if (earlier != null) {
      Set<String> ids = new HashSet<>();
      codes.forEach(c -> ids.add(c.id()));
      earlier.codes().stream().filter(c -> !ids.contains(c.id())).forEach(codes::add);
    }
    Path tmp = dir.resolve(FILE + ".tmp");
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new Codebook(codebook.name(), null, codes));
      Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new QuarryException("cannot keep the code tree with the index " + dir + ": " + e.getMessage(), e);
    }
  }
}
