package org.quarry.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Synonyms in the Solr synonyms format ({@code ICS, integrated care system}), applied at query time
 * so the index never needs rebuilding when the glossary changes. Each entry is analysed by the
 * chain of the field it is used on, so {@code integrated care systems} in a glossary meets the
 * lemmas {@code integrate care system}.
 */
public final class Glossary {
  private static final Glossary EMPTY = new Glossary("", "(no glossary)");

  private final String rules;
  private final String name;

  private Glossary(String rules, String name) {
    this.rules = rules;
    this.name = name;
  }

  /** No synonyms. */
  public static Glossary empty() {
    return EMPTY;
  }

  /**
   * Reads a glossary file (UTF-8, Solr synonyms format).
   *
   * @throws IllegalArgumentException naming the file and line of a bad rule
   */
  public static Glossary load(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * A glossary from its text; {@code name} is used in error messages.
   *
   * @throws IllegalArgumentException naming the line of a bad rule
   */
  public static Glossary parse(String rules, String name) {
    Glossary glossary = new Glossary(rules, name);
    glossary.synonymMap(QuarryAnalyzer.chain(QuarryAnalyzer.Chain.EXACT));
    return glossary;
  }

  /** Where the glossary came from, for messages. */
  public String name() {
    return name;
  }

  /** True when there are no rules. */
  public boolean isEmpty() {
    return rules.isBlank();
  }

  /** The synonym map for a field whose words are analysed by {@code chain}. */
  SynonymMap synonymMap(Analyzer chain) {
    SolrSynonymParser parser = new SolrSynonymParser(true, true, chain);
    try {
      parser.parse(new StringReader(rules));
      return parser.build();
    } catch (java.text.ParseException e) {
      String cause = e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
      throw new IllegalArgumentException(
          name
              + ":"
              + e.getErrorOffset()
              + ": bad synonym rule"
              + cause
              + "; write 'a, b, c' or 'a => b', one rule per line",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }
}
