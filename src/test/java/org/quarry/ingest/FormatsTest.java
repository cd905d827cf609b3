package org.quarry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quarry.model.OffsetMap;
import org.quarry.model.Source;
import org.quarry.model.SourceKind;
import org.quarry.model.Span;

/**
 * One invented interview rendered into every format Quarry reads (src/test/resources/formats, see
 * its README): each reads to a source with every turn, in order, and offsets that fit.
 */
class FormatsTest {
  static final Path FORMATS = Path.of("src/test/resources/formats");

  /** The eight turns every fixture holds, speaker first. */
  static final List<String> TURNS =
      List.of(
          "Interviewer: Thank you for joining us today. Could you start by describing your role at the practice?",
          "Zoë: I am a practice nurse in a small rural surgery. I run the diabetes clinics and the drop in café sessions on Thursdays.",
          "Interviewer: How has the workload changed since the network started?",
          "Zoë: It has grown every year. We lost two receptionists and the phones never stop – some mornings I answer forty calls before nine.",
          "Interviewer: What helps you cope with that pressure?",
          "Zoë: Honestly, the team. We meet for ten minutes at lunch and share what went wrong. It sounds naïve, but it works.",
          "Interviewer: If you had an extra £500 a month, where would it go?",
          "Zoë: Training for the receptionists, and a proper rota so nobody covers three roles at once.");

  static final String ALL =
      "transcript.txt, transcript.md, transcript.html, transcript.docx, transcript.odt, transcript.rtf,"
          + " transcript.pdf, transcript.vtt, transcript.srt, transcript-utf16le.txt, transcript-windows1252.txt";

  // a run of non-blank lines (the normaliser may or may not have unified CRLF line ends)
  private static final Pattern PARAGRAPH =
      Pattern.compile("\\S(?:.|\\r?\\n(?![ \\t]*\\r?\\n))*\\S|\\S");

