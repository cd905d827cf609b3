package org.quarry.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.quarry.index.Fields;
import org.quarry.index.IndexUpdate;
import org.quarry.index.Indexer;
import org.quarry.index.SourceListener;
import org.quarry.index.SourcePassages;
import org.quarry.ingest.ContentHash;
import org.quarry.model.Case;
import org.quarry.model.CodeScore;
import org.quarry.model.Coding;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;
import org.quarry.refi.ImportedProject;
import org.quarry.refi.ImportedSource;
import org.quarry.refi.RefiGuids;

/**
 * Puts a REFI-QDA project read by {@link org.quarry.refi.QdpxReader} into the index: each text
 * source becomes a source segmented like a file, the passages of a source a case refers to get that
 * case as participant and its variables as attributes, and each human coding is attached (origin
 * {@code human}, score 1.0) to every passage it overlaps and kept with its exact span. A coding the
 * project still marks as a Quarry suggestion is attached to the passages it overlaps as a
 * suggestion with its score (unless a human coding puts the same code there), so it goes back to
 * review rather than counting as a person's coding; its span is not kept. A project that carries
 * Quarry suggestions says which its sources have: they replace the suggestions on the passages of
 * its sources, so one the researcher deleted in the tool goes (suggestions {@code quarry suggest}
 * stored since an earlier import come back by running it again). A project with none leaves
 * suggestions alone: it cannot be told from one of a tool that never saw any.
 *
 * <p>What a tool needs to recognise its own items in an export is kept: a code's GUID with the code
 * tree ({@link org.quarry.model.Code#guid()}), a source's in its metadata ({@link
 * RefiGuids#SOURCE_METADATA_KEY}), and the project's cases, with their GUIDs and variables, in a
 * document of the project ({@link org.quarry.index.KeptCases}), since a case no source refers to
 * has no passage to carry it.
 *
 * <p>Imported sources are indexed under their name in the project with the project file as their
 * root, so importing the same file again replaces them (and removes sources the project no longer
 * has) instead of adding copies. Offsets are code points of the text as imported, line endings made
 * LF, which is also the text an export writes back.
 */
final class RefiImport {
  private final Indexer indexer;
  private final Function<Source, List<Passage>> segmenter;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> warned = new HashSet<>();

  RefiImport(Indexer indexer, Function<Source, List<Passage>> segmenter) {
    this.indexer = indexer;
    this.segmenter = segmenter;
  }

