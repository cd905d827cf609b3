package org.quarry.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.quarry.model.OffsetMap;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/** Reads .txt and .md files. (Skeleton: the normaliser and charset detection come next.) */
public final class PlainTextReader implements SourceReader {
  @Override
  public boolean accepts(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".txt") || name.endsWith(".md");
  }

  @Override
  public Source read(Path file, String id) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return new Source(id, file.toString(), SourceKind.PAPER, text, OffsetMap.identity(text), "", Map.of());
  }
}
