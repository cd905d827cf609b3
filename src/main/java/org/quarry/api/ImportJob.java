package org.quarry.api;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.quarry.analysis.TextAnnotator;
import org.quarry.index.IndexLockedException;
import org.quarry.index.Indexer;
import org.quarry.index.StampMismatchException;
import org.quarry.model.Codebook;
import org.quarry.model.Source;
import org.quarry.model.SurveyOptions;
import org.quarry.refi.ImportedProject;
import org.quarry.refi.QdpxReader;

/**
 * A REFI-QDA project import ({@link Quarry#importProject}): reads the {@code .qdpx}, works out
 * which source ids other inputs already hold, has {@link RefiImport} write the project into the
 * index, and keeps the project's code tree with it.
 */
final class ImportJob {
  private final IndexFolder folder;
  private final IndexSearch search;
  private final Supplier<TextAnnotator> annotators;

  ImportJob(IndexFolder folder, IndexSearch search, Supplier<TextAnnotator> annotators) {
    this.folder = folder;
    this.search = search;
    this.annotators = annotators;
  }

  /** Imports {@code qdpx}; see {@link Quarry#importProject} for what it does and throws. */
  ImportReport run(Path qdpx) {
    Path file = qdpx.toAbsolutePath().normalize();
    ImportedProject project;
    // the code tree kept from earlier imports: a tool that mints new GUIDs on export still finds
    // its codes under their ids
    Codebook known = folder.codebook().read();
    try {
      project = QdpxReader.read(file, known);
    } catch (NoSuchFileException e) {
      throw new QuarryException(file + ": no such file", e);
    } catch (IOException | RuntimeException e) {
      // the reader's own messages already name the file, and some already ask the question
      String m = QuarryException.describe(e);
      String named = m.startsWith(file.toString()) ? m : file + ": " + m;
      throw new QuarryException(
          named.contains("REFI-QDA") ? named : named + " (is it a REFI-QDA .qdpx export?)", e);
    }
    folder.create();
    // a source of that name indexed from elsewhere (a file, another project) is not replaced
    Map<String, String> taken = new TreeMap<>();
    if (!search.isEmpty()) {
      for (Source s : search.sources()) {
        if (s.path() == null || !s.path().startsWith(file + "!")) {
          taken.put(s.id(), s.path());
        }
      }
    }
    search.release();
    SourceLoader loader =
        new SourceLoader(SurveyOptions.defaults(), IndexRequest.DEFAULT_MAX_FILE_MB);
    try (Indexer indexer = folder.openIndexer(annotators.get())) {
      ImportReport report =
          new RefiImport(indexer, loader::segment).run(project, file.toString(), taken);
      folder.codebook().keep(project.codebook());
      return report;
    } catch (IndexLockedException e) {
      throw IndexFolder.locked(e);
    } catch (StampMismatchException e) {
      throw folder.stampMismatch(e);
    } catch (IOException e) {
      throw folder.writeFailed(e);
    } finally {
      search.release(); // the next read sees the imported sources
    }
  }
}
