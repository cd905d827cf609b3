package org.quarry.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.quarry.model.OffsetMap;
import org.quarry.model.Passage;
import org.quarry.model.PassageKind;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;
import org.quarry.model.Span;
import org.quarry.text.Interviewers;

/**
 * Reads caption files (.vtt, .srt) from meeting and transcription tools as transcripts whose turns
 * the file itself gives: the charset is detected ({@link TextDecoder}), cues are merged into
 * speaker turns ({@link CaptionText}), and each turn is a passage of its speaker, so a voice name
 * is kept as written however long it is, never re-read as a label. Interviewers are found as for
 * any transcript ({@link Interviewers}); speech before anyone is named is narrative.
 *
 * <p>The text Quarry keeps is one {@code Speaker: words} paragraph per turn, each part normalised
 * ({@link TextNormalizer}); offsets point into it (timings and cue ids are not text).
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
    return readSegmented(file, id).source();
  }

  /**
   * The transcript and its turns, one passage each.
   *
   * @throws SkippedSourceException for an empty or binary file, or one with no caption text
   * @throws IOException when the file cannot be read
   */
  @Override
  public SegmentedSource readSegmented(Path file, String id) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<CaptionText.Turn> turns = new ArrayList<>();
    for (CaptionText.Turn turn : CaptionText.turns(TextDecoder.decode(bytes).text())) {
      String words = normalized(turn.words());
      if (!words.isEmpty()) {
        turns.add(
            new CaptionText.Turn(
                turn.speaker() == null ? null : normalized(turn.speaker()), words));
      }
    }
    if (turns.isEmpty()) {
      throw new SkippedSourceException("no captions");
    }
    StringBuilder text = new StringBuilder();
    int[][] spans = new int[turns.size()][];
    for (int i = 0; i < turns.size(); i++) {
      CaptionText.Turn turn = turns.get(i);
      if (i > 0) {
        text.append("\n\n");
      }
      if (turn.speaker() != null) {
        text.append(turn.speaker()).append(": ");
      }
      spans[i] = new int[] {text.length(), text.length() + turn.words().length()};
      text.append(turn.words());
    }
    String kept = text.append('\n').toString();
    OffsetMap offsets = OffsetMap.identity(kept);
    Source source =
        new Source(
            id,
            file.toString(),
            SourceKind.TRANSCRIPT,
            kept,
            offsets,
            ContentHash.of(bytes),
            Map.of());
    Set<String> interviewers = Interviewers.find(source.metadata(), speakers(turns));
    List<Passage> passages = new ArrayList<>();
    for (int i = 0; i < turns.size(); i++) {
      CaptionText.Turn turn = turns.get(i);
      PassageKind kind =
          turn.speaker() == null
              ? PassageKind.NARRATIVE
              : interviewers.contains(turn.speaker()) ? PassageKind.INTERVIEWER : PassageKind.TURN;
      Span span = offsets.toOriginal(spans[i][0], spans[i][1]);
      passages.add(
          Passage.of(id, kind, turn.speaker(), null, span.start(), span.end(), turn.words()));
    }
    return new SegmentedSource(source, passages);
  }

  private static String normalized(String s) {
    return TextNormalizer.normalize(s).text().strip();
  }

  /** Turns taken and turns asking something, by speaker, for telling the interviewer. */
  private static List<Interviewers.Speaker> speakers(List<CaptionText.Turn> turns) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (CaptionText.Turn turn : turns) {
      if (turn.speaker() != null) {
        int[] c = counts.computeIfAbsent(turn.speaker(), s -> new int[2]);
        c[0]++;
        if (turn.words().indexOf('?') >= 0) {
          c[1]++;
        }
      }
    }
    List<Interviewers.Speaker> out = new ArrayList<>();
    counts.forEach((s, c) -> out.add(new Interviewers.Speaker(s, c[0], c[1])));
    return out;
  }
}
