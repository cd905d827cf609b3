package org.quarry.coding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.quarry.analysis.Glossary;
import org.quarry.analysis.LemmaAnnotation;
import org.quarry.index.Fields;
import org.quarry.index.IndexStamp;
import org.quarry.index.PassageDocuments;
import org.quarry.learn.BinaryLearner;
import org.quarry.learn.LearnedModel;
import org.quarry.learn.LiblinearLearner;
import org.quarry.learn.ModelFile;
import org.quarry.learn.ModelTrainer;
import org.quarry.learn.TribuoLearner;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.GoldItem;
import org.quarry.model.GroupBy;
import org.quarry.model.Passage;
import org.quarry.model.SuggestOptions;

/**
 * Learning codes from human coding on an index: which passages are coded (from a gold file, or the
 * human codings kept with the index), training and stamping the model kept beside the index,
 * telling when it is stale, and cross-validating the suggestion methods.
 */
public final class Learning {
  /** The model's file in the index folder. */
  public static final String MODEL_FILE = "quarry-model.json.gz";

  /**
   * LIBLINEAR's inverse regularisation strength. Compared at 1, 2, 4 and 16 by cross-validation on
   * the development sets (README); the figure is a property of unit-length tf-idf vectors, not of
   * one study.
   */
  public static final double DEFAULT_C = 2;

  private Learning() {}

  /** The learner Quarry trains with: LIBLINEAR's dual solver, C = {@link #DEFAULT_C}. */
  public static BinaryLearner defaultLearner() {
    return LiblinearLearner.dual(DEFAULT_C);
  }

  /** The learners {@link #learner} knows, the default first. */
  public static final List<String> LEARNERS = org.quarry.model.CrossValidationOptions.LEARNERS;

  /**
   * The learner called {@code name}: {@code liblinear} ({@link #defaultLearner()}) or {@code
   * tribuo} ({@link TribuoLearner}, its default epochs, shuffled by {@code seed}), for comparing
   * the two by cross-validation.
   *
   * @throws IllegalArgumentException for another name
   */
  public static BinaryLearner learner(String name, long seed) {
    return switch (name) {
      case "liblinear" -> defaultLearner();
      case "tribuo" -> new TribuoLearner(TribuoLearner.DEFAULT_EPOCHS, seed);
      default ->
          throw new IllegalArgumentException(
              "unknown learner " + name + "; expected one of " + LEARNERS);
    };
  }

  /** The model file of the index in {@code dir}. */
  public static Path modelFile(Path dir) {
    return dir.resolve(MODEL_FILE);
  }

  /**
   * The passages {@code options} select in {@code reader}'s index with the codes of {@code
   * codebook} that {@code items} give them (matched among {@code all}, every passage of the index),
   * grouped by {@code groupBy}; see {@link CodedPassages}.
   */
  public static CodedPassages coded(
      IndexReader reader,
      Codebook codebook,
      Glossary glossary,
      List<GoldItem> items,
      List<Passage> all,
      SuggestOptions options,
      GroupBy groupBy)
      throws IOException {
    return coded(reader, codebook, glossary, items, all, Set.of(), options, groupBy);
  }

  /**
   * The same, with the sources where suggestions were rejected counted as coded (their passages
   * without a code are negatives, as in a coded source).
   */
  public static CodedPassages coded(
      IndexReader reader,
      Codebook codebook,
      Glossary glossary,
      List<GoldItem> items,
      List<Passage> all,
      Set<String> reviewedSources,
      SuggestOptions options,
      GroupBy groupBy)
      throws IOException {
    Set<String> ids = new HashSet<>();
    codebook.codes().forEach(c -> ids.add(c.id()));
    List<GoldItem> inBook = items.stream().filter(g -> ids.contains(g.code())).toList();
    List<Optional<Passage>> matches = GoldSet.match(inBook, all);
    List<BaggedPassages.Bagged> selected =
        BaggedPassages.read(reader, new CodeSuggester(codebook, glossary), options);
    return CodedPassages.of(selected, inBook, matches, reviewedSources, groupBy);
  }

  /**
   * Trains a model on {@code coded} and stamps it with {@code codebook} and the index's analysis.
   *
   * @throws IllegalArgumentException when no code has enough coded passages
   */
  public static LearnedModel train(
      IndexReader reader, Codebook codebook, CodedPassages coded, int threads, long seed)
      throws IOException {
    return train(reader, codebook, coded, ModelTrainer.Options.defaults(threads, seed));
  }

