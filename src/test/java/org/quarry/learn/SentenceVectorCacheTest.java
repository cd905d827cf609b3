package org.quarry.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sentence vectors kept beside the index, so a text is encoded once. */
class SentenceVectorCacheTest {
  // the real encoder, counting the texts it is asked to encode
  private static final class Counting implements TextVectors {
    private final String name;
    final List<String> asked = new ArrayList<>();

    Counting(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int dimensions() {
      return SentenceEncoder.bgeSmall().dimensions();
    }

    @Override
    public List<float[]> encode(List<String> texts) {
      asked.addAll(texts);
      return SentenceEncoder.bgeSmall().encode(texts);
    }
  }

  @Test
  void aTextIsEncodedOnceAcrossRunsAndGivesTheSameVector(@TempDir Path dir) {
    Counting first = new Counting(SentenceEncoder.BGE_SMALL);
    List<float[]> a =
        SentenceVectorCache.beside(dir, first).encode(List.of("Long wait.", "Kind nurses."));
    assertEquals(List.of("Long wait.", "Kind nurses."), first.asked);
    Counting second = new Counting(SentenceEncoder.BGE_SMALL);
    List<float[]> b =
        SentenceVectorCache.beside(dir, second).encode(List.of("Kind nurses.", "Rude porter."));
    assertEquals(List.of("Rude porter."), second.asked, "only the new text is encoded");
    assertArrayEquals(a.get(1), b.get(0));
    assertEquals(3, SentenceVectorCache.beside(dir, second).size());
  }

  @Test
  void aFileOfAnotherEncoderIsNotUsed(@TempDir Path dir) {
    SentenceVectorCache.beside(dir, new Counting("other-encoder")).encode(List.of("Long wait."));
    Counting bge = new Counting(SentenceEncoder.BGE_SMALL);
    SentenceVectorCache.beside(dir, bge).encode(List.of("Long wait."));
    assertEquals(List.of("Long wait."), bge.asked);
  }

  @Test
  void aDamagedFileCountsAsEmptyAndIsReplaced(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve(SentenceVectorCache.FILE), new byte[] {0x51, 0x53, 0x56, 0x31, 0});
    Counting bge = new Counting(SentenceEncoder.BGE_SMALL);
    SentenceVectorCache.beside(dir, bge).encode(List.of("Long wait."));
    assertEquals(1, bge.asked.size());
    assertEquals(1, SentenceVectorCache.beside(dir, bge).size());
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file is left");
    }
  }
}