  /**
   * Imports {@code project} from the file {@code root}; {@code taken} maps the ids of sources
   * indexed from elsewhere to their paths: a project source of such a name is left out (and said
   * so) rather than replacing them.
   */
  ImportReport run(ImportedProject project, String root, Map<String, String> taken)
      throws IOException {
    problems.addAll(project.problems());
    Map<String, Case> cases = new HashMap<>();
    for (Case c : project.cases()) {
      cases.put(c.id(), c);
    }
    Map<String, List<Passage>> passagesBySource = new LinkedHashMap<>();
    List<SourcePassages> batch = new ArrayList<>();
    Set<String> refused = new LinkedHashSet<>();
    for (ImportedSource s : project.sources()) {
      if (taken.containsKey(s.name())) {
        refused.add(s.name());
        problems.add(
            "source '"
                + s.name()
                + "' not imported: the index already has a source of"
                + " that id from "
                + taken.get(s.name())
                + "; import into another --index or rename it");
        continue;
      }
      Case owner = cases.get(project.caseOfSource().get(s.name()));
      Source source = source(s, owner, root);
      List<Passage> passages = new ArrayList<>();
      for (Passage p : segmenter.apply(source)) {
        passages.add(owner == null ? p : withCase(p, owner));
      }
      passagesBySource.put(source.id(), passages);
      batch.add(new SourcePassages(source, passages, root));
    }
    Set<String> failed = new LinkedHashSet<>();
    int[] removed = {0};
    SourceListener listener =
        (id, outcome, n, failure) -> {
          if (outcome == SourceListener.Outcome.FAILED) {
            failed.add(id);
            problems.add("source '" + id + "' not indexed: " + failure);
          } else if (outcome == SourceListener.Outcome.REMOVED) {
            removed[0]++;
          }
        };
    IndexUpdate update = indexer.update(batch.stream(), listener);
    IndexUpdate removal = indexer.removeMissing(passagesBySource.keySet(), Set.of(root), listener);

    Map<String, List<Coding>> codingsBySource = new TreeMap<>();
    for (Coding c : project.codings()) {
      codingsBySource.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(c);
    }
    Map<String, List<Coding>> suggestionsBySource = new TreeMap<>();
    for (Coding c : project.suggestions()) {
      suggestionsBySource.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(c);
    }
    Map<String, Map<String, CodeScore>> codes = new TreeMap<>();
    int placed = 0;
    for (Map.Entry<String, List<Passage>> e : passagesBySource.entrySet()) {
      String source = e.getKey();
      List<Coding> kept = new ArrayList<>();
      for (Coding c : codingsBySource.getOrDefault(source, List.of())) {
        if (failed.contains(source)) {
          problems.add(where(c) + ": left out, the source was not indexed");
          continue;
        }
        List<Passage> over = overlapping(e.getValue(), c);
        if (over.isEmpty()) {
          problems.add(where(c) + ": no passage overlaps it (the selection holds no words)");
          continue;
        }
        for (Passage p : over) {
          codes
              .computeIfAbsent(p.id(), k -> new TreeMap<>())
              .put(c.code(), new CodeScore(c.code(), 1.0, CodeScore.HUMAN));
        }
        kept.add(c);
        placed++;
      }
      if (!failed.contains(source)) {
        for (Passage p : e.getValue()) {
          // every passage of the source is listed, so codes a person removed since the last
          // import are removed here too
          codes.computeIfAbsent(p.id(), k -> new TreeMap<>());
        }
        indexer.keepCodings(source, kept);
      }
    }
    Map<String, List<CodeScore>> byPassage = new TreeMap<>();
    int coded = 0;
    for (Map.Entry<String, Map<String, CodeScore>> e : codes.entrySet()) {
      byPassage.put(e.getKey(), List.copyOf(e.getValue().values()));
      if (!e.getValue().isEmpty()) {
        coded++;
      }
    }
    indexer.replaceCodes(byPassage, CodeScore.HUMAN);
    int suggested = suggest(passagesBySource, suggestionsBySource, failed, codes);
    // every case, with or without a source: a case only in the index's passages would lose its
    // GUID, and a case no source refers to (variables entered before any coding) would be lost
    indexer.keepCases(root, project.cases());
    Map<String, List<Coding>> allBySource = new TreeMap<>(codingsBySource);
    suggestionsBySource.forEach(
        (k, v) ->
            allBySource.merge(
                k,
                v,
                (a, b) -> {
                  List<Coding> both = new ArrayList<>(a);
                  both.addAll(b);
                  return both;
                }));
    for (String source : allBySource.keySet()) {
      if (!passagesBySource.containsKey(source)) {
        for (Coding c : allBySource.get(source)) {
          problems.add(
              where(c)
                  + (refused.contains(source)
                      ? ": left out with its source"
                      : ": the project has no text source of that name"));
        }
      }
    }
    return new ImportReport(
        root,
        update.added() + update.replaced() + update.unchanged(),
        removed[0],
        project.codebook().codes().size(),
        placed,
        coded,
        suggested,
        project.cases().size(),
        problems,
        project.sources().stream()
            .filter(s -> passagesBySource.containsKey(s.name()))
            .map(s -> s.name() + ": " + s.positions())
            .toList(),
        update.plus(removal).notes());
  }

