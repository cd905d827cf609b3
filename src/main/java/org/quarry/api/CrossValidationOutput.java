package org.quarry.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.quarry.coding.CrossValidation;
import org.quarry.model.CrossValidationReport;
import org.quarry.model.EvalReport;

/**
 * The JSON and text forms of a cross-validation report, as {@code quarry eval --cross-validate}
 * writes them.
 */
public final class CrossValidationOutput {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CrossValidationOutput() {}

  /** The report as pretty-printed JSON (no final line break); see {@link #of} for its shape. */
  public static String json(CrossValidationReport r) {
    try {
      return PRETTY.writeValueAsString(of(r));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot serialise a cross-validation report: " + e.getMessage(), e);
    }
  }

  /**
   * {@code {"folds", "groupBy", "methods": {m: {"threshold", "micro", "macro", "map", …}},
   * "learningCurve": [{"groups", "f1"}]}}, with the counts behind it.
   */
  static ObjectNode of(CrossValidationReport r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("folds", r.folds());
    o.put("groupBy", r.groupBy());
    o.put("passages", r.passages());
    o.put("groups", r.groupCount());
    o.put("codesWithGold", r.codesWithGold());
    o.put("codesInMap", r.codesInMap());
    if (r.learner() != null) {
      o.put("learner", r.learner());
    }
    ObjectNode methods = o.putObject("methods");
    for (Map.Entry<String, CrossValidationReport.MethodResult> e : r.methods().entrySet()) {
      CrossValidationReport.MethodResult m = e.getValue();
      ObjectNode mo = methods.putObject(e.getKey());
      mo.put("threshold", m.threshold());
      scores(mo.putObject("micro"), m.micro());
      scores(mo.putObject("macro"), m.macro());
      mo.put("map", round(m.map()));
      if (!e.getKey().equals("baseline")) {
        mo.putObject("bestThreshold")
            .put("threshold", m.bestThreshold())
            .put("f1", round(m.bestF1()));
      }
    }
    ArrayNode curve = o.putArray("learningCurve");
    for (CrossValidationReport.CurvePoint p : r.learningCurve()) {
      curve.addObject().put("groups", p.groups()).put("f1", p.f1());
    }
    return o;
  }

  /** The report as a table for reading. */
  public static void print(PrintWriter out, CrossValidationReport r) {
    out.printf(
        Locale.ROOT,
        "%d-fold cross-validation by %s: %d passages in %d groups; %d codes coded, %d with >= %d passages (MAP)%n",
        r.folds(),
        r.groupBy(),
        r.passages(),
        r.groupCount(),
        r.codesWithGold(),
        r.codesInMap(),
        CrossValidation.MAP_MIN_PASSAGES);
    if (r.learner() != null) {
      out.println("learner: " + r.learner());
    }
    out.printf(
        Locale.ROOT,
        "%-10s %9s | %6s %6s %6s | %6s %6s %6s | %6s | %s%n",
        "method",
        "threshold",
        "P",
        "R",
        "F1",
        "macroP",
        "macroR",
        "macroF",
        "MAP",
        "best F1 (threshold)");
    for (Map.Entry<String, CrossValidationReport.MethodResult> e : r.methods().entrySet()) {
      CrossValidationReport.MethodResult m = e.getValue();
      out.printf(
          Locale.ROOT,
          "%-10s %9.3f | %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f | %6.3f | %s%n",
          e.getKey(),
          m.threshold(),
          m.micro().precision(),
          m.micro().recall(),
          m.micro().f1(),
          m.macro().precision(),
          m.macro().recall(),
          m.macro().f1(),
          m.map(),
          e.getKey().equals("baseline")
              ? "-"
              : String.format(Locale.ROOT, "%.3f (%.2f)", m.bestF1(), m.bestThreshold()));
    }
    if (!r.learningCurve().isEmpty()) {
      StringBuilder sb = new StringBuilder("learning curve (training groups: micro-F1):");
      r.learningCurve()
          .forEach(p -> sb.append(String.format(Locale.ROOT, " %d: %.3f", p.groups(), p.f1())));
      out.println(sb);
    }
  }

  private static void scores(ObjectNode o, EvalReport.Scores s) {
    o.put("precision", round(s.precision()));
    o.put("recall", round(s.recall()));
    o.put("f1", round(s.f1()));
  }

  private static double round(double x) {
    return org.quarry.model.Scores.round(x);
  }
}
