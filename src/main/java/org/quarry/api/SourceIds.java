package org.quarry.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quarry.ingest.ContentHash;
import org.quarry.ingest.SourceFile;
import org.quarry.model.SourceOrigin;

/**
 * Gives each file of an index run the source id it has in the index. A source is the file it was
 * read from: re-indexing a folder finds its files under the ids they had, and a same-named file
 * from another folder ({@code b/P01.txt} after {@code a/P01.txt}) becomes another source, under an
 * id qualified by its folder (relative to the working folder where it lies inside it), instead of
 * replacing the first.
 *
 * <p>One exception keeps a moved folder from doubling its sources: a file whose id is held by a
 * file that no longer exists, with the same bytes, takes that id over (the index records the new
 * path).
 */
final class SourceIds {
  private final Map<String, SourceOrigin> taken;
  private final Path workingFolder;

  /**
   * @param indexed where every source in the index came from, by id
   * @param workingFolder the folder qualified ids are shown relative to
   */
  SourceIds(Map<String, SourceOrigin> indexed, Path workingFolder) {
    this.taken = new HashMap<>(indexed);
    this.workingFolder = workingFolder.toAbsolutePath().normalize();
  }

  /** The files with the ids they get, in the order given; ids are unique among them. */
  List<SourceFile> assign(List<SourceFile> files) {
    List<SourceFile> out = new ArrayList<>(files.size());
    for (SourceFile f : files) {
      String id = idOf(f);
      taken.put(id, new SourceOrigin(f.file().toString(), null));
      out.add(id.equals(f.id()) ? f : new SourceFile(f.file(), id, f.root()));
    }
    return out;
  }

  private String idOf(SourceFile f) {
    if (free(f.id(), f.file())) {
      return f.id();
    }
    for (String folder : qualifiers(f)) {
      String id = folder + "/" + f.id();
      if (free(id, f.file())) {
        return id;
      }
    }
    // the absolute path is this file's alone
    return slashed(f.file());
  }

  private boolean free(String id, Path file) {
    SourceOrigin owner = taken.get(id);
    // a source of unknown origin is somebody's too: never taken over
    return owner == null
        || (owner.path() != null && owner.path().equals(file.toString()))
        || movedHere(owner, file);
  }

  /** True when the owner's file is gone and {@code file} has its bytes: the folder was moved. */
  private static boolean movedHere(SourceOrigin owner, Path file) {
    if (owner.path() == null || owner.contentHash() == null || owner.path().contains("!")) {
      return false; // a project's source, or one this run already gave the id
    }
    try {
      Path old = Path.of(owner.path());
      return old.isAbsolute()
          && !Files.exists(old)
          && owner.contentHash().equals(ContentHash.of(file));
    } catch (IOException | RuntimeException e) {
      return false; // unreadable here: the loader names the problem
    }
  }

  /** The folder names that can tell {@code f} apart, shortest first. */
  private Set<String> qualifiers(SourceFile f) {
    Path folder = Files.isDirectory(f.root()) ? f.root() : f.file().getParent();
    Set<String> names = new LinkedHashSet<>();
    if (folder == null) {
      return names;
    }
    folder = folder.toAbsolutePath().normalize();
    if (folder.startsWith(workingFolder) && !folder.equals(workingFolder)) {
      names.add(slashed(workingFolder.relativize(folder)));
    }
    for (int n = 1; n <= folder.getNameCount(); n++) {
      names.add(slashed(folder.subpath(folder.getNameCount() - n, folder.getNameCount())));
    }
    return names;
  }

  private static String slashed(Path p) {
    return p.toString().replace(p.getFileSystem().getSeparator(), "/");
  }
}
