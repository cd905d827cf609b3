package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.LoadedCodebook;

class CodebookReaderTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private String error(String yaml) throws IOException {
    Path f = write("book.yaml", yaml);
    CodebookException e = assertThrows(CodebookException.class, () -> CodebookReader.read(f));
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    return e.getMessage().substring(f.toString().length());
  }

  @Test
  void readsEveryKeyOfTheContract() throws IOException {
    write("g.txt", "ICS, integrated care system\n");
    Path f =
        write(
            "book.yaml",
            """
        codebook: Commissioners
        glossary: g.txt
        codes:
          - id: system
            name: Engaging the system
            description: PCNs and the ICS.
            parent: null
            terms: [ICS, "clinical director", system*]
            exclude: ["operating system"]
            query: '"seat at the table"~3'
            weight: 0.5
          - id: child
            parent: system
            terms: voice
        """);
    Codebook book = CodebookReader.read(f);
    assertEquals("Commissioners", book.name());
    assertEquals(dir.resolve("g.txt").toString(), book.glossary());
    assertEquals(
        new Code(
            "system",
            "Engaging the system",
            "PCNs and the ICS.",
            null,
            List.of("ICS", "clinical director", "system*"),
            List.of("operating system"),
            "\"seat at the table\"~3",
            0.5),
        book.codes().get(0));
    assertEquals(
        new Code("child", "child", null, "system", List.of("voice"), List.of(), null, 1.0),
        book.codes().get(1));
  }

  @Test
  void unknownKeyIsNamedWithItsLine() throws IOException {
    assertEquals(
        ":4: unknown key 'term' in a code (use id, name, description, parent, terms, exclude, query, weight)",
        error("codebook: B\ncodes:\n  - id: a\n    term: [x]\n"));
  }

  @Test
  void unknownTopLevelKey() throws IOException {
    assertEquals(
        ":2: unknown key 'glosary' (use codebook, glossary or codes)",
        error("codebook: B\nglosary: g.txt\ncodes:\n  - id: a\n    terms: [x]\n"));
  }

  @Test
  void badYamlGivesTheLine() throws IOException {
    String m = error("codebook: B\ncodes:\n  - id: a\n    terms: [x, y\n  - id: b\n");
    assertTrue(m.matches(":[4-6]: bad YAML: .*"), m);
  }

  @Test
  void aTabUsedForIndentationIsNamedOnItsOwnLineWithTheParsersReason() throws IOException {
    String m = error("codebook: T\ncodes:\n  - id: a\n    name: A\n\tterms: [x]\n");
    assertTrue(
        m.startsWith(":5: bad YAML: found character '\\t(TAB)' that cannot start any token"), m);
  }

  @Test
  void duplicateIdNamesBothLines() throws IOException {
    assertEquals(
        ":5: duplicate code id 'a' (first at line 3) (give each code its own id)",
        error("codebook: B\ncodes:\n  - id: a\n    terms: [x]\n  - id: a\n    terms: [y]\n"));
  }

  @Test
  void missingParent() throws IOException {
    assertEquals(
        ":5: parent 'nope' of code 'a' is not a code id (use the id of another code, or remove 'parent')",
        error("codebook: B\ncodes:\n  - id: a\n    terms: [x]\n    parent: nope\n"));
  }

  @Test
  void parentCycle() throws IOException {
    String m =
        error(
            "codebook: B\ncodes:\n  - id: a\n    parent: b\n    terms: [x]\n  - id: b\n    parent: a\n    terms: [y]\n");
    assertTrue(m.startsWith(":4: parent of code 'a' leads to a cycle"), m);
  }

  @Test
  void aPhraseWithWildcardWordsIsATerm() throws IOException {
    Path f =
        write(
            "book.yaml",
            "codebook: B\ncodes:\n  - id: a\n    terms: ['\"human subject*\"', follow up question*]\n"
                + "    exclude: ['\"animal subject*\"']\n");
    Code a = CodebookReader.read(f).codes().get(0);
    assertEquals(List.of("\"human subject*\"", "follow up question*"), a.terms());
    assertEquals(List.of("\"animal subject*\""), a.exclude());
  }

  @Test
  void leafCodesWithNoTermsOrQueryLoadAndAreNamedInOneWarningLine() throws IOException {
    Path f =
        write(
            "book.yaml",
            """
        codebook: B
        codes:
          - id: ethics
          - id: subjects
            parent: ethics
            terms: [subject]
          - id: consent
            parent: ethics
          - id: by-query
            query: 'consent AND form'
          - id: todo
            description: terms to come
        """);
    LoadedCodebook r = CodebookReader.load(f);
    assertEquals(
        List.of("ethics", "subjects", "consent", "by-query", "todo"),
        r.codebook().codes().stream().map(Code::id).toList());
    assertEquals(
        List.of(
            f
                + ": codes with no terms or query, skipped by the lexicon method: consent, todo"
                + " (add 'terms:' to suggest them)"),
        r.warnings());
  }

  @Test
  void aCodebookWhoseCodesAllHaveTermsHasNoWarning() throws IOException {
    assertEquals(
        List.of(),
        CodebookReader.load(write("book.yaml", "codebook: B\ncodes:\n  - id: a\n    terms: [x]\n"))
            .warnings());
  }

  @Test
  void termOfPunctuationOnly() throws IOException {
    assertEquals(
        ":5: in 'terms': term '*' has no letters or digits, so it matches nothing"
            + " (write a word, a phrase or word*, or remove it)",
        error("codebook: B\ncodes:\n  - id: a\n    terms:\n      - '*'\n"));
  }

  @Test
  void badRawQuery() throws IOException {
    String m = error("codebook: B\ncodes:\n  - id: a\n    terms: [x]\n    query: 'voice AND ('\n");
    assertTrue(m.startsWith(":5: bad query: 'voice AND (' is not valid query syntax"), m);
  }

  @Test
  void repeatedKeyInACode() throws IOException {
    assertEquals(
        ":5: key 'terms' appears twice in one code (keep one)",
        error("codebook: B\ncodes:\n  - id: a\n    terms: [x]\n    terms: [y]\n"));
  }

  @Test
  void missingGlossary() throws IOException {
    String m = error("codebook: B\nglossary: none.txt\ncodes:\n  - id: a\n    terms: [x]\n");
    assertTrue(m.startsWith(":2: glossary 'none.txt' not found"), m);
  }

  @Test
  void qdcCodeTreeWithTermlessCodesReported() throws IOException {
    Path f =
        write(
            "book.qdc",
            """
        <?xml version="1.0" encoding="utf-8"?>
        <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo">
          <Codes>
            <Code guid="11111111-1111-1111-1111-111111111111" name="Engaging the system" isCodable="true">
              <Description>PCNs and the ICS.</Description>
              <Code guid="22222222-2222-2222-2222-222222222222" name="One voice" isCodable="true"/>
            </Code>
          </Codes>
        </CodeBook>
        """);
    LoadedCodebook r = CodebookReader.load(f);
    List<Code> codes = r.codebook().codes();
    assertEquals(2, codes.size());
    assertEquals(
        new Code(
            "engaging-the-system",
            "Engaging the system",
            "PCNs and the ICS.",
            null,
            List.of(),
            List.of(),
            null,
            1.0,
            "11111111-1111-1111-1111-111111111111"),
        codes.get(0));
    assertEquals("engaging-the-system", codes.get(1).parent());
    assertNull(codes.get(1).description());
    // the parent groups its child and is no code to suggest by itself
    assertEquals(
        List.of(
            f
                + ": codes with no terms or query, skipped by the lexicon method: one-voice"
                + " (a .qdc has no lexicon; add terms in a YAML codebook)"),
        r.warnings());
  }

  @Test
  void qdcThatIsNotXmlNamesTheLine() throws IOException {
    Path f =
        write(
            "book.qdc",
            "<?xml version=\"1.0\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\">\n<Codes>\n</CodeBook>\n");
    CodebookException e = assertThrows(CodebookException.class, () -> CodebookReader.read(f));
    assertTrue(e.getMessage().startsWith(f + ":4: not well-formed XML"), e.getMessage());
  }
}
