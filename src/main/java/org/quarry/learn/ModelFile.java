package org.quarry.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes a {@link LearnedModel} as gzipped JSON. A write goes to a temporary file that
 * then replaces the old model in one step, so a crash half way leaves the previous model whole.
 * Weights are stored sparse (the features a code's weight is not zero for).
 */
public final class ModelFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelFile() {}

  /** Writes {@code model} to {@code file}, replacing what was there only once it is complete. */
  public static void write(LearnedModel model, Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    LearnedModel.Stamp s = model.stamp();
    root.put("format", LearnedModel.Stamp.FORMAT);
    if (s != null) {
      root.put("codebook", s.codebook());
      root.put("analysis", s.analysis());
    }
    root.put("threshold", model.threshold());
    root.put("lexiconThreshold", model.lexiconThreshold());
    root.put("combinedThreshold", model.combinedThreshold());
    ArrayNode uncoded = root.putArray("uncoded");
    model.uncoded().forEach(uncoded::add);
    ArrayNode better = root.putArray("lexiconBetter");
    model.lexiconBetter().forEach(better::add);
    root.put("passages", model.passages());
    root.put("learner", model.learner());
    ArrayNode tooFew = root.putArray("tooFew");
    model.tooFew().forEach(tooFew::add);
    Vocabulary v = model.vocabulary();
    ObjectNode voc = root.putObject("vocabulary");
    ArrayNode terms = voc.putArray("terms");
    v.terms().forEach(terms::add);
    ArrayNode idf = voc.putArray("idf");
    for (double d : v.idf()) {
      idf.add(d);
    }
    ArrayNode kinds = voc.putArray("kinds");
    v.kinds().forEach(kinds::add);
    ArrayNode lex = voc.putArray("lexiconCodes");
    v.lexiconCodes().forEach(lex::add);
    if (v.vectors() != null) {
      ObjectNode wv = voc.putObject("wordVectors");
      wv.put("source", v.vectors().source());
      wv.put("dimensions", v.vectors().dimensions());
      wv.put("weight", v.vectorWeight());
    }
    SentenceBlock sb = v.sentences();
    if (sb != null) {
      ObjectNode sv = voc.putObject("sentenceVectors");
      sv.put("encoder", sb.encoder());
      sv.put("weight", sb.weight());
      ArrayNode mean = sv.putArray("mean");
      for (float f : sb.mean()) {
        mean.add(f);
      }
    }
    ArrayNode codes = root.putArray("classifiers");
    for (CodeClassifier c : model.classifiers()) {
      ObjectNode o = codes.addObject();
      o.put("code", c.code());
      o.put("bias", c.bias());
      o.put("a", c.a());
      o.put("b", c.b());
      o.put("positives", c.positives());
      ArrayNode idx = o.putArray("index");
      ArrayNode w = o.putArray("weight");
      double[] weights = c.weights();
      for (int i = 0; i < weights.length; i++) {
        if (weights[i] != 0) {
          idx.add(i);
          w.add(weights[i]);
        }
      }
    }
    CodeCompetition k = model.competition();
    if (k != null) {
      // null for a code the competition leaves as it is (JSON has no NaN)
      ObjectNode comp = root.putObject("competition");
      ArrayNode own = comp.putArray("own");
      ArrayNode rival = comp.putArray("rival");
      ArrayNode bias = comp.putArray("bias");
      for (int c = 0; c < k.own().length; c++) {
        if (Double.isNaN(k.own()[c])) {
          own.addNull();
        } else {
          own.add(k.own()[c]);
        }
        rival.add(k.rival()[c]);
        bias.add(k.bias()[c]);
      }
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".quarry-model", ".tmp");
    try {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
        JSON.writeValue(out, root);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Reads a model.
   *
   * @throws IOException when the file cannot be read or is not a model of a known format
   */
  public static LearnedModel read(Path file) throws IOException {
    JsonNode root;
    try (var in = new GZIPInputStream(Files.newInputStream(file))) {
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new IOException(file + ": not a Quarry model (" + e.getMessage() + ")", e);
    }
    int format = root.path("format").asInt(-1);
    if (format < 1 || format > LearnedModel.Stamp.FORMAT) {
      throw new IOException(
          file
              + ": model format "
              + format
              + ", this Quarry reads 1 to "
              + LearnedModel.Stamp.FORMAT
              + " (run 'quarry learn' again)");
    }
    JsonNode voc = root.path("vocabulary");
    List<String> terms = strings(voc.path("terms"));
    double[] idf = new double[voc.path("idf").size()];
    for (int i = 0; i < idf.length; i++) {
      idf[i] = voc.path("idf").get(i).asDouble();
    }
    Vocabulary v =
        new Vocabulary(
            terms,
            idf,
            strings(voc.path("kinds")),
            strings(voc.path("lexiconCodes")),
            voc.has("wordVectors") ? vectors(file, voc.path("wordVectors")) : null,
            voc.path("wordVectors").path("weight").asDouble(0),
            voc.has("sentenceVectors") ? sentences(file, voc.path("sentenceVectors")) : null);
    List<CodeClassifier> classifiers = new ArrayList<>();
    for (JsonNode o : root.path("classifiers")) {
      double[] w = new double[v.size()];
      JsonNode idx = o.path("index");
      JsonNode wt = o.path("weight");
      for (int i = 0; i < idx.size(); i++) {
        w[idx.get(i).asInt()] = wt.get(i).asDouble();
      }
      classifiers.add(
          new CodeClassifier(
              o.path("code").asText(),
              w,
              o.path("bias").asDouble(),
              o.path("a").asDouble(),
              o.path("b").asDouble(),
              o.path("positives").asInt()));
    }
    LearnedModel.Stamp stamp =
        root.has("codebook")
            ? new LearnedModel.Stamp(
                root.path("codebook").asText(), root.path("analysis").asText(), format)
            : null;
    return new LearnedModel(
        v,
        classifiers,
        root.path("threshold").asDouble(),
        root.path("lexiconThreshold").asDouble(SuggestDefaults.LEXICON_THRESHOLD),
        root.path("combinedThreshold").asDouble(root.path("threshold").asDouble()),
        strings(root.path("tooFew")),
        strings(root.path("uncoded")),
        strings(root.path("lexiconBetter")),
        root.path("passages").asInt(),
        root.path("learner").asText(),
        root.has("competition") ? competition(file, root.path("competition"), classifiers) : null,
        stamp);
  }

  // the word vectors a model was trained with; only CoreNLP's English ones exist so far
  private static WordVectors vectors(Path file, JsonNode node) throws IOException {
    String source = node.path("source").asText();
    if (!source.equals(WordVectors.ENGLISH)
        || node.path("dimensions").asInt() != WordVectors.english().dimensions()
        || !(node.path("weight").asDouble(0) > 0)) {
      throw new IOException(
          file
              + ": the model uses word vectors "
              + node
              + " this Quarry does not have (run 'quarry learn' again)");
    }
    return WordVectors.english();
  }

  // the sentence-vector block a model was trained with
  private static SentenceBlock sentences(Path file, JsonNode node) throws IOException {
    SentenceEncoder encoder;
    try {
      encoder = SentenceEncoder.named(node.path("encoder").asText());
    } catch (IllegalArgumentException e) {
      throw new IOException(
          file + ": the model uses " + e.getMessage() + " (run 'quarry learn' again)", e);
    }
    JsonNode mean = node.path("mean");
    double weight = node.path("weight").asDouble(0);
    if (mean.size() != encoder.dimensions() || !(weight > 0)) {
      throw new IOException(
          file
              + ": the model's sentence vectors do not fit "
              + encoder
              + " (run 'quarry learn' again)");
    }
    float[] m = new float[mean.size()];
    for (int i = 0; i < m.length; i++) {
      m[i] = (float) mean.get(i).asDouble();
    }
    return new SentenceBlock(encoder.name(), weight, m);
  }

  // the code competition of a format 4 model, one entry per classifier
  private static CodeCompetition competition(
      Path file, JsonNode node, List<CodeClassifier> classifiers) throws IOException {
    int n = classifiers.size();
    if (node.path("own").size() != n
        || node.path("rival").size() != n
        || node.path("bias").size() != n) {
      throw new IOException(
          file
              + ": the model's code competition does not fit its codes (run 'quarry learn' again)");
    }
    double[] own = new double[n];
    double[] rival = new double[n];
    double[] bias = new double[n];
    for (int c = 0; c < n; c++) {
      JsonNode o = node.path("own").get(c);
      own[c] = o.isNull() ? Double.NaN : o.asDouble();
      rival[c] = node.path("rival").get(c).asDouble();
      bias[c] = node.path("bias").get(c).asDouble();
    }
    return new CodeCompetition(own, rival, bias);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
