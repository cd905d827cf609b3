package org.quarry.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.quarry.api.IndexReport;
import org.quarry.api.IndexRequest;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.api.SolrIndex;
import org.quarry.model.SurveyOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quarry index [PATH...]}: ingest and index files and folders. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description =
        "Read, segment and index files and folders (default: seeds/). "
            + "Unchanged files are skipped; changed files are replaced; files gone from a folder are removed.")
final class IndexCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or folders to index.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--participants",
      paramLabel = "CSV",
      description = "Participant attributes: id column, then one column per attribute.")
  Path participants;

  @Option(
      names = "--glossary",
      paramLabel = "FILE",
      description = "Synonyms glossary (Solr format) applied to searches of this index.")
  Path glossary;

  @Option(
      names = "--max-file-mb",
      defaultValue = "20",
      paramLabel = "MB",
      description = "Skip files larger than this (default ${DEFAULT-VALUE}).")
  int maxFileMb;

  @Option(
      names = "--text-column",
      paramLabel = "NAME",
      description =
          "Survey files: a column of open answers (repeatable; default: columns whose answers average 30+ characters).")
  List<String> textColumns = new ArrayList<>();

  @Option(
      names = "--id-column",
      paramLabel = "NAME",
      description = "Survey files: the participant id column (default: the first).")
  String idColumn;

  @Option(
      names = "--reindex",
      description =
          "Annotate and write every source again, unchanged or not, and stamp the index with this Quarry's analysis (needed when the index was analysed otherwise).")
  boolean reindex;

  // null: as many as there are processors
  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Threads that read and annotate files (default: one per processor); the index is the same whatever N.")
  Integer threads;

  @Option(
      names = "--skip-answer",
      paramLabel = "TEXT",
      description =
          "Survey files: an answer meaning 'no answer', skipped (repeatable; replaces the defaults such as N/A, Did not answer).")
  List<String> placeholders = new ArrayList<>();

  @Option(
      names = "--solr",
      paramLabel = "URL",
      description =
          "Then send the index's passages, with their analysed tokens, to this SolrCloud collection (http://host:8983/solr/COLLECTION); each source's passages replace the collection's.")
  String solr;

  @Option(
      names = "--worker",
      paramLabel = "I/N",
      description =
          "With --solr: send only the sources whose id hashes to worker I of N, so N machines index one corpus without overlap.")
  String worker;

  @Override
  public Integer call() {
    if (worker != null && solr == null) {
      throw new QuarryException("--worker is for --solr: give the collection with --solr URL");
    }
    SolrIndex solrIndex = solr == null ? null : SolrIndex.at(solr);
    if (worker != null) {
      SolrIndex.checkWorker(worker);
    }
    if (maxFileMb < 1) {
      throw new QuarryException("--max-file-mb must be 1 or more, got " + maxFileMb);
    }
    if (threads != null && threads < 1) {
      throw new QuarryException("--threads must be 1 or more, got " + threads);
    }
    QuarryHome home = QuarryHome.fromSystem();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> targets = paths.isEmpty() ? List.of(home.seeds()) : paths;
    Path gloss = glossary;
    if (gloss == null && paths.isEmpty()) {
      gloss = defaultGlossary(home);
    }
    if (common.isDefaultIndex()
        && !paths.isEmpty()
        && paths.stream().noneMatch(p -> p.toAbsolutePath().normalize().equals(home.seeds()))) {
      // the sample index is for trying Quarry: say so before a study is mixed into it
      err.println(
          "quarry: note: indexing into the sample index "
              + common.indexDir(home)
              + " (with the seeds); for a study of its own give --index DIR, set "
              + ProjectIndex.VARIABLE
              + ", or write 'index: DIR' in a "
              + ProjectIndex.FILE
              + " in the study's folder");
    }
    try (Quarry quarry = Quarry.open(common.indexDir(home))) {
      SurveyOptions survey =
          new SurveyOptions(
              textColumns,
              idColumn,
              placeholders.isEmpty()
                  ? SurveyOptions.DEFAULT_PLACEHOLDERS
                  : placeholders.stream()
                      .map(p -> p.strip().toLowerCase(java.util.Locale.ROOT))
                      .collect(java.util.stream.Collectors.toSet()));
      IndexReport report =
          run(
              quarry,
              new IndexRequest(
                  targets,
                  participants,
                  gloss,
                  survey,
                  maxFileMb,
                  reindex,
                  threads == null ? 0 : threads),
              err);
      out.print(report.table());
      out.flush();
      if (solrIndex != null) {
        try (SolrIndex target = solrIndex) {
          SolrIndex.Sent sent = target.send(quarry, worker);
          out.println(
              "sent "
                  + sent.passages()
                  + " passages of "
                  + sent.sources()
                  + " sources to "
                  + target
                  + (worker == null ? "" : " (worker " + worker + ")"));
          if (sent.records() >= 0) {
            out.println(
                "sent "
                    + sent.records()
                    + " records (source texts, kept codings, cases) to "
                    + target.recordsCollection());
          } else {
            err.println(
                "quarry: warning: solr "
                    + target
                    + " has no records collection ("
                    + target.recordsCollection()
                    + "), so exports of it take source texts, human codings and cases from the"
                    + " index that exports; 'quarry solr create-collection' on it makes one");
          }
        }
      }
      return report.failed() > 0 ? QuarryException.PARTIAL_FAILURE : 0;
    }
  }

  /**
   * Makes sure the index a verb reads has passages: the sample index (no --index, no project index)
   * is filled with the seeds first, said on {@code err}; any other empty index is a one-line error
   * saying how to fill it. Every verb that reads an index calls this.
   */
  static void ensureIndexed(Quarry quarry, CommonOptions common, QuarryHome home, PrintWriter err) {
    if (!quarry.isEmpty()) {
      return;
    }
    Path dir = common.indexDir(home);
    if (!common.isDefaultIndex()) {
      throw new QuarryException(
          "index "
              + dir
              + " is empty: run 'quarry index --index "
              + dir
              + " PATH...' or 'quarry import --index "
              + dir
              + " FILE.qdpx' first");
    }
    err.println("quarry: index " + dir + " is empty; indexing " + home.seeds() + " first");
    indexDefaultSeeds(quarry, home, err);
  }

  /** Indexes the embedded default, seeds/, with its glossary; the summary goes to {@code err}. */
  static void indexDefaultSeeds(Quarry quarry, QuarryHome home, PrintWriter err) {
    IndexReport report =
        run(quarry, new IndexRequest(List.of(home.seeds()), null, defaultGlossary(home)), err);
    err.println("quarry: " + report.summaryLine());
  }

  private static IndexReport run(Quarry quarry, IndexRequest request, PrintWriter err) {
    ProgressBar bar = new ProgressBar(err, "indexing");
    try {
      return quarry.index(request, bar::update);
    } finally {
      bar.finish();
    }
  }

  private static Path defaultGlossary(QuarryHome home) {
    Path g = home.seeds().resolve("nhs-glossary.txt");
    return Files.isRegularFile(g) ? g : null;
  }
}
