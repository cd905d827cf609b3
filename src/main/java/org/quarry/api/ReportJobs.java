package org.quarry.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.quarry.model.Case;
import org.quarry.model.Codebook;
import org.quarry.model.Coding;
import org.quarry.model.Hit;
import org.quarry.model.Passage;
import org.quarry.model.SearchRequest;
import org.quarry.model.Source;
import org.quarry.output.OutputFile;
import org.quarry.refi.Cases;
import org.quarry.refi.QdcWriter;
import org.quarry.refi.QdpxWriter;
import org.quarry.report.CodingsCsv;
import org.quarry.report.CodingsJsonl;
import org.quarry.report.FrameworkMatrix;
import org.quarry.report.RowsBy;
import org.quarry.search.AllPassages;

/**
 * The reports on what an index holds: the codes it knows, the framework matrix, and exports
 * (REFI-QDA project or codebook, codings as CSV or JSON Lines). They only read the index.
 */
final class ReportJobs {
  private final IndexFolder folder;
  private final IndexSearch search;

  ReportJobs(IndexFolder folder, IndexSearch search) {
    this.folder = folder;
    this.search = search;
  }

  /** The codes this index knows; see {@link Quarry#knownCodes}. */
  Codebook knownCodes() {
    return knownCodes(search.passages(true));
  }

  // the known codes, given every passage (near duplicates included)
  private Codebook knownCodes(List<Hit> all) {
    return RefiExport.known(folder.codebook().read(), folder.dir().getFileName().toString(), all);
  }

  /** The framework matrix of the codes stored with passages; see {@link Quarry#matrix}. */
  FrameworkMatrix matrix(MatrixRequest request) {
    return matrix(request, local());
  }

  // the passages of this index
  private PassageReads local() {
    return new PassageReads() {
      @Override
      public AllPassages allMarked() {
        return search.allPassages();
      }

      @Override
      public List<Hit> withoutDuplicates() {
        return search.passages(false);
      }

      @Override
      public List<Hit> filtered(java.util.Map<String, List<String>> filters, int limit) {
        return search
            .search(SearchRequest.builder("").filters(filters).limit(limit).build())
            .hits();
      }

      @Override
      public List<Hit> all() {
        return search.passages(true);
      }

      @Override
      public List<Source> sources() {
        return search.sources();
      }

      @Override
      public List<Coding> humanCodings() {
        return search.humanCodings();
      }

      @Override
      public List<Case> keptCases() {
        return search.keptCases();
      }
    };
  }

  /**
   * Where a report reads passages from: this index, or a SolrCloud collection sent from it (the
   * kept code tree still comes from this index).
   */
  interface PassageReads {
    /** Every passage, near duplicates included and marked, in reading order. */
    AllPassages allMarked();

    /** Every passage but near duplicates', in reading order. */
    List<Hit> withoutDuplicates();

    /** The passages a search with only these filters finds, at most {@code limit}, by id. */
    List<Hit> filtered(java.util.Map<String, List<String>> filters, int limit);

    /** Every passage, near duplicates included, in reading order. */
    default List<Hit> all() {
      return allMarked().hits();
    }

    /** Every source with the text kept for it, by id. */
    List<Source> sources();

    /** The human codings kept with their exact spans, by source, then offset, then code. */
    List<Coding> humanCodings();

    /** The cases kept for imported projects, by project file, then in project order. */
    List<Case> keptCases();
  }

  /** The framework matrix of the passages {@code reads} gives. */
  FrameworkMatrix matrix(MatrixRequest request, PassageReads reads) {
    // without a codebook the columns are every code stored, near duplicates' included, while the
    // rows count passages as search does: one read of every passage serves both
    AllPassages everything = request.codebook() == null ? reads.allMarked() : null;
    List<Hit> all = everything != null ? everything.withoutDuplicates() : reads.withoutDuplicates();
    List<Hit> hits = all;
    if (!request.filters().isEmpty() && !all.isEmpty()) {
      hits = reads.filtered(request.filters(), all.size());
    }
    String rows = request.rows();
    if (!rows.equals("participant") && !rows.equals("source") && !rows.equals(RowsBy.SPEAKER)) {
      Set<String> attributes = new TreeSet<>();
      all.forEach(h -> attributes.addAll(h.passage().attributes().keySet()));
      if (!attributes.contains(rows)) {
        throw QuarryException.badParameter(
            "rows",
            "--rows '"
                + rows
                + "': no passage has that attribute;"
                + " use participant, speaker, source"
                + (attributes.isEmpty() ? "" : " or one of " + String.join(", ", attributes)),
            null);
      }
    }
    Codebook codebook = everything != null ? knownCodes(everything.hits()) : request.codebook();
    return FrameworkMatrix.build(
        hits.stream().map(Hit::passage).toList(),
        RefiExport.forMatrix(hits, request),
        codebook,
        new RowsBy(rows),
        request.minScore());
  }

  /** Exports the index; see {@link Quarry#export}. */
  ExportReport export(ExportFormat format, Path out, Codebook codebook, double minScore) {
    return export(format, out, codebook, minScore, local());
  }

  /**
   * Exports the passages, stored codes, source texts, kept human spans and cases {@code reads}
   * gives, with this index's code tree.
   */
  ExportReport export(
      ExportFormat format, Path out, Codebook codebook, double minScore, PassageReads reads) {
    if (!(minScore >= 0 && minScore <= 1)) {
      throw new QuarryException("--min-score must be between 0 and 1, got " + minScore);
    }
    Path file = out.toAbsolutePath().normalize();
    if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
      throw new QuarryException(
          "cannot write " + file + ": no folder " + file.getParent() + "; create it first");
    }
    // a .qdc holds only the codes: passages are read for it only to know the codes, source texts
    // and kept codings not at all; cases go only into a .qdpx
    boolean qdc = format == ExportFormat.QDC;
    List<Hit> hits = qdc && codebook != null ? List.of() : reads.all();
    // the passages just read give the known codes, rather than reading them all again
    Codebook codes = codebook != null ? codebook : knownCodes(hits);
    List<Passage> passages = hits.stream().map(Hit::passage).toList();
    List<Coding> codings =
        qdc ? List.of() : RefiExport.forExport(hits, reads.humanCodings(), minScore);
    List<Source> sources = qdc ? List.of() : reads.sources();
    List<Case> cases =
        format == ExportFormat.QDPX
            ? Cases.withKept(Cases.fromPassages(passages), reads.keptCases())
            : List.of();
    List<String> problems = new ArrayList<>();
    try {
      switch (format) {
        case QDPX ->
            problems.addAll(
                new QdpxWriter(codes.name()).write(file, sources, codes, codings, cases));
        case QDC -> QdcWriter.write(codes, file);
        case CSV -> OutputFile.writeString(file, CodingsCsv.render(passages, codings, codes));
        case JSONL -> OutputFile.writeString(file, CodingsJsonl.render(passages, codings, codes));
      }
    } catch (IOException e) {
      throw new QuarryException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return new ExportReport(
        file,
        format == ExportFormat.QDC ? 0 : sources.size(),
        codes.codes().size(),
        format == ExportFormat.QDC ? 0 : codings.size() - problems.size(),
        format == ExportFormat.QDPX ? cases.size() : 0,
        problems);
  }
}