  private final SourceReaders readers = SourceReaders.standard();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "transcript.txt",
        "transcript.md",
        "transcript.html",
        "transcript.docx",
        "transcript.odt",
        "transcript.rtf",
        "transcript.pdf",
        "transcript.vtt",
        "transcript.srt",
        "transcript-utf16le.txt",
        "transcript-windows1252.txt"
      })
  void everyTurnsWordsAreThereInOrder(String name) throws IOException {
    Source source = read(name);
    List<String> words = words(source.text());
    int from = 0;
    for (String turn : TURNS) {
      int at = indexOf(words, words(turn), from);
      assertTrue(
          at >= 0, name + ": turn not found in order: " + turn + "\n--- text:\n" + source.text());
      from = at + words(turn).size();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "transcript.txt",
        "transcript.md",
        "transcript.html",
        "transcript.docx",
        "transcript.odt",
        "transcript.rtf",
        "transcript.pdf",
        "transcript.vtt",
        "transcript.srt",
        "transcript-utf16le.txt",
        "transcript-windows1252.txt"
      })
  void bothSpeakersAreNamed(String name) throws IOException {
    String text = read(name).text();
    assertTrue(text.contains("Interviewer:"), name);
    assertTrue(text.contains("Zoë:"), name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "transcript.txt",
        "transcript.md",
        "transcript.html",
        "transcript.docx",
        "transcript.odt",
        "transcript.rtf",
        "transcript.pdf",
        "transcript.vtt",
        "transcript.srt",
        "transcript-utf16le.txt",
        "transcript-windows1252.txt"
      })
  void offsetsCoverTheTextAndNeverDecrease(String name) throws IOException {
    Source source = read(name);
    OffsetMap offsets = source.offsets();
    assertEquals(source.text().length(), offsets.length(), name);
    for (int i = 1; i <= offsets.length(); i++) {
      assertTrue(offsets.toOriginal(i) >= offsets.toOriginal(i - 1), name + " at " + i);
    }
    assertFalse(source.contentHash().isEmpty(), name + " has no content hash");
    assertEquals(ContentHash.of(FORMATS.resolve(name)), source.contentHash(), name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "transcript.txt",
        "transcript.md",
        "transcript-utf16le.txt",
        "transcript-windows1252.txt"
      })
  void aTextFileAtEachParagraphsMappedSpanReadsAsTheParagraph(String name) throws IOException {
    Source source = read(name);
    int[] raw =
        TextDecoder.decode(Files.readAllBytes(FORMATS.resolve(name))).text().codePoints().toArray();
    String text = source.text();
    int paragraphs = 0;
    Matcher paragraph = PARAGRAPH.matcher(text);
    while (paragraph.find()) {
      Span span = source.offsets().toOriginal(paragraph.start(), paragraph.end());
      String original = new String(raw, span.start(), span.end() - span.start());
      assertEquals(
          squeeze(paragraph.group()),
          squeeze(original),
          name + " paragraph at " + paragraph.start());
      paragraphs++;
    }
    assertEquals(TURNS.size(), paragraphs, name);
  }

  // the PDF is left out: its paragraphs have no spacing, so only its "Speaker:" line starts show
  // where turns begin (the transcript segmenter's job)
  @ParameterizedTest
  @ValueSource(
      strings = {
        "transcript.txt",
        "transcript.md",
        "transcript.html",
        "transcript.docx",
        "transcript.odt",
        "transcript.rtf",
        "transcript.vtt",
        "transcript.srt",
        "transcript-utf16le.txt",
        "transcript-windows1252.txt"
      })
  void eachTurnIsOneParagraph(String name) throws IOException {
    Matcher paragraph = PARAGRAPH.matcher(read(name).text());
    List<String> paragraphs = new ArrayList<>();
    while (paragraph.find()) {
      paragraphs.add(squeeze(paragraph.group()));
    }
    assertEquals(TURNS, paragraphs, name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"transcript.txt", "transcript-utf16le.txt", "transcript-windows1252.txt"})
  void everyTextEncodingReadsTheSameLetters(String name) throws IOException {
    String text = read(name).text();
    for (String letters : List.of("café", "naïve", "£500", "stop – some", "Zoë")) {
      assertTrue(text.contains(letters), name + " lacks " + letters + ":\n" + text);
    }
  }

  @Test
  void frontMatterBecomesMetadataAndMakesATranscript() throws IOException {
    Source md = read("transcript.md");
    assertEquals(
        Map.of(
            "participant",
            "Zoë",
            "interviewer",
            "Dr Lee",
            "role",
            "Practice nurse",
            "region",
            "North West"),
        md.metadata());
    assertEquals(SourceKind.TRANSCRIPT, md.kind());
    assertFalse(md.text().contains("participant:"), md.text());
    assertTrue(md.text().startsWith("Interviewer:"), md.text());
  }

  @Test
  void captionsAreTranscriptsWithOneParagraphPerTurn() throws IOException {
    for (String name : List.of("transcript.vtt", "transcript.srt")) {
      Source captions = read(name);
      assertEquals(SourceKind.TRANSCRIPT, captions.kind(), name);
      assertEquals(
          TURNS, Arrays.stream(captions.text().split("\n\n")).map(String::strip).toList(), name);
    }
  }

  @Test
  void theHtmlTitleIsMetadataNotText() throws IOException {
    Source html = read("transcript.html");
    assertEquals("Interview with Zoë, practice nurse", html.metadata().get("title"));
    assertFalse(html.text().contains("Interview with"), html.text());
  }

  @Test
  void everySupportedFixtureIsListed() throws IOException {
    try (var files = Files.list(FORMATS)) {
      List<String> names =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> !n.equals("README.md"))
              .sorted()
              .toList();
      assertEquals(Arrays.stream(ALL.split(",\\s*")).sorted().toList(), names);
    }
  }

  private Source read(String name) throws IOException {
    Path file = FORMATS.resolve(name);
    SourceReader reader =
        readers.forFile(file).orElseThrow(() -> new AssertionError("no reader for " + name));
    return reader.read(file, name);
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty())
        .toList();
  }

  private static int indexOf(List<String> words, List<String> sequence, int from) {
    for (int i = from; i + sequence.size() <= words.size(); i++) {
      if (words.subList(i, i + sequence.size()).equals(sequence)) {
        return i;
      }
    }
    return -1;
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
