package org.quarry.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scale benchmark's result: its rows, the machine and software it ran on, and notes.
 *
 * @param passages passages asked for
 * @param seed the generator's seed
 * @param environment machine, JDK, library versions and commit, in display order
 * @param rows figures, each with its baseline
 * @param phaseSeconds wall time of each phase, in order
 * @param notes what the figures mean and how they were taken
 */
public record ScaleReport(
    int passages,
    long seed,
    Map<String, String> environment,
    List<ScaleRow> rows,
    Map<String, Double> phaseSeconds,
    List<String> notes) {
  public ScaleReport {
    environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    rows = List.copyOf(rows);
    phaseSeconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(phaseSeconds));
    notes = List.copyOf(notes);
  }

  /** A Markdown report: the environment, the table of rows, the phases' times and the notes. */
  public String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT, "### Scale benchmark: %,d passages (seed %d)%n%n", passages, seed));
    environment.forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append('\n'));
    sb.append('\n');
    sb.append("| figure | unit | Quarry | baseline | baseline value | ratio | target | met |\n");
    sb.append("| --- | --- | ---: | --- | ---: | ---: | --- | --- |\n");
    for (ScaleRow r : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
              r.figure(),
              r.unit(),
              number(r.measured()),
              r.baselineName(),
              number(r.baseline()),
              Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.2fx", r.ratio()),
              r.target(),
              r.pass() == null ? "" : r.pass() ? "yes" : "**no**"));
    }
    sb.append('\n');
    StringBuilder phases = new StringBuilder("Phases (wall s): ");
    phaseSeconds.forEach((k, v) -> phases.append(String.format(Locale.ROOT, "%s %.1f; ", k, v)));
    sb.append(phases.toString().replaceAll("; $", "")).append("\n\n");
    for (String n : notes) {
      sb.append("- ").append(n).append('\n');
    }
    return sb.toString();
  }

  /** The report as JSON: every row with its ratio; a figure that has no value is null. */
  public String json() {
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
    root.put("passages", passages);
    root.put("seed", seed);
    com.fasterxml.jackson.databind.node.ObjectNode env = root.putObject("environment");
    environment.forEach(env::put);
    com.fasterxml.jackson.databind.node.ArrayNode list = root.putArray("rows");
    for (ScaleRow r : rows) {
      com.fasterxml.jackson.databind.node.ObjectNode o = list.addObject();
      o.put("figure", r.figure());
      o.put("unit", r.unit());
      putNumber(o, "measured", r.measured());
      o.put("baseline", r.baselineName());
      putNumber(o, "baselineValue", r.baseline());
      putNumber(o, "ratio", r.ratio());
      o.put("target", r.target());
      if (r.pass() == null) {
        o.putNull("met");
      } else {
        o.put("met", r.pass());
      }
    }
    com.fasterxml.jackson.databind.node.ObjectNode phases = root.putObject("phaseSeconds");
    phaseSeconds.forEach(phases::put);
    com.fasterxml.jackson.databind.node.ArrayNode n = root.putArray("notes");
    notes.forEach(n::add);
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root)
          + System.lineSeparator();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }

  private static void putNumber(
      com.fasterxml.jackson.databind.node.ObjectNode o, String key, double v) {
    if (Double.isNaN(v)) {
      o.putNull(key);
    } else {
      o.put(key, v);
    }
  }

  private static String number(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (Math.abs(v) >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
  }
}
