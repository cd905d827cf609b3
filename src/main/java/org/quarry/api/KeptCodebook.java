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
 * matrix name imported codes as the project did. Stored codes carry only ids; without this file an
 * imported code's name and place in the tree would be lost. A code a researcher accepted that the
 * tree lacks is added to it, top level and named by its id.
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
      throw new QuarryException(
          f + ": unreadable (" + QuarryException.describe(e) + "); import the project again", e);
    }
  }

  /**
   * Adds a top-level code {@code id}, named by its id, unless the tree has it; a tree is started,
   * named {@code name}, when none is kept. Written as {@link #keep} writes.
   *
   * @return true when the code was added
   */
  boolean add(String id, String name) {
    Codebook earlier = read();
    if (earlier != null && earlier.code(id).isPresent()) {
      return false;
    }
    List<Code> codes = new ArrayList<>(earlier == null ? List.of() : earlier.codes());
    codes.add(new Code(id, id, null, null, null, null, null, 1.0));
    write(new Codebook(earlier == null ? name : earlier.name(), null, codes));
    return true;
  }

  /**
   * Keeps an imported project's code tree: its codes replace those of the same id; codes of earlier
   * imports stay, so their ids on passages keep their names. Written to a temporary file and moved,
   * so a reader never sees half a file.
   */
  void keep(Codebook codebook) {
    Codebook earlier = read();
    List<Code> codes = new ArrayList<>(codebook.codes());
    if (earlier != null) {
      Set<String> ids = new HashSet<>();
      codes.forEach(c -> ids.add(c.id()));
      earlier.codes().stream().filter(c -> !ids.contains(c.id())).forEach(codes::add);
    }
    write(new Codebook(codebook.name(), null, codes));
  }

  // to a temporary file, then moved: a reader never sees half a file
  private void write(Codebook tree) {
    Path tmp = dir.resolve(FILE + ".tmp");
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), tree);
      Files.move(
          tmp,
          dir.resolve(FILE),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new QuarryException(
          "cannot keep the code tree with the index " + dir + ": " + e.getMessage(), e);
    }
  }
}