  /**
   * Puts the project's Quarry suggestions on the passages they overlap, as suggestions with their
   * scores, where no human coding of this import puts the same code; the highest score counts when
   * several meet on a passage. When there are any, they replace the suggestions on every passage of
   * the project's sources that were indexed.
   *
   * @param human the human codes this import put on each passage
   * @return how many suggestions were placed
   */
  private int suggest(
      Map<String, List<Passage>> passagesBySource,
      Map<String, List<Coding>> suggestions,
      Set<String> failed,
      Map<String, Map<String, CodeScore>> human)
      throws IOException {
    Map<String, Map<String, CodeScore>> byPassage = new TreeMap<>();
    int placed = 0;
    for (Map.Entry<String, List<Passage>> e : passagesBySource.entrySet()) {
      if (!suggestions.isEmpty() && !failed.contains(e.getKey())) {
        e.getValue().forEach(p -> byPassage.computeIfAbsent(p.id(), k -> new TreeMap<>()));
      }
      for (Coding c : suggestions.getOrDefault(e.getKey(), List.of())) {
        if (failed.contains(e.getKey())) {
          problems.add(where(c) + ": left out, the source was not indexed");
          continue;
        }
        List<Passage> over = overlapping(e.getValue(), c);
        if (over.isEmpty()) {
          problems.add(where(c) + ": no passage overlaps it (the selection holds no words)");
          continue;
        }
        for (Passage p : over) {
          if (!human.getOrDefault(p.id(), Map.of()).containsKey(c.code())) {
            byPassage
                .computeIfAbsent(p.id(), k -> new TreeMap<>())
                .merge(
                    c.code(),
                    new CodeScore(c.code(), c.score(), CodeScore.SUGGESTED),
                    (a, b) -> a.score() >= b.score() ? a : b);
          }
        }
        placed++;
      }
    }
    Map<String, List<CodeScore>> lists = new TreeMap<>();
    byPassage.forEach((id, codes) -> lists.put(id, List.copyOf(codes.values())));
    if (!lists.isEmpty()) {
      indexer.replaceCodes(lists, CodeScore.SUGGESTED);
    }
    return placed;
  }

  private static String where(Coding c) {
    return "source '" + c.source() + "' [" + c.start() + ", " + c.end() + ") code " + c.code();
  }

  private static List<Passage> overlapping(List<Passage> passages, Coding c) {
    List<Passage> out = new ArrayList<>();
    for (Passage p : passages) {
      if (Math.min(c.end(), p.end()) > Math.max(c.start(), p.start())) {
        out.add(p);
      }
    }
    return out;
  }

  private Source source(ImportedSource s, Case owner, String root) {
    Map<String, String> metadata = new TreeMap<>();
    StringBuilder identity = new StringBuilder(s.text()).append('\u0000');
    String guid = RefiGuids.kept(s.guid());
    if (guid != null) {
      // kept on the source record so an export gives the tool its own source back; in the hash
      // so a re-import of a source whose GUID changed rewrites the record that keeps it
      metadata.put(RefiGuids.SOURCE_METADATA_KEY, guid);
      identity.append(guid).append('\u0000');
    }
    if (owner != null) {
      metadata.put("participant", owner.id());
      identity.append(owner.id()).append('\u0000').append(owner.attributes());
    }
    // the hash covers the case too: a new participant or attribute re-writes the passages
    String hash = ContentHash.of(identity.toString().getBytes(StandardCharsets.UTF_8));
    return new Source(
        s.name(),
        root + "!" + s.name(),
        owner == null ? SourceKind.PAPER : SourceKind.TRANSCRIPT,
        s.text(),
        OffsetMap.identity(s.text()),
        hash,
        metadata);
  }

  private Passage withCase(Passage p, Case owner) {
    if (p.kind() == PassageKind.INTERVIEWER) {
      return p;
    }
    Map<String, String> attrs = new TreeMap<>();
    for (Map.Entry<String, String> a : owner.attributes().entrySet()) {
      if (Fields.RESERVED.contains(a.getKey()) || a.getKey().isBlank()) {
        if (warned.add(owner.id() + "\t" + a.getKey())) {
          problems.add(
              "case "
                  + owner.id()
                  + ": variable '"
                  + a.getKey()
                  + "' has a name Quarry uses itself; left out (rename it in the project)");
        }
      } else {
        attrs.put(a.getKey(), a.getValue());
      }
    }
    String participant = p.participant() == null ? owner.id() : p.participant();
    return new Passage(
            p.id(),
            p.source(),
            p.kind(),
            participant,
            p.section(),
            p.start(),
            p.end(),
            p.text(),
            attrs)
        .withAttributes(p.attributes());
  }
}
