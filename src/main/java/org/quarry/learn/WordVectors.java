package org.quarry.learn;

import edu.stanford.nlp.io.IOUtils;
import edu.stanford.nlp.neural.Embedding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.ejml.simple.SimpleMatrix;

/**
 * Pretrained word vectors: what a passage's words mean beyond the words a few coded passages happen
 * to use. A model trained on "nurse" and "kind" then also speaks for a passage about a "doctor" who
 * was "caring", which matters most when codings are few or another site words things its own way.
 *
 * <p>{@link #english()} reads the 50-dimension English vectors that ship in Stanford CoreNLP's
 * models jar (its neural coreference model's embeddings, 103,144 lower-case words), a dependency
 * Quarry has anyway: nothing is downloaded. Each vector is kept at unit length, as 32-bit floats.
 */
public final class WordVectors {
  /** Class-path resource of CoreNLP's English vectors. */
  public static final String ENGLISH =
      "edu/stanford/nlp/models/coref/neural/english-embeddings.ser.gz";

  private final String source;
  private final int dimensions;
  private final Map<String, float[]> vectors;

  /**
   * Vectors read from {@code source}, one per word (lower case), all of {@code dimensions}.
   *
   * @throws IllegalArgumentException when a vector has another length
   */
  public WordVectors(String source, int dimensions, Map<String, float[]> vectors) {
    this.source = source;
    this.dimensions = dimensions;
    Map<String, float[]> unit = new HashMap<>(vectors.size() * 2);
    vectors.forEach(
        (w, v) -> {
          if (v.length != dimensions) {
            throw new IllegalArgumentException(
                "vector of '" + w + "' has " + v.length + " dimensions, not " + dimensions);
          }
          double norm = 0;
          for (float x : v) {
            norm += (double) x * x;
          }
          if (norm > 0) {
            float[] u = new float[dimensions];
            double s = 1 / Math.sqrt(norm);
            for (int d = 0; d < dimensions; d++) {
              u[d] = (float) (v[d] * s);
            }
            unit.put(w, u);
          }
        });
    this.vectors = Map.copyOf(unit);
  }

  private static final class English {
    // read on first use, once per process: about 0.7 s and 25 MB
    static final WordVectors VECTORS = read(ENGLISH);
  }

  /** CoreNLP's English vectors ({@link #ENGLISH}), read on first use. */
  public static WordVectors english() {
    return English.VECTORS;
  }

  /**
   * The vectors of class-path resource {@code source}, which must be a serialized CoreNLP {@link
   * Embedding}.
   *
   * @throws UncheckedIOException when it cannot be read
   */
  public static WordVectors read(String source) {
    Embedding e;
    try {
      e = IOUtils.readObjectFromURLOrClasspathOrFileSystem(source);
    } catch (IOException | ClassNotFoundException | ClassCastException x) {
      throw new UncheckedIOException(
          new IOException("cannot read word vectors " + source + ": " + x.getMessage(), x));
    }
    int dims = e.getEmbeddingSize();
    // every word vector shares a common direction, which a mean of them then mostly is; taking the
    // mean unit vector away leaves what tells words apart (Mu and Viswanath's "all-but-the-top")
    double[] centre = new double[dims];
    int n = 0;
    for (SimpleMatrix m : e.getWordVectors().values()) {
      double norm = m.normF();
      if (m.getNumElements() == dims && norm > 0) {
        for (int d = 0; d < dims; d++) {
          centre[d] += m.get(d) / norm;
        }
        n++;
      }
    }
    for (int d = 0; d < dims; d++) {
      centre[d] /= Math.max(n, 1);
    }
    Map<String, float[]> table = new HashMap<>(e.size() * 2);
    for (Map.Entry<String, SimpleMatrix> w : e.entrySet()) {
      SimpleMatrix m = w.getValue();
      if (m.getNumElements() != dims || !(m.normF() > 0)) {
        continue;
      }
      float[] v = new float[dims];
      for (int d = 0; d < dims; d++) {
        v[d] = (float) (m.get(d) / m.normF() - centre[d]);
      }
      table.put(w.getKey(), v);
    }
    return new WordVectors(source, dims, table);
  }

  /** Where the vectors came from. */
  public String source() {
    return source;
  }

  /** Length of each vector. */
  public int dimensions() {
    return dimensions;
  }

  /** Number of words with a vector. */
  public int size() {
    return vectors.size();
  }

  /** The unit vector of {@code word} (any case), or null when it has none. */
  public float[] get(String word) {
    float[] v = vectors.get(word.toLowerCase(Locale.ROOT));
    return v == null ? null : v.clone();
  }

  /**
   * The weighted mean of the vectors of the single words among {@code counts} (a term holding a
   * space or {@code _}, a phrase or a word pair, is left out), each weighted by {@code 1 + ln
   * count} times {@code weight} of the term, scaled to unit length; all zeros when no word has a
   * vector.
   */
  public double[] mean(Map<String, Integer> counts, ToDoubleFunction<String> weight) {
    double[] m = new double[dimensions];
    for (Map.Entry<String, Integer> t : counts.entrySet()) {
      String w = t.getKey();
      if (t.getValue() <= 0 || w.indexOf(' ') >= 0 || w.indexOf('_') >= 0) {
        continue;
      }
      float[] v = vectors.get(w.toLowerCase(Locale.ROOT));
      if (v == null) {
        continue;
      }
      double wt = (1 + Math.log(t.getValue())) * weight.applyAsDouble(w);
      for (int d = 0; d < dimensions; d++) {
        m[d] += wt * v[d];
      }
    }
    double norm = 0;
    for (double x : m) {
      norm += x * x;
    }
    if (norm > 0) {
      double s = 1 / Math.sqrt(norm);
      for (int d = 0; d < dimensions; d++) {
        m[d] *= s;
      }
    }
    return m;
  }

  @Override
  public String toString() {
    return "WordVectors[" + source + ", " + vectors.size() + " words x " + dimensions + "]";
  }
}
