package org.quarry.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the files to index under the paths a user names. Folders are walked recursively in a stable
 * (sorted) order; hidden files and those a {@code .quarryignore} in the folder given lists (one
 * file name or glob per line, {@code #} comments) are left out, so a corpus folder can carry its
 * attribution, glossary and codebooks beside the sources.
 */
public final class SourceWalker {
  /** Name of the ignore file read from each folder given to index. */
  public static final String IGNORE_FILE = ".quarryignore";

  private SourceWalker() {}

  /**
   * The files under {@code paths}, in order.
   *
   * @throws NoSuchFileException naming the first path that does not exist
   * @throws IOException when a folder cannot be listed
   */
  public static List<SourceFile> walk(List<Path> paths) throws IOException {
    List<SourceFile> found = new ArrayList<>();
    for (Path given : paths) {
      Path path = given.toAbsolutePath().normalize();
      if (!Files.exists(path)) {
        throw new NoSuchFileException(given.toString(), null, "no such file or folder");
      }
      if (Files.isDirectory(path)) {
        found.addAll(walkFolder(path));
      } else {
        found.add(new SourceFile(path, path.getFileName().toString(), path));
      }
    }
    return found;
  }

  private static List<SourceFile> walkFolder(Path root) throws IOException {
    List<PathMatcher> ignored = ignoreMatchers(root);
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !isHidden(root.relativize(f)))
          .filter(
              f ->
                  ignored.stream()
                      .noneMatch(m -> m.matches(f.getFileName()) || m.matches(root.relativize(f))))
          .sorted(Comparator.comparing(f -> root.relativize(f).toString()))
          .map(f -> new SourceFile(f, idOf(root, f), root))
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String idOf(Path root, Path file) {
    return root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
  }

  private static List<PathMatcher> ignoreMatchers(Path root) throws IOException {
    Path ignore = root.resolve(IGNORE_FILE);
    if (!Files.isRegularFile(ignore)) {
      return List.of();
    }
    List<PathMatcher> matchers = new ArrayList<>();
    for (String line : Files.readAllLines(ignore)) {
      String pattern = line.strip();
      if (!pattern.isEmpty() && !pattern.startsWith("#")) {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
      }
    }
    return matchers;
  }
}
