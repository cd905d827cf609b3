package org.quarry.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.quarry.model.KeyTerm;

/**
 * The JSON and text forms of key terms ({@link Quarry#terms}), as {@code quarry terms} writes them.
 */
public final class TermsOutput {
  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TermsOutput() {}

  /** The terms as a pretty-printed JSON array of their record components (no final line break). */
  public static String json(List<KeyTerm> terms) {
    try {
      return PRETTY.writeValueAsString(terms);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise key terms: " + e.getMessage(), e);
    }
  }

  /** The terms as a table for reading, with an example passage each. */
  public static void print(PrintWriter out, List<KeyTerm> terms) {
    // the term column as wide as the longest term (noun phrases run to four words)
    int width = Math.max(32, terms.stream().mapToInt(t -> t.term().length()).max().orElse(0));
    String row = "%-" + width + "s %-6s %6s %6s %9s  %s%n";
    out.printf(Locale.ROOT, row, "term", "kind", "in", "out", "G2", "example");
    for (KeyTerm t : terms) {
      out.printf(
          Locale.ROOT,
          row,
          t.term(),
          t.phrase() ? "phrase" : "word",
          t.in(),
          t.out(),
          String.format(Locale.ROOT, "%.2f", t.g2()),
          t.example());
    }
  }
}
