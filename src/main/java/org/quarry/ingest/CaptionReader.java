package org.quarry.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;

/**
 * Reads caption files (.vtt, .srt) from meeting and transcription tools as transcripts: the
 * charset is detected ({@link TextDecoder}), cues become {@code Speaker: text} turns ({@link
 * CaptionText}), and the turns are normalised ({@link TextNormalizer}). Offsets point into the
 * turn text, which is what Quarry keeps for the source (timings and cue ids are not text).
 */
public final class CaptionReader implements SourceReader {
  @Override
  public boolean accepts(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".vtt") || name.endsWith(".srt");
  }

  /**
   * @throws SkippedSourceException for an empty or binary file, or one with no caption text
   * @throws IOException when the file cannot be read
   */
  @Override
  public Source read(Path file, String id) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String transcript = CaptionText.toTranscript(TextDecoder.decode(bytes).text());
    if (transcript.isBlank()) {
      throw new SkippedSourceException("no captions");
    }
    TextNormalizer.Normalized normalized = TextNormalizer.normalize(transcript);
    return new Source(
        id,
        file.toString(),
        SourceKind.TRANSCRIPT,
        normalized.text(),
        normalized.offsets(),
        ContentHash.of(bytes),
        Map.of());
  }
}
