package org.quarry.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.analysis.Glossary;
import org.quarry.model.Code;
import org.quarry.model.Codebook;
import org.quarry.model.PassageSuggestions;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.model.Suggestion;
import org.quarry.model.SuggestionRun;

/**
 * Suggestions scored by a store ({@link StoreSuggester} over {@link ScoringStore}) are the
 * suggestions of the local index holding the same passages ({@link CodeSuggester}): the same
 * passages, codes in the same order, scores, and evidence mapped to the same source spans. The
 * store here is a local index seen only through the store's interface, so what is tested is the
 * suggester's side: wildcards resolved to the words and weights Lucene's rewrite picks, phrases
 * with wildcard words scored in the passages' own tokens, contexts, excludes and the ruler made of
 * the store's statistics.
 */
class StoreSuggesterTest {
  @TempDir static Path tmp;
  static Path seedsIndex;
  static Glossary glossary;

  // codes that reach each path of the store's side: blended wildcards, wildcard phrases (as an
  // entry and as an exclude), a raw query with a wildcard, glossary synonyms (ICS)
  static final Codebook SHAPES =
      new Codebook(
          "shapes",
          null,
          List.of(
              code("phrases", List.of("\"primary car*\"", "\"care system*\"", "ICS"), List.of()),
              code("excluding", List.of("commission*", "voice"), List.of("\"general practice\"")),
              code(
                  "excluding-phrase", List.of("integrat*", "PCN"), List.of("\"clinical direct*\"")),
              new Code(
                  "raw",
                  "raw",
                  null,
                  null,
                  List.of(),
                  List.of(),
                  "represent* OR \"one voice\"",
                  1.0,
                  null)));

  static Code code(String id, List<String> terms, List<String> exclude) {
    return new Code(id, id, null, null, terms, exclude, null, 1.0, null);
  }

  @BeforeAll
  static void index() throws IOException {
    seedsIndex = SeedsIndex.untagged(tmp);
    glossary = Glossary.load(Path.of("seeds", "nhs-glossary.txt"));
  }

  // the local run, checked against the store's; returned for checks of what it covers
  private static SuggestionRun sameSuggestions(Codebook book, SuggestOptions options)
      throws IOException {
    try (FSDirectory dir = FSDirectory.open(seedsIndex);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      SuggestionRun local =
          new CodeSuggester(book, glossary).suggest(reader, options, SuggestProgress.NONE);
      LocalScoringStore store = new LocalScoringStore(reader);
      SuggestionRun remote =
          new StoreSuggester(book, glossary).suggest(store, options, SuggestProgress.NONE);
      assertFalse(store.scored.isEmpty(), "the codes were scored by the store");
      assertEquals(local.considered(), remote.considered(), "passages considered");
      assertEquals(local.codes(), remote.codes(), "codes run");
      assertEquals(
          local.passages().stream().map(p -> p.passage().id()).toList(),
          remote.passages().stream().map(p -> p.passage().id()).toList(),
          "the passages with suggestions, in order");
      for (int i = 0; i < local.passages().size(); i++) {
        PassageSuggestions a = local.passages().get(i);
        PassageSuggestions b = remote.passages().get(i);
        assertEquals(a.passage(), b.passage());
        assertEquals(
            a.suggestions().stream().map(Suggestion::code).toList(),
            b.suggestions().stream().map(Suggestion::code).toList(),
            a.passage().id() + ": codes");
        for (int j = 0; j < a.suggestions().size(); j++) {
          Suggestion x = a.suggestions().get(j);
          Suggestion y = b.suggestions().get(j);
          assertEquals(x.score(), y.score(), 1e-4, a.passage().id() + " " + x.code());
          assertEquals(x.evidence(), y.evidence(), a.passage().id() + " " + x.code());
        }
      }
      return local;
    }
  }

  @Test
  void theSeedsCodebooksGiveTheLocalSuggestions() throws IOException {
    SuggestOptions options = SuggestOptions.defaults().with(0, 3).withThreads(1);
    for (String name :
        List.of("codebook-commissioners.yaml", "codebook-policy-stakeholders.yaml")) {
      sameSuggestions(CodebookReader.read(Path.of("seeds", name)), options);
    }
  }

  @Test
  void wildcardsWildcardPhrasesExcludesAndRawQueriesGiveTheLocalSuggestions() throws IOException {
    SuggestionRun run =
        sameSuggestions(SHAPES, SuggestOptions.defaults().with(0, 4).withThreads(1));
    // every path was taken: each code suggested, a wildcard phrase's words given as evidence
    for (Code c : SHAPES.codes()) {
      assertTrue(
          run.passages().stream()
              .anyMatch(p -> p.suggestions().stream().anyMatch(x -> x.code().equals(c.id()))),
          c.id() + " suggested somewhere");
    }
    assertTrue(
        run.passages().stream()
            .flatMap(p -> p.suggestions().stream())
            .flatMap(x -> x.evidence().stream())
            .anyMatch(e -> e.term().equals("\"primary car*\"")),
        "a wildcard phrase matched");
  }

  @Test
  void aSelectionWithoutContextGivesTheLocalSuggestions() throws IOException {
    SuggestOptions options =
        SuggestOptions.builder()
            .minScore(0.2)
            .top(2)
            .kind(SuggestOptions.ALL_KINDS)
            .contextWeight(0)
            .evidence(false)
            .threads(1)
            .build();
    sameSuggestions(SHAPES, options);
    sameSuggestions(
        CodebookReader.read(Path.of("seeds", "codebook-commissioners.yaml")),
        options.toBuilder().kind("quote").contextWeight(0.5).evidence(true).build());
  }

  @Test
  void aFilteredSelectionGivesTheLocalSuggestions() throws IOException {
    SuggestOptions options =
        SuggestOptions.builder()
            .minScore(0)
            .top(3)
            .filters(Map.of("kind", List.of("quote", "narrative")))
            .threads(1)
            .build();
    sameSuggestions(CodebookReader.read(Path.of("seeds", "codebook-commissioners.yaml")), options);
  }

  @Test
  void aFuzzyRawQueryIsRefusedNamingThePart() throws IOException {
    Codebook fuzzy =
        new Codebook(
            "fuzzy",
            null,
            List.of(new Code("f", "f", null, null, List.of(), List.of(), "voise~1", 1.0, null)));
    try (FSDirectory dir = FSDirectory.open(seedsIndex);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      UnsupportedOperationException e =
          assertThrows(
              UnsupportedOperationException.class,
              () ->
                  new StoreSuggester(fuzzy, glossary)
                      .suggest(
                          new LocalScoringStore(reader),
                          SuggestOptions.defaults(),
                          SuggestProgress.NONE));
      assertTrue(e.getMessage().contains("voise"), e.getMessage());
    }
  }
}
