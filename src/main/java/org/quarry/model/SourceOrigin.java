package org.quarry.model;

/**
 * Where an indexed source came from: what tells two same-named files apart, and a moved file from
 * another one.
 *
 * @param path the file's absolute path (for a source imported from a project, {@code
 *     project!name}); null if unknown
 * @param contentHash the hash of the bytes indexed ({@link Source#contentHash()}); null if unknown
 */
public record SourceOrigin(String path, String contentHash) {}
