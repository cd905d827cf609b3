package org.quarry.learn;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Logistic regression from Oracle's Tribuo, the second learning library that Quarry's
 * cross-validation compares with {@link LiblinearLearner}: Tribuo's {@link LinearSGDTrainer} with
 * its {@link LogMulticlass} objective (a softmax over the two labels "yes" and "no") and the
 * AdaGrad optimiser, the settings of Tribuo's own {@code LogisticRegressionTrainer} except the
 * seed: initial learning rate 1.0, epsilon 0.1, minibatches of one example, the examples shuffled
 * every epoch, {@value #DEFAULT_EPOCHS} epochs by default, weights starting at zero.
 *
 * <p>Tribuo's SGD trainers have no explicit penalty: the only regularisation is stopping after a
 * few epochs from zero weights (early stopping), where LIBLINEAR minimises an L2-penalised loss to
 * convergence.
 *
 * <p>The decision function returned is the yes label's log-odds: the yes row of the softmax weights
 * minus the no row, and likewise for the biases. A fit is deterministic for a given seed: each call
 * trains a new trainer, so the shuffling does not depend on how many fits ran before or on which
 * thread.
 */
public final class TribuoLearner implements BinaryLearner {
  /** Epochs of Tribuo's {@code LogisticRegressionTrainer}. */
  public static final int DEFAULT_EPOCHS = 5;

  /** AdaGrad's initial learning rate, as in Tribuo's {@code LogisticRegressionTrainer}. */
  static final double LEARNING_RATE = 1.0;

  /** AdaGrad's epsilon, as in Tribuo's {@code LogisticRegressionTrainer}. */
  static final double EPSILON = 0.1;

  private static final Label YES = new Label("yes");
  private static final Label NO = new Label("no");
  private static final LabelFactory LABELS = new LabelFactory();

  // a feature of value 0 that an otherwise empty row carries, as Tribuo refuses examples without
  // features; it adds nothing to a gradient, and its weight is not read back
  private static final String EMPTY = "empty";

  // Tribuo logs each training at INFO through java.util.logging, which would print to stderr;
  // held here so the level is not lost when the logger is collected
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

  static {
    TRIBUO_LOG.setLevel(Level.WARNING);
  }

  private final int epochs;
  private final long seed;

  /**
   * A learner training {@code epochs} epochs with shuffles seeded by {@code seed}.
   *
   * @throws IllegalArgumentException when epochs is under 1
   */
  public TribuoLearner(int epochs, long seed) {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be 1 or more, got " + epochs);
    }
    this.epochs = epochs;
    this.seed = seed;
  }

  // the rows as Tribuo feature names and values; names are the indices zero-padded to one width,
  // so Tribuo's sorted order of names is the order of indices, and a name parses back to its index
  private record Rows(String[][] names, double[][] values, int features) implements Matrix {
    @Override
    public int rows() {
      return names.length;
    }
  }

  @Override
  public Matrix matrix(List<SparseVector> x, int features) {
    int width = String.valueOf(Math.max(1, features)).length();
    String[] name = new String[features + 1];
    for (int i = 1; i <= features; i++) {
      name[i] = featureName(i, width);
    }
    String[][] names = new String[x.size()][];
    double[][] values = new double[x.size()][];
    for (int r = 0; r < x.size(); r++) {
      SparseVector v = x.get(r);
      int[] idx = v.indices();
      if (idx.length == 0) {
        names[r] = new String[] {EMPTY};
        values[r] = new double[] {0};
        continue;
      }
      String[] n = new String[idx.length];
      for (int j = 0; j < idx.length; j++) {
        if (idx[j] < 1 || idx[j] > features) {
          throw new IllegalArgumentException("feature " + idx[j] + " outside 1.." + features);
        }
        n[j] = name[idx[j]];
      }
      names[r] = n;
      values[r] = v.values().clone();
    }
    return new Rows(names, values, features);
  }

  /** Tribuo's name of feature {@code index}: the index, zero-padded to {@code width} digits. */
  static String featureName(int index, int width) {
    String s = Integer.toString(index);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  @Override
  public Fit fit(Matrix m, boolean[] y) {
    Rows r = (Rows) m;
    if (y.length != r.rows()) {
      throw new IllegalArgumentException(r.rows() + " rows, " + y.length + " labels");
    }
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("quarry passages", LABELS), LABELS);
    for (int i = 0; i < y.length; i++) {
      data.add(new ArrayExample<>(y[i] ? YES : NO, r.names()[i], r.values()[i]));
    }
    // a new trainer each fit: its random stream is split from the seed once per training
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(
            new LogMulticlass(), new AdaGrad(LEARNING_RATE, EPSILON), epochs, -1, 1, seed);
    LinearSGDModel model = trainer.train(data);
    ImmutableFeatureMap map = model.getFeatureIDMap();
    DenseMatrix w =
        model.getWeightsCopy(); // one row per label, one column per feature, the bias last
    int yes = model.getOutputIDInfo().getID(YES);
    int no = model.getOutputIDInfo().getID(NO);
    if (yes < 0 || no < 0) {
      throw new IllegalArgumentException("both classes must occur in the labels");
    }
    if (w.getDimension2Size() != map.size() + 1) {
      throw new IllegalStateException(
          "Tribuo's weights have "
              + w.getDimension2Size()
              + " columns for "
              + map.size()
              + " features and a bias");
    }
    double[] weights = new double[r.features()];
    for (VariableInfo info : map) {
      if (EMPTY.equals(info.getName())) {
        continue;
      }
      int col = map.getID(info.getName());
      int index = Integer.parseInt(info.getName());
      weights[index - 1] = w.get(yes, col) - w.get(no, col);
    }
    int bias = map.size();
    return new Fit(weights, w.get(yes, bias) - w.get(no, bias));
  }

  @Override
  public String name() {
    return "tribuo logistic regression (LinearSGDTrainer, LogMulticlass, AdaGrad lr="
        + LEARNING_RATE
        + " eps="
        + EPSILON
        + ", "
        + epochs
        + " epochs, minibatch 1, no penalty), seed="
        + seed;
  }
}
