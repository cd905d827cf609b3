package org.quarry.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report files are written whole or not at all, and are documents for others to open: not left
 * readable by their owner only.
 */
class OutputFileTest {
  @TempDir Path dir;

  @Test
  void writesTheContent() throws IOException {
    Path file = dir.resolve("matrix.csv");
    OutputFile.writeString(file, "participant,trust\nP01,1\n");
    assertEquals("participant,trust\nP01,1\n", Files.readString(file));
    assertEquals(List.of("matrix.csv"), names());
  }

  @Test
  void aWriteThatFailsHalfWayLeavesThePreviousFileAndNoTemporaryOne() throws IOException {
    Path file = dir.resolve("study.qdpx");
    Files.writeString(file, "the export of yesterday");
    IOException failure =
        assertThrows(
            IOException.class,
            () ->
                OutputFile.write(
                    file,
                    out -> {
                      out.write("half of today's".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("No space left on device");
                    }));
    assertEquals("No space left on device", failure.getMessage());
    assertEquals("the export of yesterday", Files.readString(file));
    assertEquals(List.of("study.qdpx"), names());
  }

  @Test
  void aNewFileIsReadableByOthers() throws IOException {
    Path f = dir.resolve("matrix.csv");
    OutputFile.writeString(f, "a,b\n");
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
  }

  @Test
  void aReplacedFileKeepsItsPermissions() throws IOException {
    Path f = Files.writeString(dir.resolve("codings.jsonl"), "old\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
    OutputFile.writeString(f, "new\n");
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    assertEquals("new\n", Files.readString(f));
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
