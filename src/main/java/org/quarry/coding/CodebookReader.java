package org.quarry.coding;

import java.nio.file.Path;
import org.quarry.model.Codebook;

/**
 * Reads a codebook file: Quarry's YAML or a REFI-QDA {@code .qdc}.
 *
 * <p>Interim: the reader is being written; the signature is the contract.
 */
public final class CodebookReader {
  private CodebookReader() {}

  /**
   * The codebook in {@code file}, validated.
   *
   * @throws CodebookException with a one-line message naming the file, line and key at fault
   */
  public static Codebook read(Path file) {
    throw new CodebookException(file + ": codebook reading is not implemented yet");
  }
}
