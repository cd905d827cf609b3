package org.quarry.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a report file whole or not at all: the bytes go to a temporary file beside it, which then
 * replaces the target in one move. A run that fails half way (a full disk, a killed process) leaves
 * the previous file as it was, never a truncated one.
 */
public final class OutputFile {
  private OutputFile() {}

  /** What writes the file's content to a stream. */
  @FunctionalInterface
  public interface Content {
    /** Writes the content to {@code out}; it need not close it. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code content} to {@code file}, replacing it in one move. */
  public static void write(Path file, Content content) throws IOException {
    Path target = file.toAbsolutePath();
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        content.writeTo(out);
      }
      keepPermissions(tmp, target);
      try {
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * A temporary file is made readable by its owner only; the file it becomes is a document for
   * others to open, so it gets the permissions of the file it replaces, or else those of a new file
   * ({@code rw-r--r--}).
   */
  static void keepPermissions(Path tmp, Path target) throws IOException {
    if (!Files.getFileStore(tmp)
        .supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
      return;
    }
    java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions =
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(tmp, permissions);
  }

  /** Writes {@code text} as UTF-8 to {@code file}, replacing it in one move. */
  public static void writeString(Path file, String text) throws IOException {
    write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }
}
