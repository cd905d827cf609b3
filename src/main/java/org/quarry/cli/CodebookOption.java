package org.quarry.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.quarry.api.QuarryException;
import org.quarry.coding.CodebookReader;
import org.quarry.model.Codebook;

/** Reads the {@code --codebook FILE} of a verb, turning a bad codebook into a bad-input error. */
final class CodebookOption {
  private CodebookOption() {}

  /** The codebook in {@code file}, or null when no file was given. */
  static Codebook read(Path file) {
    if (file == null) {
      return null;
    }
    if (!Files.isRegularFile(file)) {
      throw new QuarryException("codebook " + file + ": no such file");
    }
    try {
      return CodebookReader.read(file);
    } catch (IllegalArgumentException e) {
      throw new QuarryException(e.getMessage(), e);
    }
  }
}
