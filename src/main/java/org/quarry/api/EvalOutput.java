package org.quarry.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.Locale;
import org.quarry.model.EvalReport;
import org.quarry.model.GoldItem;

/**
 * The JSON and text forms of an evaluation against a gold set, as {@code quarry eval} writes them.
 */
public final class EvalOutput {
  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private EvalOutput() {}

  /** The report as pretty-printed JSON of its record components (no final line break). */
  public static String json(EvalReport r) {
    try {
      return PRETTY.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot serialise an evaluation report: " + e.getMessage(), e);
    }
  }

  /**
   * The report as a table for reading: per code and overall, Quarry against the keyword baseline.
   */
  public static void print(PrintWriter out, EvalReport r) {
    out.printf(
        Locale.ROOT,
        "gold items: %d (%d outside the codebook), %d matched to %d passages; prediction: score >= %.2f%n",
        r.items(),
        r.outsideCodebook(),
        r.matched(),
        r.passages(),
        r.threshold());
    out.printf(Locale.ROOT, "%-32s %5s | %-24s | %-24s%n", "", "", "Quarry", "keyword baseline");
    out.printf(
        Locale.ROOT,
        "%-32s %5s | %6s %6s %6s %3s | %6s %6s %6s %3s%n",
        "code",
        "gold",
        "P",
        "R",
        "F1",
        "tp",
        "P",
        "R",
        "F1",
        "tp");
    for (EvalReport.CodeResult c : r.codes()) {
      row(out, c.code(), String.valueOf(c.gold()), c.quarry(), c.baseline());
    }
    row(out, "micro", "", r.quarryMicro(), r.baselineMicro());
    row(out, "macro", "", r.quarryMacro(), r.baselineMacro());
    out.printf(
        Locale.ROOT,
        "top-1 accuracy: Quarry %.3f (%d/%d), keyword baseline %.3f (%d/%d)%n",
        r.quarryTop1(),
        r.top1Correct(),
        r.matched(),
        r.baselineTop1(),
        r.baselineTop1Correct(),
        r.matched());
    if (r.unmatched().isEmpty()) {
      out.println("every gold item in the codebook was matched to a passage");
    } else {
      out.println("gold items matched to no passage:");
      for (GoldItem g : r.unmatched()) {
        String q = g.quote() == null ? "[" + g.start() + ", " + g.end() + ")" : g.quote();
        out.printf(
            Locale.ROOT,
            "  line %d %s %s: %s%n",
            g.line(),
            g.doc(),
            g.code(),
            q.length() > 70 ? q.substring(0, 69) + "…" : q);
      }
    }
  }

  private static void row(
      PrintWriter out, String label, String gold, EvalReport.Scores q, EvalReport.Scores b) {
    out.printf(
        Locale.ROOT,
        "%-32s %5s | %6.3f %6.3f %6.3f %3d | %6.3f %6.3f %6.3f %3d%n",
        label,
        gold,
        q.precision(),
        q.recall(),
        q.f1(),
        q.tp(),
        b.precision(),
        b.recall(),
        b.f1(),
        b.tp());
  }
}
