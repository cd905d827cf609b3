package org.quarry.coding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.quarry.analysis.Glossary;
import org.quarry.analysis.TextAnnotator;
import org.quarry.index.DuplicateFinder;
import org.quarry.index.Indexer;
import org.quarry.index.SourcePassages;
import org.quarry.ingest.ContentHash;
import org.quarry.model.CodeScore;
import org.quarry.model.Codebook;
import org.quarry.model.KeyTerm;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;
import org.quarry.model.SuggestOptions;
import org.quarry.model.SuggestProgress;
import org.quarry.model.SuggestionRun;

/** Runs code suggestion against an index folder, or against one text in memory. */
public final class IndexCoding {
  /** Source id of the passage {@link #suggestText} builds. */
  public static final String TEXT_SOURCE = "text";

  private IndexCoding() {}

  /**
   * Suggests codes for the passages of the index in {@code dir}; when {@code storeThreshold} is
   * present, stores the suggestions at or above it with the passages (origin {@code suggested},
   * human codes kept), without re-running the annotator.
   *
   * @throws IllegalArgumentException naming an unknown kind or filter dimension; nothing is written
   *     then
   */
  public static SuggestionRun suggest(
      Path dir,
      Codebook codebook,
      Glossary glossary,
      SuggestOptions options,
      SuggestProgress progress,
      java.util.OptionalDouble storeThreshold)
      throws IOException {
    return suggest(
        dir, codebook, new CodeSuggester(codebook, glossary), options, progress, storeThreshold);
  }

  /**
   * Suggests codes for the passages of the index in {@code dir} with {@code suggester} (of {@code
   * codebook}'s codes); stores them as {@link #suggest(Path, Codebook, Glossary, SuggestOptions,
   * SuggestProgress, double)} does.
   */
  public static SuggestionRun suggest(
      Path dir,
      Codebook codebook,
      Suggester suggester,
      SuggestOptions options,
      SuggestProgress progress,
      java.util.OptionalDouble storeThreshold)
      throws IOException {
    SuggestionRun run;
    try (Directory directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      run = suggester.suggest(reader, options, progress);
    }
    if (storeThreshold.isPresent()) {
      // setCodes rebuilds documents from stored fields: the annotator is never called
      return run.withStored(store(dir, codebook, run, options, storeThreshold.getAsDouble()));
    }
    return run;
  }

  /**
   * Stores a run's suggestions at or above {@code threshold} with the passages of the index in
   * {@code dir} that it holds, as {@link #suggest(Path, Codebook, Suggester, SuggestOptions,
   * SuggestProgress, java.util.OptionalDouble)} stores its own: for a run scored elsewhere (a
   * SolrCloud collection filled from this index). Passages of the run the index lacks are left out.
   *
   * @return the passages whose stored codes changed
   * @throws IllegalArgumentException naming an unknown kind or filter dimension; nothing is written
   *     then
   */
  public static int store(
      Path dir, Codebook codebook, SuggestionRun run, SuggestOptions options, double threshold)
      throws IOException {
    Map<String, List<CodeScore>> changes;
    try (Directory directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      changes =
          SuggestedCodes.changes(
              reader, CodeSuggester.selection(reader, options), codebook, run, threshold);
    }
    if (changes.isEmpty()) {
      return 0;
    }
    TextAnnotator none =
        text -> {
          throw new IllegalStateException("storing codes must not annotate text");
        };
    try (Indexer indexer = Indexer.open(dir, none, DuplicateFinder.none())) {
      return indexer.setCodes(changes);
    }
  }

  /**
   * Suggests codes for the passages of the index in {@code dir} with {@code suggester}, handing
   * each passage's suggestions to {@code sink} (see {@link Suggester#suggestEach}); stores nothing.
   */
  public static SuggestionRun suggestEach(
      Path dir,
      Suggester suggester,
      SuggestOptions options,
      SuggestProgress progress,
      java.util.function.Consumer<org.quarry.model.PassageSuggestions> sink)
      throws IOException {
    try (Directory directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      return suggester.suggestEach(reader, options, progress, sink);
    }
  }

  /**
   * Suggests codes for one text without an index: the text becomes the one passage of an in-memory
   * index (annotated by {@code annotator}, analysed as on disk) and the same suggester runs on it.
   * Evidence offsets are code points of {@code text}.
   */
  public static SuggestionRun suggestText(
      String text,
      Codebook codebook,
      Glossary glossary,
      SuggestOptions options,
      TextAnnotator annotator)
      throws IOException {
    Source source =
        new Source(
            TEXT_SOURCE,
            null,
            SourceKind.RECORD,
            text,
            OffsetMap.identity(text),
            ContentHash.of(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            Map.of());
    Passage passage =
        Passage.of(
            TEXT_SOURCE,
            PassageKind.NARRATIVE,
            null,
            null,
            0,
            text.codePointCount(0, text.length()),
            text);
    try (Directory directory = new ByteBuffersDirectory()) {
      try (Indexer indexer = Indexer.open(directory, "(text)", annotator, DuplicateFinder.none())) {
        indexer.update(Stream.of(new SourcePassages(source, List.of(passage))));
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        SuggestOptions all =
            SuggestOptions.builder()
                .minScore(options.minScore())
                .top(options.top())
                .includeDuplicates(true)
                .evidence(options.evidence())
                .contextWeight(options.contextWeight())
                .threads(options.threads())
                .build();
        return new CodeSuggester(codebook, glossary).suggest(reader, all, SuggestProgress.NONE);
      }
    }
  }

  /**
   * Lexicon help: the terms over-represented in the passages {@code target} matches; {@code
   * lexicon} entries (as written in a codebook) are left out.
   */
  public static List<KeyTerm> keyTerms(
      Path dir, org.apache.lucene.search.Query target, List<String> lexicon, int limit)
      throws IOException {
    java.util.Set<String> exclude = new java.util.HashSet<>();
    for (String t : lexicon) {
      exclude.add(CodeQueryBuilder.lemmas(t));
      exclude.add(t.strip().toLowerCase(java.util.Locale.ROOT));
    }
    try (Directory directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      return TermKeyness.keyTerms(reader, TermKeyness.corpus(), target, exclude, limit);
    }
  }
}
