package org.quarry.learn;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence vectors kept in a file beside the index, so a text is encoded once: {@code learn}, each
 * {@code suggest} and {@code eval} after the first read them instead of running the encoder again
 * (encoding is about 150 passages a second; reading, millions). Keyed by a SHA-256 digest of the
 * text and stamped with the encoder's name: a file of another encoder, or one that cannot be read,
 * counts as empty and is replaced. It is a cache, so a failed write loses time, not data: the run
 * goes on with the vectors it has.
 */
public final class SentenceVectorCache implements TextVectors {
  /** The file's name in the index folder. */
  public static final String FILE = "quarry-sentence-vectors.bin";

  private static final int MAGIC = 0x51535631; // "QSV1"

  private final Path file;
  private final TextVectors encoder;
  private Map<String, float[]> vectors;

  /** A cache in {@code file} in front of {@code encoder}. */
  public SentenceVectorCache(Path file, TextVectors encoder) {
    this.file = file;
    this.encoder = encoder;
  }

  /** A cache in the index folder {@code dir} ({@link #FILE}) in front of {@code encoder}. */
  public static SentenceVectorCache beside(Path dir, TextVectors encoder) {
    return new SentenceVectorCache(dir.resolve(FILE), encoder);
  }

  @Override
  public String name() {
    return encoder.name();
  }

  @Override
  public int dimensions() {
    return encoder.dimensions();
  }

  @Override
  public synchronized List<float[]> encode(List<String> texts) {
    if (vectors == null) {
      vectors = read();
    }
    List<String> keys = new ArrayList<>(texts.size());
    Map<String, String> missing = new LinkedHashMap<>();
    for (String t : texts) {
      String k = key(t);
      keys.add(k);
      if (!vectors.containsKey(k)) {
        missing.put(k, t);
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> fresh = encoder.encode(new ArrayList<>(missing.values()));
      int i = 0;
      for (String k : missing.keySet()) {
        vectors.put(k, fresh.get(i++));
      }
      write();
    }
    List<float[]> out = new ArrayList<>(texts.size());
    keys.forEach(k -> out.add(vectors.get(k).clone()));
    return out;
  }

  /** Number of vectors held (read from the file on first use). */
  public synchronized int size() {
    if (vectors == null) {
      vectors = read();
    }
    return vectors.size();
  }

  private Map<String, float[]> read() {
    Map<String, float[]> m = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return m;
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC
          || !in.readUTF().equals(encoder.name())
          || in.readInt() != encoder.dimensions()) {
        return m;
      }
      int n = in.readInt();
      byte[] digest = new byte[32];
      for (int i = 0; i < n; i++) {
        in.readFully(digest);
        float[] v = new float[encoder.dimensions()];
        for (int d = 0; d < v.length; d++) {
          v[d] = in.readFloat();
        }
        m.put(HexFormat.of().formatHex(digest), v);
      }
      return m;
    } catch (IOException e) {
      // a truncated or foreign file: start again, and the next write replaces it
      return new HashMap<>();
    }
  }

  private void write() {
    Path tmp = null;
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, ".quarry-sentence-vectors", ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
        out.writeInt(MAGIC);
        out.writeUTF(encoder.name());
        out.writeInt(encoder.dimensions());
        out.writeInt(vectors.size());
        for (Map.Entry<String, float[]> e : vectors.entrySet()) {
          out.write(HexFormat.of().parseHex(e.getKey()));
          for (float f : e.getValue()) {
            out.writeFloat(f);
          }
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // a cache that cannot be written (a read-only index folder) costs the next run time only
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // left behind in the index folder, named as a temporary file
        }
      }
    }
  }

  private static String key(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
