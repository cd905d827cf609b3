package org.quarry.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML block between {@code ---} lines at the very top of a text or Markdown file, as Jekyll and
 * Pandoc write it: facts about the source ({@code participant: P7}, {@code interviewer: Dr Lee},
 * {@code kind: transcript}, attributes such as {@code role: GP}). The block is not part of the text
 * Quarry segments; the body after it is.
 *
 * @param attributes the block's keys and values in file order; a list value is joined with {@code
 *     ", "}; empty when the file has no block
 * @param lines each key's line number in the file, for messages about its value
 * @param bodyStart char index in the text where the body starts (0 without a block)
 */
public record FrontMatter(
    Map<String, String> attributes, Map<String, Integer> lines, int bodyStart) {
  private static final Pattern OPENING = Pattern.compile("\\A---[ \\t]*\\r?\\n");
  private static final Pattern CLOSING =
      Pattern.compile("^(?:---|\\.\\.\\.)[ \\t]*(?:\\r?\\n|\\z)", Pattern.MULTILINE);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public FrontMatter {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    lines = Map.copyOf(lines);
  }

  /**
   * Splits the front matter off {@code text} (decoded, without a byte-order mark).
   *
   * @param file the file, named in errors
   * @throws IOException naming the file and line when the block is not closed, is not YAML, or is
   *     not a map of simple values
   */
  public static FrontMatter parse(String text, Path file) throws IOException {
    Matcher open = OPENING.matcher(text);
    if (!open.find()) {
      return new FrontMatter(Map.of(), Map.of(), 0);
    }
    Matcher close = CLOSING.matcher(text);
    if (!close.find(open.end())) {
      throw new IOException(
          file + ":1: front matter opened with --- is not closed; add a --- line after it");
    }
    String yaml = text.substring(open.end(), close.start());
    JsonNode root;
    try {
      root = yaml.isBlank() ? YAML.createObjectNode() : YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 2 : at.getLineNr() + 1;
      throw new IOException(
          file
              + ":"
              + line
              + ": front matter is not valid YAML ("
              + oneLine(e.getOriginalMessage())
              + "); write one 'key: value' per line",
          e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new FrontMatter(Map.of(), Map.of(), close.end());
    }
    if (!root.isObject()) {
      throw new IOException(file + ":2: front matter must be 'key: value' lines");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      String key = field.getKey().strip();
      int line = lineIn(yaml, key);
      String value =
          value(field.getValue())
              .orElseThrow(
                  () ->
                      new IOException(
                          file
                              + ":"
                              + line
                              + ": front matter key '"
                              + key
                              + "' has a nested block; give it one value or a list of values"));
      lines.put(key, line);
      if (!value.isBlank()) {
        attributes.put(key, value);
      }
    }
    return new FrontMatter(attributes, lines, close.end());
  }

  /** True when the file had a front-matter block. */
  public boolean present() {
    return bodyStart > 0;
  }

  /** The file line of {@code key}, for messages about its value (2 when unknown). */
  public int lineOf(String key) {
    return lines.getOrDefault(key, 2);
  }

  // empty for a nested block: front matter holds facts, one value (or a list) per key
  private static Optional<String> value(JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.of("");
    }
    if (node.isValueNode()) {
      return Optional.of(node.asText().strip());
    }
    if (node.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonNode item : node) {
        if (!item.isValueNode()) {
          return Optional.empty();
        }
        parts.add(item.asText().strip());
      }
      return Optional.of(String.join(", ", parts));
    }
    return Optional.empty();
  }

  // SnakeYAML's message spans lines that quote the source with a caret; keep the sentences
  private static String oneLine(String message) {
    return String.valueOf(message)
        .lines()
        .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
        .reduce((a, b) -> a + "; " + b)
        .orElse("unreadable");
  }

  // line in the file: the block starts on line 2, after the opening ---
  private static int lineIn(String yaml, String key) {
    String[] lines = yaml.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].strip().startsWith(key + ":") || lines[i].strip().startsWith("\"" + key)) {
        return i + 2;
      }
    }
    return 2;
  }
}
