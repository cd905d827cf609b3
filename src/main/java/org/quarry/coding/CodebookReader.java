package org.quarry.coding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.quarry.analysis.Glossary;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.LoadedCodebook;

/**
 * Reads a codebook file: Quarry's YAML (DESIGN.md) or a REFI-QDA {@code .qdc}. (See {@link
 * #yamlProblem} for how a YAML parser's error becomes one line.)
 *
 * <p>The YAML is read with Jackson's streaming parser rather than bound to classes, so every error
 * can name the line of the key or value at fault: unknown keys, repeated keys, bad YAML, duplicate
 * ids, missing parents, parent cycles, terms that match nothing and raw queries that do not parse.
 * Errors are {@link CodebookException}s with one line {@code FILE:LINE: what (fix)}. A code with no
 * terms and no query is read (a researcher may code by hand with it) and named in one warning line,
 * since the lexicon suggester skips it.
 */
public final class CodebookReader {
  /** Ids are keyword values in the index and words of the search syntax: no spaces or tabs. */
  private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*");

  private static final Set<String> TOP_KEYS = Set.of("codebook", "glossary", "codes");
  private static final List<String> CODE_KEYS =
      List.of("id", "name", "description", "parent", "terms", "exclude", "query", "weight");

  private CodebookReader() {}

  /**
   * The codebook in {@code file}, validated.
   *
   * @throws CodebookException with a one-line message naming the file, line and key at fault
   */
  public static Codebook read(Path file) {
    return load(file).codebook();
  }

