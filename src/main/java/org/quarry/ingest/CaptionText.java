package org.quarry.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quarry.text.SpeakerLabel;

/**
 * Reads the speaker turns of WebVTT and SubRip captions (Teams, Zoom, transcription services):
 * consecutive cues of one speaker are merged into a turn. The speaker comes from a {@code <v
 * Speaker>} voice tag, taken as written however long, or else a speaker label starting the cue
 * ({@code Speaker: text}, read by the transcript grammar, {@link SpeakerLabel}); a cue with neither
 * continues the current turn.
 */
public final class CaptionText {
  private static final Pattern TIMING =
      Pattern.compile("^\\s*(\\d{1,2}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3}\\s+-->\\s+.*$");
  private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^ >]*)?\\s+([^>]+)>");
  private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

  /**
   * One speaker's turn.
   *
   * @param speaker the voice or label as written, or null before anyone is named
   * @param words the turn's words, cue after cue, with single spaces
   */
  public record Turn(String speaker, String words) {}

  private CaptionText() {}

  /** The turns of a .vtt or .srt file's content, in order. */
  public static List<Turn> turns(String captions) {
    List<Turn> turns = new ArrayList<>();
    String speaker = null;
    StringBuilder words = new StringBuilder();
    for (String cue : cueTexts(captions)) {
      String cueSpeaker = null;
      Matcher v = VOICE.matcher(cue);
      if (v.find()) {
        cueSpeaker = v.group(1).strip().replaceAll("\\s+", " ");
      }
      String text = TAG.matcher(cue).replaceAll("").replaceAll("\\s+", " ").strip();
      if (cueSpeaker == null) {
        Optional<SpeakerLabel> label = SpeakerLabel.parse(text);
        if (label.isPresent()) {
          cueSpeaker = label.get().speaker();
          text = text.substring(label.get().speechStart()).strip();
        }
      }
      if (text.isEmpty()) {
        continue;
      }
      if (cueSpeaker != null && !cueSpeaker.equals(speaker)) {
        flush(turns, speaker, words);
        speaker = cueSpeaker;
      }
      if (words.length() > 0) {
        words.append(' ');
      }
      words.append(text);
    }
    flush(turns, speaker, words);
    return turns;
  }

  private static void flush(List<Turn> turns, String speaker, StringBuilder words) {
    if (words.length() > 0) {
      turns.add(new Turn(speaker, words.toString()));
      words.setLength(0);
    }
  }

  /** The text lines of each cue, joined with spaces; headers, ids, notes and timings dropped. */
  private static List<String> cueTexts(String captions) {
    List<String> cues = new ArrayList<>();
    String[] blocks = captions.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n");
    for (String block : blocks) {
      String[] lines = block.strip().split("\n");
      int timing = -1;
      for (int i = 0; i < lines.length; i++) {
        if (TIMING.matcher(lines[i]).matches()) {
          timing = i;
          break;
        }
      }
      if (timing < 0) {
        continue; // WEBVTT header, NOTE, STYLE and REGION blocks carry no speech
      }
      StringBuilder text = new StringBuilder();
      for (int i = timing + 1; i < lines.length; i++) {
        if (text.length() > 0) {
          text.append(' ');
        }
        text.append(lines[i].strip());
      }
      cues.add(text.toString());
    }
    return cues;
  }
}
