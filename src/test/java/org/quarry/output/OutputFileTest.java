package org.quarry.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output file is a document for others to open: not left readable by its owner only. */
class OutputFileTest {
  @TempDir Path tmp;

  @Test
  void aNewFileIsReadableByOthers() throws IOException {
    Path f = tmp.resolve("matrix.csv");
    OutputFile.writeString(f, "a,b\n");
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
  }

  @Test
  void aReplacedFileKeepsItsPermissions() throws IOException {
    Path f = Files.writeString(tmp.resolve("codings.jsonl"), "old\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
    OutputFile.writeString(f, "new\n");
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    assertEquals("new\n", Files.readString(f));
  }
}
