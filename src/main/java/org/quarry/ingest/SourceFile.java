package org.quarry.ingest;

import java.nio.file.Path;

/**
 * A file found by {@link SourceWalker}, with the source id it will have.
 *
 * @param file the file
 * @param id the path relative to {@code root} with {@code /} separators, or the file name for a
 *     file given directly
 * @param root the folder given to index (or the file itself when given directly)
 */
public record SourceFile(Path file, String id, Path root) {}