  /**
   * As {@link #train(IndexReader, Codebook, CodedPassages, int, long)}, with these training options
   * (with a sentence-vector weight, {@code coded} must carry the vectors: {@link
   * CodedPassages#withSentences}).
   */
  public static LearnedModel train(
      IndexReader reader, Codebook codebook, CodedPassages coded, ModelTrainer.Options options)
      throws IOException {
    ModelTrainer trainer = new ModelTrainer(defaultLearner(), options);
    List<org.quarry.learn.PassageBag> bags =
        coded.passages().stream().map(BaggedPassages.Bagged::bag).toList();
    LearnedModel model =
        trainer.train(
            bags, coded.labels(), coded.groups(), codebook.codes().stream().map(Code::id).toList());
    if (model.classifiers().isEmpty()) {
      throw new IllegalArgumentException(
          "no code has "
              + ModelTrainer.Options.DEFAULT_MIN_POSITIVES
              + " or more coded passages among the "
              + coded.size()
              + " passages of the coded sources; code more passages first");
    }
    return model.stamped(stamp(reader, codebook));
  }

  /** The stamp of a model trained now with {@code codebook} on the index of {@code reader}. */
  public static LearnedModel.Stamp stamp(IndexReader reader, Codebook codebook) throws IOException {
    return new LearnedModel.Stamp(digest(codebook), analysis(reader), LearnedModel.Stamp.FORMAT);
  }

  /**
   * Why {@code model} cannot be used with {@code codebook} on the index in {@code dir}, or empty
   * when it can.
   */
  public static Optional<String> staleness(
      LearnedModel model, Codebook codebook, IndexReader reader) throws IOException {
    LearnedModel.Stamp now = stamp(reader, codebook);
    LearnedModel.Stamp then = model.stamp();
    if (then == null || !then.codebook().equals(now.codebook())) {
      return Optional.of(
          "the model was trained with another codebook (or another version of this one)");
    }
    if (!then.analysis().equals(now.analysis())) {
      return Optional.of(
          "the model was trained on an index analysed as "
              + then.analysis()
              + ", this index is "
              + now.analysis());
    }
    return Optional.empty();
  }

  /** Reads the model kept with the index in {@code dir}, or empty when there is none. */
  public static Optional<LearnedModel> readModel(Path dir) throws IOException {
    Path f = modelFile(dir);
    return java.nio.file.Files.isRegularFile(f) ? Optional.of(ModelFile.read(f)) : Optional.empty();
  }

  /** Writes {@code model} beside the index in {@code dir}, replacing the old one in one step. */
  public static void writeModel(Path dir, LearnedModel model) throws IOException {
    ModelFile.write(model, modelFile(dir));
  }

  /** Opens the index in {@code dir} for reading. */
  public static DirectoryReader open(Path dir) throws IOException {
    Directory d = FSDirectory.open(dir);
    try {
      return DirectoryReader.open(d);
    } catch (IOException | RuntimeException e) {
      d.close();
      throw e;
    }
  }

  // what the index's text was analysed with: its stamp, or for an index made before stamps, what
  // its stored annotations show (their format version, tagged or not)
  private static String analysis(IndexReader reader) throws IOException {
    Optional<IndexStamp> stamp = IndexStamp.of(reader);
    if (stamp.isPresent()) {
      return stamp.get().analysis().describe();
    }
    IndexSearcher searcher = new IndexSearcher(reader);
    TopDocs top = searcher.search(new TermQuery(new Term(Fields.TYPE, Fields.TYPE_PASSAGE)), 1);
    if (top.scoreDocs.length == 0) {
      return "empty";
    }
    StoredFields stored = reader.storedFields();
    Document d = stored.document(top.scoreDocs[0].doc, PassageDocuments.ANNOTATION_FIELDS);
    LemmaAnnotation a = PassageDocuments.annotation(d);
    if (a == null) {
      return "none";
    }
    // an annotation stored as text names its version; the compact form means lemma-v2
    String enc = d.get(Fields.ANNOTATION);
    return LemmaAnnotation.versionOf(enc != null ? enc : a.encode()) + (a.hasTags() ? "+pos" : "");
  }

  // a digest of everything of the codebook a model depends on
  private static String digest(Codebook codebook) {
    StringBuilder sb = new StringBuilder();
    for (Code c : codebook.codes()) {
      sb.append(c.id())
          .append('\u0000')
          .append(c.name())
          .append('\u0000')
          .append(c.description())
          .append('\u0000')
          .append(c.parent())
          .append('\u0000')
          .append(c.terms())
          .append('\u0000')
          .append(c.exclude())
          .append('\u0000')
          .append(c.query())
          .append('\u0000')
          .append(c.weight())
          .append('\n');
    }
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(sb.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