  /**
   * The codebook in {@code file} with its warnings; a {@code .qdc} (or {@code .xml}) file is read
   * as REFI-QDA, anything else as YAML.
   *
   * @throws CodebookException with a one-line message naming the file, line and key at fault
   */
  public static LoadedCodebook load(Path file) {
    String name =
        file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".qdc") || name.endsWith(".xml")) {
      return QdcCodebookReader.read(file);
    }
    Codebook book = readYaml(file);
    return new LoadedCodebook(
        book, termless(file, book, "add 'terms:' to suggest them").stream().toList());
  }

  /**
   * The one warning line naming every code of {@code book} that has neither terms nor a query, so
   * the lexicon suggester skips it, or empty when there is none. Codes that are the parent of
   * another code are left out: they group their children and need no words of their own.
   *
   * @param fix what to do, said at the end of the line in parentheses
   */
  static java.util.Optional<String> termless(Path file, Codebook book, String fix) {
    Set<String> parents = book.parentIds();
    List<String> ids = new ArrayList<>();
    for (Code c : book.codes()) {
      if (c.terms().isEmpty()
          && (c.query() == null || c.query().isBlank())
          && !parents.contains(c.id())) {
        ids.add(c.id());
      }
    }
    return ids.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            file
                + ": codes with no terms or query, skipped by the lexicon method: "
                + String.join(", ", ids)
                + " ("
                + fix
                + ")");
  }

  // --- YAML ---------------------------------------------------------------------------------

  /** A value and the line it sits on. */
  private record At<T>(T value, int line) {}

  private static Codebook readYaml(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CodebookException(file + ": no such codebook file (check the --codebook path)");
    }
    String title = null;
    At<String> glossary = null;
    List<Map<String, At<?>>> codes = null;
    int codesLine = 1;
    try (JsonParser p = new YAMLFactory().createParser(file.toFile())) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw error(
            file,
            1,
            "the codebook is empty",
            "write 'codebook:', optional 'glossary:' and a 'codes:' list");
      }
      if (t != JsonToken.START_OBJECT) {
        throw error(
            file,
            line(p),
            "a codebook must be a mapping",
            "start with 'codebook: TITLE' and 'codes:'");
      }
      Set<String> seen = new HashSet<>();
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int keyLine = line(p);
        if (!TOP_KEYS.contains(key)) {
          throw error(
              file, keyLine, "unknown key '" + key + "'", "use codebook, glossary or codes");
        }
        if (!seen.add(key)) {
          throw error(file, keyLine, "key '" + key + "' appears twice", "keep one");
        }
        p.nextToken();
        switch (key) {
          case "codebook" -> title = scalar(p, file, key);
          case "glossary" -> {
            String g = scalar(p, file, key);
            glossary = g == null ? null : new At<>(g, line(p));
          }
          default -> {
            codesLine = keyLine;
            codes = codes(p, file);
          }
        }
      }
    } catch (JsonProcessingException e) {
      throw new CodebookException(
          file + ":" + yamlProblem(e) + " (check indentation, colons and quotes)", e);
    } catch (IOException e) {
      throw new CodebookException(file + ": cannot read the codebook: " + e.getMessage(), e);
    }
    if (codes == null || codes.isEmpty()) {
      throw error(
          file,
          codesLine,
          "the codebook has no codes",
          "add a 'codes:' list with at least one code");
    }
    String glossaryPath = null;
    if (glossary != null) {
      Path g = file.toAbsolutePath().getParent().resolve(glossary.value()).normalize();
      try {
        Glossary.load(g);
      } catch (NoSuchFileException e) {
        throw error(
            file,
            glossary.line(),
            "glossary '" + glossary.value() + "' not found at " + g,
            "give a path relative to the codebook file");
      } catch (IOException | IllegalArgumentException e) {
        throw error(
            file,
            glossary.line(),
            "glossary '" + glossary.value() + "' cannot be read: " + e.getMessage(),
            "fix the glossary");
      }
      glossaryPath = g.toString();
    }
    List<Code> built = validate(file, codes);
    return new Codebook(title == null ? file.getFileName().toString() : title, glossaryPath, built);
  }

  private static List<Map<String, At<?>>> codes(JsonParser p, Path file) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw error(file, line(p), "'codes' must be a list", "write one '- id: …' item per code");
    }
    List<Map<String, At<?>>> codes = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        throw error(
            file, line(p), "a code must be a mapping", "write '- id: …' with name, terms, …");
      }
      int codeLine = line(p);
      Map<String, At<?>> code = new LinkedHashMap<>();
      code.put("$line", new At<>(null, codeLine));
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int keyLine = line(p);
        if (!CODE_KEYS.contains(key)) {
          throw error(
              file,
              keyLine,
              "unknown key '" + key + "' in a code",
              "use " + String.join(", ", CODE_KEYS));
        }
        if (code.containsKey(key)) {
          throw error(file, keyLine, "key '" + key + "' appears twice in one code", "keep one");
        }
        p.nextToken();
        if (key.equals("terms") || key.equals("exclude")) {
          code.put(key, new At<>(list(p, file, key), keyLine));
        } else {
          code.put(key, new At<>(scalar(p, file, key), line(p)));
        }
      }
      codes.add(code);
    }
    return codes;
  }

  private static List<At<String>> list(JsonParser p, Path file, String key) throws IOException {
    List<At<String>> items = new ArrayList<>();
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return items;
    }
    if (p.currentToken().isScalarValue()) {
      items.add(new At<>(p.getText(), line(p)));
      return items;
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw error(
          file,
          line(p),
          "'" + key + "' must be a list of words and phrases",
          "write [word, \"a phrase\", wild*]");
    }
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (!t.isScalarValue() || t == JsonToken.VALUE_NULL) {
        throw error(
            file,
            line(p),
            "an item of '" + key + "' must be a word or phrase",
            "write [word, \"a phrase\", wild*]");
      }
      items.add(new At<>(p.getText(), line(p)));
    }
    return items;
  }

  private static String scalar(JsonParser p, Path file, String key) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!t.isScalarValue()) {
      throw error(file, line(p), "'" + key + "' must be a single value", "write it on one line");
    }
    return p.getText();
  }

  @SuppressWarnings("unchecked")
  private static List<Code> validate(Path file, List<Map<String, At<?>>> raw) {
    CodeQueryBuilder checker = new CodeQueryBuilder(Glossary.empty());
    Map<String, Integer> lines = new HashMap<>();
    Map<String, At<String>> parents = new LinkedHashMap<>();
    List<Code> codes = new ArrayList<>();
    for (Map<String, At<?>> c : raw) {
      int codeLine = c.get("$line").line();
      At<String> idAt = (At<String>) c.get("id");
      if (idAt == null || idAt.value() == null || idAt.value().isBlank()) {
        throw error(file, codeLine, "a code has no 'id'", "add 'id: some-code-id'");
      }
      String id = idAt.value().strip();
      if (!ID.matcher(id).matches()) {
        throw error(
            file,
            idAt.line(),
            "code id '" + id + "' has spaces or symbols",
            "use letters, digits, '-', '_' or '.', e.g. "
                + id.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}._-]+", "-"));
      }
      if (lines.putIfAbsent(id, idAt.line()) != null) {
        throw error(
            file,
            idAt.line(),
            "duplicate code id '" + id + "' (first at line " + lines.get(id) + ")",
            "give each code its own id");
      }
      String name = text(c, "name");
      String description = text(c, "description");
      At<String> parent = (At<String>) c.get("parent");
      if (parent != null && parent.value() != null && !parent.value().isBlank()) {
        parents.put(id, new At<>(parent.value().strip(), parent.line()));
      }
      List<String> terms = terms(file, c, "terms", checker);
      List<String> exclude = terms(file, c, "exclude", checker);
      At<String> query = (At<String>) c.get("query");
      String q =
          query == null || query.value() == null || query.value().isBlank() ? null : query.value();
      if (q != null) {
        try {
          checker.raw(q);
        } catch (IllegalArgumentException e) {
          throw error(
              file,
              query.line(),
              "bad query: " + e.getMessage(),
              "fix the Lucene syntax, e.g. '\"seat at the table\"~3'");
        }
      }
      double weight = 1.0;
      At<String> w = (At<String>) c.get("weight");
      if (w != null && w.value() != null) {
        try {
          weight = Double.parseDouble(w.value().strip());
        } catch (NumberFormatException e) {
          weight = Double.NaN;
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
          throw error(
              file,
              w.line(),
              "weight '" + w.value() + "' is not a positive number",
              "write e.g. 'weight: 1.0'");
        }
      }
      codes.add(
          new Code(
              id,
              name == null ? id : name,
              description,
              parents.containsKey(id) ? parents.get(id).value() : null,
              terms,
              exclude,
              q,
              weight));
    }
    for (Map.Entry<String, At<String>> e : parents.entrySet()) {
      if (!lines.containsKey(e.getValue().value())) {
        throw error(
            file,
            e.getValue().line(),
            "parent '" + e.getValue().value() + "' of code '" + e.getKey() + "' is not a code id",
            "use the id of another code, or remove 'parent'");
      }
    }
    for (String id : parents.keySet()) {
      Set<String> path = new HashSet<>();
      String at = id;
      while (at != null && parents.containsKey(at)) {
        if (!path.add(at)) {
          throw error(
              file,
              parents.get(id).line(),
              "parent of code '" + id + "' leads to a cycle through '" + at + "'",
              "a code cannot be its own ancestor; break the loop");
        }
        at = parents.get(at).value();
      }
    }
    return codes;
  }

  @SuppressWarnings("unchecked")
  private static List<String> terms(
      Path file, Map<String, At<?>> c, String key, CodeQueryBuilder checker) {
    At<?> at = c.get(key);
    if (at == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (At<String> t : (List<At<String>>) at.value()) {
      try {
        checker.term(t.value());
      } catch (IllegalArgumentException e) {
        throw error(
            file,
            t.line(),
            "in '" + key + "': " + e.getMessage(),
            "write a word, a phrase or word*, or remove it");
      }
      out.add(t.value().strip());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static String text(Map<String, At<?>> c, String key) {
    At<String> at = (At<String>) c.get(key);
    return at == null || at.value() == null ? null : at.value().strip();
  }

  private static int line(JsonParser p) {
    return Math.max(1, p.currentTokenLocation().getLineNr());
  }

  static CodebookException error(Path file, int line, String what, String fix) {
    return new CodebookException(file + ":" + line + ": " + what + " (" + fix + ")");
  }

  /**
   * {@code LINE: bad YAML: REASON} for a YAML parser's error: the line and reason of the parser's
   * problem mark (a tab used for indentation is found on its own line, not the line of the token
   * before it, which is where Jackson's location points), else Jackson's.
   */
  public static String yamlProblem(JsonProcessingException e) {
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m
        && m.getProblemMark() != null
        && m.getProblem() != null) {
      return (m.getProblemMark().getLine() + 1) + ": bad YAML: " + m.getProblem().strip();
    }
    int l = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    String m = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("").strip();
    return Math.max(1, l) + ": bad YAML: " + m;
  }
}
