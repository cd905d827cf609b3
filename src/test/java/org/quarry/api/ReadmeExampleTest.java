package org.quarry.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quarry.model.Hit;
import org.quarry.model.SearchRequest;
import org.quarry.model.SearchResult;

/**
 * The README's Java example, compiled here as it is written there: if one changes without the
 * other, {@link #theReadmeShowsThisExample} fails.
 */
class ReadmeExampleTest {
  @TempDir Path tmp;

  // BEGIN README EXAMPLE
  static void example(Path index, Path seeds, PrintStream out) {
    try (Quarry quarry = Quarry.open(index)) {
      quarry.index(IndexRequest.of(seeds), IndexProgress.NONE);
      SearchResult result =
          quarry.search(SearchRequest.builder("voice AND ICS").facets("participant").build());
      for (Hit hit : result.hits()) {
        out.println(hit.passage().id() + " " + hit.highlight());
      }
    }
  }

  // END README EXAMPLE

  @Test
  void theExampleRunsAndPrintsHits() throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      example(tmp.resolve("index"), Path.of("seeds"), out);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("<mark>"), printed);
  }

  @Test
  void theReadmeShowsThisExample() throws IOException {
    String source =
        Files.readString(Path.of("src/test/java/org/quarry/api/ReadmeExampleTest.java"));
    Matcher m =
        Pattern.compile(
                "// BEGIN README EXAMPLE\\n[^\\n]*\\{\\n(.*?)\\n  }\\n\\s*// END README EXAMPLE",
                Pattern.DOTALL)
            .matcher(source);
    assertTrue(m.find(), "example markers");
    // the method body, de-indented to the README's level
    String body =
        String.join(
            "\n",
            m.group(1).lines().map(l -> l.length() > 4 ? l.substring(4) : l.strip()).toList());
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(readme.contains(body), "README.md must show the example as compiled here:\n" + body);
  }
}
