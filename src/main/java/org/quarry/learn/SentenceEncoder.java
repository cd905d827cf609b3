package org.quarry.learn;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A sentence encoder: what a whole passage says, as one vector, from a small transformer trained on
 * English sentence pairs. Word counts and averaged word vectors cannot tell "the staff never told
 * me anything" (information) from "the staff never listened" (attitude); a sentence encoder reads
 * the words in order and can.
 *
 * <p>{@link #bgeSmall()} is BAAI's bge-small-en-v1.5 (384 dimensions, quantised to 8 bits), run in
 * process by ONNX Runtime. The model, its tokenizer and both native libraries come inside jars from
 * Maven Central: nothing is downloaded. It encodes about 150 short comments a second on two cores,
 * so it is opt-in ({@code learn --sentence-vectors}) rather than part of every learned model.
 */
public final class SentenceEncoder implements TextVectors {
  /** Name of {@link #bgeSmall()}, as a model file records it. */
  public static final String BGE_SMALL = "bge-small-en-v1.5-q";

  private static final String DJL_OFFLINE = "ai.djl.offline";

  // texts per call into the model: its own threads share a batch out
  private static final int BATCH = 64;

  private final String name;
  private final int dimensions;
  private final Supplier<EmbeddingModel> model;
  private EmbeddingModel loaded;

  SentenceEncoder(String name, int dimensions, Supplier<EmbeddingModel> model) {
    this.name = name;
    this.dimensions = dimensions;
    this.model = model;
  }

  private static final class Bge {
    // the model is loaded on first use, once per process (about a second)
    static final SentenceEncoder ENCODER =
        new SentenceEncoder(BGE_SMALL, 384, BgeSmallEnV15QuantizedEmbeddingModel::new);
  }

  /** BAAI's bge-small-en-v1.5, quantised ({@link #BGE_SMALL}). */
  public static SentenceEncoder bgeSmall() {
    return Bge.ENCODER;
  }

  /**
   * The encoder a model file names.
   *
   * @throws IllegalArgumentException for a name this Quarry does not know
   */
  public static SentenceEncoder named(String name) {
    if (BGE_SMALL.equals(name)) {
      return bgeSmall();
    }
    throw new IllegalArgumentException("unknown sentence encoder '" + name + "'");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int dimensions() {
    return dimensions;
  }

  /**
   * One unit-length vector per text, in order. A text given twice is encoded once.
   *
   * @throws IllegalStateException when the model cannot start or returns vectors of another length
   */
  @Override
  public List<float[]> encode(List<String> texts) {
    Map<String, float[]> unique = new LinkedHashMap<>();
    texts.forEach(t -> unique.put(t, null));
    List<String> todo = new ArrayList<>(unique.keySet());
    EmbeddingModel m = model();
    for (int i = 0; i < todo.size(); i += BATCH) {
      List<TextSegment> batch = new ArrayList<>();
      for (String t : todo.subList(i, Math.min(todo.size(), i + BATCH))) {
        // the model refuses a blank segment; a blank passage says nothing either way
        batch.add(TextSegment.from(t.isBlank() ? "." : t));
      }
      List<Embedding> out = m.embedAll(batch).content();
      for (int j = 0; j < out.size(); j++) {
        float[] v = out.get(j).vector();
        if (v.length != dimensions) {
          throw new IllegalStateException(
              name + " gave " + v.length + " dimensions, not " + dimensions);
        }
        unique.put(todo.get(i + j), unit(v));
      }
    }
    List<float[]> result = new ArrayList<>(texts.size());
    Map<String, float[]> given = new HashMap<>(unique);
    texts.forEach(t -> result.add(given.get(t)));
    return result;
  }

  private synchronized EmbeddingModel model() {
    if (loaded == null) {
      // the tokenizer's native library is in its jar; offline, DJL never fetches one instead
      if (System.getProperty(DJL_OFFLINE) == null) {
        System.setProperty(DJL_OFFLINE, "true");
      }
      try {
        loaded = model.get();
      } catch (RuntimeException | LinkageError e) {
        throw new IllegalStateException(
            "the sentence encoder "
                + name
                + " cannot run on this machine ("
                + e
                + "); learn without --sentence-vectors",
            e);
      }
    }
    return loaded;
  }

  private static float[] unit(float[] v) {
    double n = 0;
    for (float x : v) {
      n += (double) x * x;
    }
    if (n == 0) {
      return v.clone();
    }
    float[] u = new float[v.length];
    double s = 1 / Math.sqrt(n);
    for (int i = 0; i < v.length; i++) {
      u[i] = (float) (v[i] * s);
    }
    return u;
  }

  @Override
  public String toString() {
    return name + " (" + dimensions + " dimensions)";
  }
}
