package org.quarry.refi;

import java.util.Objects;
import org.quarry.model.OffsetMap;

/**
 * A text source read from a REFI-QDA project.
 *
 * @param guid the source's GUID in the project, lower case without braces
 * @param name its name in the project (unique within the import; the {@link
 *     org.quarry.model.Coding#source()} of its codings)
 * @param text the text with CRLF and lone CR turned into LF, BOM removed
 * @param offsets maps {@code text} char indices to code points of the text as stored in the project
 *     (after the BOM)
 * @param positions how the tool counted selection positions in this source, as detected
 */
public record ImportedSource(
    String guid, String name, String text, OffsetMap offsets, String positions) {
  public ImportedSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(offsets, "offsets");
  }
}
