package org.quarry.segment;

import java.nio.file.*;
import org.junit.jupiter.api.Test;
import org.quarry.ingest.PlainTextReader;
import org.quarry.model.*;

class ScratchTest {
  @Test
  void show() throws Exception {
    for (String f : System.getProperty("scratch", "/tmp/p2/pdf1.txt").split(",")) {
      Source s = new PlainTextReader().read(Path.of(f), "x");
      System.out.println("=== " + f + "\n" + s.text() + "\n---");
      for (Passage p : new PaperSegmenter().segment(s)) {
        System.out.println(p.kind() + " | " + p.participant() + " | " + p.text().replaceAll("\\s+", " "));
      }
    }
  }
}
