package org.quarry.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.quarry.model.Evidence;
import org.quarry.model.Passage;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.Scores;
import org.quarry.model.Suggestion;
import org.quarry.report.Csv;

/**
 * How suggested codes are written: {@code jsonl} (one passage with its suggestions and evidence a
 * line), {@code csv} (one suggestion a row) or {@code text} (for reading). {@code quarry suggest}
 * and {@code quarry eval --predictions} write through this.
 */
public enum SuggestionOutput {
  /** A passage and its ranked suggestions a line, as JSON. */
  JSONL,
  /** A suggestion a row, with its passage, rank, score, evidence and the passage's words. */
  CSV,
  /** A passage a block: its id, its words on one line, then a suggestion a line. */
  TEXT;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Writes the passages' suggestions to {@code w} and flushes it. */
  public void write(PrintWriter w, List<PassageSuggestions> passages) {
    switch (this) {
      case JSONL -> passages.forEach(p -> w.println(jsonLine(p)));
      case CSV -> {
        w.println("passage,source,kind,participant,start,end,rank,code,score,evidence,text");
        for (PassageSuggestions ps : passages) {
          Passage p = ps.passage();
          int rank = 1;
          for (Suggestion s : ps.suggestions()) {
            w.println(
                String.join(
                    ",",
                    Csv.field(p.id()),
                    Csv.field(p.source()),
                    p.kind().label(),
                    Csv.field(p.participant()),
                    String.valueOf(p.start()),
                    String.valueOf(p.end()),
                    String.valueOf(rank++),
                    Csv.field(s.code()),
                    String.valueOf(s.score()),
                    Csv.field(evidence(s)),
                    Csv.field(OneLine.of(p.text()))));
          }
        }
      }
      case TEXT -> {
        for (PassageSuggestions ps : passages) {
          Passage p = ps.passage();
          w.println(
              p.id()
                  + (p.participant() == null ? "" : " [" + p.participant() + "]")
                  + " "
                  + p.kind().label());
          w.println("    " + OneLine.of(p.text()));
          for (Suggestion s : ps.suggestions()) {
            w.println("  " + Scores.format(s.score(), 2) + " " + s.code() + ": " + evidence(s));
          }
        }
      }
    }
    w.flush();
  }

  private static String evidence(Suggestion s) {
    List<String> parts = new ArrayList<>();
    for (Evidence e : s.evidence()) {
      parts.add(
          e.matched() + "@" + e.start() + "-" + e.end() + (e.inContext() ? " (context)" : ""));
    }
    return String.join("; ", parts);
  }

  /** One passage and its suggestions as a line of JSON (no line break). */
  public static String jsonLine(PassageSuggestions ps) {
    Passage p = ps.passage();
    ObjectNode o = JSON.createObjectNode();
    o.put("id", p.id());
    o.put("source", p.source());
    o.put("kind", p.kind().label());
    o.put("participant", p.participant());
    o.put("start", p.start());
    o.put("end", p.end());
    ArrayNode list = o.putArray("suggestions");
    for (Suggestion s : ps.suggestions()) {
      ObjectNode so = list.addObject();
      so.put("code", s.code());
      so.put("score", s.score());
      ArrayNode ev = so.putArray("evidence");
      for (Evidence e : s.evidence()) {
        ObjectNode eo =
            ev.addObject()
                .put("term", e.term())
                .put("matched", e.matched())
                .put("start", e.start())
                .put("end", e.end());
        if (e.inContext()) {
          eo.put("context", e.context());
        }
      }
    }
    return o.toString();
  }
}
