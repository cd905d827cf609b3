package org.quarry.coding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;
import org.quarry.model.GoldItem;
import org.quarry.model.Passage;
import org.quarry.model.PassageLocator;
import org.quarry.refi.ImportedProject;
import org.quarry.refi.QdpxReader;

/**
 * Human codings to evaluate suggestions against, and how they meet passages.
 *
 * <p>JSON lines ({@code {"doc", "participant"?, "code", "quote"}} or {@code start}/{@code end}
 * instead of {@code quote}) or a REFI-QDA project ({@code .qdpx}, whose codes are matched to the
 * codebook's by id or by the slug of the name). A quote matches the passage of its document that
 * contains it, comparing letters and digits only, so white space, quote marks, punctuation, line
 * breaks and PDF hyphenation do not matter; ellipses split a quote into parts that must all occur,
 * in order. A span matches the passage it overlaps most; an item with both is the passage at its
 * span when that passage holds its words (so words that occur twice are told apart by where they
 * are), else the passage that holds the words.
 */
public final class GoldSet {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<GoldItem> items;

  private GoldSet(List<GoldItem> items) {
    this.items = List.copyOf(items);
  }

  /** The items, in file order. */
  public List<GoldItem> items() {
    return items;
  }

  /** A gold set of these items. */
  public static GoldSet of(List<GoldItem> items) {
    return new GoldSet(items);
  }

