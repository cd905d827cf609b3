package org.quarry.cli;

import java.nio.file.Path;
import org.quarry.api.Quarry;
import org.quarry.model.Codebook;

/** Reads the {@code --codebook FILE} of a verb, turning a bad codebook into a bad-input error. */
final class CodebookOption {
  private CodebookOption() {}

  /** The codebook in {@code file} (warnings dropped), or null when no file was given. */
  static Codebook read(Path file) {
    return file == null ? null : Quarry.codebook(file).codebook();
  }
}
