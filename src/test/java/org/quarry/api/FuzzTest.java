package org.quarry.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.quarry.ingest.SkippedSourceException;
import org.quarry.ingest.SourceFile;
import org.quarry.model.SearchRequest;

/**
 * Random strings at the query path and random bytes at the readers, for a bounded number of tries
 * (seeded, so a failure reproduces): nothing may escape but Quarry's own one-line failures.
 */
class FuzzTest {
  private static Path tmp;
  private static Quarry quarry;

  @BeforeContainer
  static void smallIndex() throws IOException {
    tmp = Files.createTempDirectory("quarry-fuzz");
    Path docs = Files.createDirectories(tmp.resolve("docs"));
    Files.writeString(
        docs.resolve("t.txt"),
        "Interviewer: How do the networks work?\n\nP01: The clinical directors speak with one voice.\n");
    Files.writeString(
        docs.resolve("p.txt"), "Theme 1: Support\n\nPractices share staff and workload.\n");
    quarry = Quarry.open(tmp.resolve("index"));
    quarry.index(IndexRequest.of(docs), IndexProgress.NONE);
  }

  @AfterContainer
  static void close() throws IOException {
    quarry.close();
    try (var files = Files.walk(tmp)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 400, seed = "20261123")
  void anyQueryStringAnswersOrFailsInOneLine(@ForAll("queries") String query) {
    try {
      quarry.search(
          SearchRequest.builder(query)
              .facets(java.util.List.of("participant"))
              .filters(java.util.Map.of())
              .limit(5)
              .build());
    } catch (QuarryException e) {
      if (e.getMessage() == null || e.getMessage().contains("\n")) {
        throw new AssertionError("not a one-line message: " + e.getMessage(), e);
      }
    }
  }

  @Property(tries = 150, seed = "20261123")
  void anyBytesUnderAnyNameAreReadSkippedOrRefusedNeverCrash(
      @ForAll("bytes") byte[] bytes, @ForAll("extensions") String extension) throws IOException {
    Path file = tmp.resolve("fuzz." + extension);
    Files.write(file, bytes);
    SourceLoader loader = new SourceLoader(org.quarry.model.SurveyOptions.defaults(), 20);
    try {
      loader.load(new SourceFile(file, file.getFileName().toString(), tmp));
    } catch (SkippedSourceException e) {
      // a reason for the report: fine
    } catch (IOException e) {
      if (e.getMessage() == null) {
        throw new AssertionError(
            "an IOException without a message for the report: ." + extension + " " + e, e);
      }
    }
  }

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> syntax =
        Arbitraries.of(
            "AND",
            "OR",
            "NOT",
            "(",
            ")",
            "\"",
            "*",
            "?",
            "~",
            "~2",
            "^3",
            ":",
            "/",
            "[",
            "]",
            "{",
            "}",
            "TO",
            "-",
            "+",
            "\\",
            "participant:",
            "section:",
            "code:",
            "voice",
            "ICS",
            "IDNS1*",
            "&&",
            "||",
            "!");
    Arbitrary<String> tokens =
        Arbitraries.oneOf(
            syntax,
            Arbitraries.strings().ofMaxLength(6),
            Arbitraries.strings().ascii().ofMaxLength(4));
    return tokens.list().ofMaxSize(12).map(l -> String.join(" ", l));
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
    Arbitrary<byte[]> texty =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .withChars('\n', '\r', '\t', '\u00e9', '\uFEFF', '\u2019')
            .ofMaxLength(800)
            .map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Arbitrary<byte[]> zipLike =
        random.map(
            b -> {
              byte[] z = new byte[b.length + 4];
              z[0] = 'P';
              z[1] = 'K';
              z[2] = 3;
              z[3] = 4;
              System.arraycopy(b, 0, z, 4, b.length);
              return z;
            });
    Arbitrary<byte[]> pdfLike =
        random.map(
            b -> concat("%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), b));
    return Arbitraries.oneOf(random, texty, zipLike, pdfLike);
  }

  @Provide
  Arbitrary<String> extensions() {
    return Arbitraries.of(
        "txt", "md", "html", "docx", "odt", "rtf", "pdf", "vtt", "srt", "csv", "xlsx");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
