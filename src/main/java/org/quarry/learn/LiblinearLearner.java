package org.quarry.learn;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.List;

/**
 * L2-regularised logistic regression from LIBLINEAR's Java port, solved in the primal by its
 * trust-region Newton method ({@link #LiblinearLearner(double)}: no random order of coordinates,
 * precise, and fast on sparse text features) or in the dual by coordinate descent ({@link
 * #dual(double)}: over three times faster once every passage has a dense block of word vectors, at
 * LIBLINEAR's own tolerance for it). Both are deterministic: the dual's order of coordinates comes
 * from a random generator of fixed seed that each fit copies.
 */
public final class LiblinearLearner implements BinaryLearner {
  static {
    Linear.disableDebugOutput();
  }

  private final double c;
  private final boolean dual;

  /**
   * A learner with inverse regularisation strength {@code c}.
   *
   * @throws IllegalArgumentException when c is not positive
   */
  public LiblinearLearner(double c) {
    this(c, false);
  }

  private LiblinearLearner(double c, boolean dual) {
    if (!(c > 0)) {
      throw new IllegalArgumentException("C must be positive, got " + c);
    }
    this.c = c;
    this.dual = dual;
  }

  /**
   * A learner with inverse regularisation strength {@code c}, solved in the dual.
   *
   * @throws IllegalArgumentException when c is not positive
   */
  public static LiblinearLearner dual(double c) {
    return new LiblinearLearner(c, true);
  }

  private record Rows(Feature[][] x, int features) implements Matrix {
    @Override
    public int rows() {
      return x.length;
    }
  }

  @Override
  public Matrix matrix(List<SparseVector> x, int features) {
    Feature[][] rows = new Feature[x.size()][];
    for (int i = 0; i < x.size(); i++) {
      SparseVector v = x.get(i);
      Feature[] row = new Feature[v.indices().length + 1];
      for (int j = 0; j < v.indices().length; j++) {
        row[j] = new FeatureNode(v.indices()[j], v.values()[j]);
      }
      row[row.length - 1] = new FeatureNode(features + 1, 1); // the bias, a last feature of value 1
      rows[i] = row;
    }
    return new Rows(rows, features);
  }

  @Override
  public Fit fit(Matrix m, boolean[] y) {
    Rows r = (Rows) m;
    Problem p = new Problem();
    p.l = r.x().length;
    p.n = r.features() + 1;
    p.bias = 1;
    p.x = r.x(); // read, never written, by training: shared by the threads fitting other codes
    p.y = new double[p.l];
    for (int i = 0; i < p.l; i++) {
      p.y[i] = y[i] ? 1 : -1;
    }
    // each solver at the stopping tolerance LIBLINEAR chooses for it by default
    Model model =
        Linear.train(
            p,
            dual
                ? new Parameter(SolverType.L2R_LR_DUAL, c, 0.1)
                : new Parameter(SolverType.L2R_LR, c, 0.01));
    double[] w = model.getFeatureWeights();
    // LIBLINEAR's weights are for its first label, the class of the first training example
    double sign = model.getLabels()[0] == 1 ? 1 : -1;
    int features = r.features();
    double[] weights = new double[features];
    for (int i = 0; i < features; i++) {
      weights[i] = sign * w[i];
    }
    return new Fit(weights, sign * w[features]);
  }

  @Override
  public String name() {
    return "liblinear L2 logistic regression" + (dual ? " (dual)" : "") + ", C=" + c;
  }
}