  /**
   * Reads a gold file: {@code .qdpx} as a REFI-QDA project, anything else as JSON lines.
   *
   * @throws IllegalArgumentException naming the file and line of a bad item, or the file when it
   *     holds no item
   */
  public static GoldSet read(Path file, Codebook codebook) throws IOException {
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".qdpx")) {
      return fromProject(file, QdpxReader.read(file), codebook);
    }
    List<GoldItem> items = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.isEmpty()) {
        continue;
      }
      JsonNode o;
      try {
        o = JSON.readTree(l);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            file
                + ":"
                + (i + 1)
                + ": not a JSON object ("
                + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                + ")",
            e);
      }
      String doc = text(o, "doc");
      String code = text(o, "code");
      String quote = text(o, "quote");
      boolean span = o.has("start") && o.has("end");
      if (doc == null || code == null || (quote == null && !span)) {
        throw new IllegalArgumentException(
            file
                + ":"
                + (i + 1)
                + ": a gold item needs \"doc\", \"code\" and \"quote\" (or \"start\" and \"end\")");
      }
      items.add(
          new GoldItem(
              i + 1,
              doc,
              text(o, "participant"),
              code,
              quote,
              span ? o.get("start").asInt() : -1,
              span ? o.get("end").asInt() : -1));
    }
    if (items.isEmpty()) {
      // an empty file would measure nothing and print a table of zeros, as if that were a result
      throw new IllegalArgumentException(
          file
              + ": no gold items; a gold file holds one JSON object per coded passage, with"
              + " \"doc\", \"code\" and \"quote\" (or \"start\" and \"end\")");
    }
    return new GoldSet(items);
  }

  private static GoldSet fromProject(Path file, ImportedProject project, Codebook codebook) {
    if (project.codings().isEmpty()) {
      throw new IllegalArgumentException(
          file + ": the project has no codings to measure or learn against; code some text first");
    }
    Map<String, String> byName = new HashMap<>();
    for (Code c : codebook.codes()) {
      byName.put(c.id(), c.id());
      byName.putIfAbsent(QdpxReader.slug(c.name()), c.id());
    }
    Map<String, String> projectNames = new HashMap<>();
    for (Code c : project.codebook().codes()) {
      projectNames.put(c.id(), c.name());
    }
    List<GoldItem> items = new ArrayList<>();
    int n = 0;
    for (Coding c : project.codings()) {
      n++;
      String id = byName.get(c.code());
      if (id == null && projectNames.containsKey(c.code())) {
        id = byName.get(QdpxReader.slug(projectNames.get(c.code())));
      }
      items.add(
          new GoldItem(n, c.source(), null, id == null ? c.code() : id, null, c.start(), c.end()));
    }
    return new GoldSet(items);
  }

  private static String text(JsonNode o, String key) {
    JsonNode v = o.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  /**
   * The passage each item belongs to, or empty; {@code passages} are every passage of the index.
   */
  public static List<Optional<Passage>> match(List<GoldItem> items, List<Passage> passages) {
    Map<String, List<Passage>> bySource = new HashMap<>();
    for (Passage p : passages) {
      bySource.computeIfAbsent(p.source(), k -> new ArrayList<>()).add(p);
    }
    Map<String, String> keys = new HashMap<>();
    PassageLocator locator = new PassageLocator(passages);
    List<Optional<Passage>> out = new ArrayList<>();
    for (GoldItem g : items) {
      if (g.quote() == null) {
        if (g.start() < 0 || g.end() < g.start()) {
          out.add(Optional.empty());
        } else {
          out.add(locator.locate(new Coding(g.doc(), g.start(), g.end(), g.code(), 1, "human")));
        }
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (String part : g.quote().split("\u2026|\\.\\.\\.|\\[\\s*\u2026\\s*\\]")) {
        String k = key(part);
        if (!k.isEmpty()) {
          parts.add(k);
        }
      }
      List<Passage> doc = bySource.getOrDefault(g.doc(), List.of());
      // an item that gives its span as well as its words is the passage there that holds them:
      // the same words said twice (stock answers like "Happy with the service") are two passages
      Optional<Passage> atSpan =
          g.start() < 0 || g.end() < g.start()
              ? Optional.empty()
              : locator
                  .locate(new Coding(g.doc(), g.start(), g.end(), g.code(), 1, "human"))
                  .filter(
                      p ->
                          containsInOrder(
                              keys.computeIfAbsent(p.id(), id -> key(p.text())), parts));
      if (atSpan.isPresent() && !parts.isEmpty()) {
        out.add(atSpan);
        continue;
      }
      Optional<Passage> within =
          parts.isEmpty()
              ? Optional.empty()
              : doc.stream()
                  .filter(
                      p ->
                          containsInOrder(keys.computeIfAbsent(p.id(), id -> key(p.text())), parts))
                  .min(
                      Comparator.comparingInt((Passage p) -> p.end() - p.start())
                          .thenComparing(Passage::id));
      out.add(within.isPresent() || parts.isEmpty() ? within : across(doc, parts, keys));
    }
    return out;
  }

  // a quote a segmenter cut across passages: the passage holding most of it, in the text of the
  // document's passages joined in order
  private static Optional<Passage> across(
      List<Passage> doc, List<String> parts, Map<String, String> keys) {
    List<Passage> ordered = new ArrayList<>(doc);
    ordered.sort(Comparator.comparingInt(Passage::start).thenComparing(Passage::id));
    StringBuilder all = new StringBuilder();
    int[] ends = new int[ordered.size()];
    for (int i = 0; i < ordered.size(); i++) {
      Passage p = ordered.get(i);
      all.append(keys.computeIfAbsent(p.id(), id -> key(p.text())));
      ends[i] = all.length();
    }
    String hay = all.toString();
    int first = hay.indexOf(parts.get(0));
    if (first < 0) {
      return Optional.empty();
    }
    int from = first;
    for (String part : parts) {
      int at = hay.indexOf(part, from);
      if (at < 0) {
        return Optional.empty();
      }
      from = at + part.length();
    }
    int best = -1;
    int bestChars = 0;
    for (int i = 0, start = 0; i < ordered.size(); start = ends[i], i++) {
      int chars = Math.min(from, ends[i]) - Math.max(first, start);
      if (chars > bestChars) {
        bestChars = chars;
        best = i;
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(ordered.get(best));
  }

  /** Letters and digits, lower case: the words without what lies between them. */
  static String key(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(sb::appendCodePoint);
    return sb.toString();
  }

  private static boolean containsInOrder(String hay, List<String> parts) {
    int from = 0;
    for (String part : parts) {
      int at = hay.indexOf(part, from);
      if (at < 0) {
        return false;
      }
      from = at + part.length();
    }
    return true;
  }
}
