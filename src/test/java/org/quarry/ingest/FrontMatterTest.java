package org.quarry.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The YAML block at the top of a transcript. */
class FrontMatterTest {
  static final Path FILE = Path.of("p7.md");

  @Test
  void keysAndValuesInFileOrderAndTheBodyAfterTheClosingLine() throws IOException {
    String text = "---\nparticipant: P7\nrole: GP\n---\nBody.\n";
    FrontMatter front = FrontMatter.parse(text, FILE);
    assertEquals(List.of("participant", "role"), List.copyOf(front.attributes().keySet()));
    assertEquals("Body.\n", text.substring(front.bodyStart()));
  }

  @Test
  void aFileWithoutTheBlockHasNoAttributesAndTheWholeTextIsBody() throws IOException {
    FrontMatter front = FrontMatter.parse("Interviewer: Hi.\n---\nrole: GP\n", FILE);
    assertFalse(front.present());
    assertEquals(0, front.bodyStart());
    assertTrue(front.attributes().isEmpty());
  }

  @Test
  void windowsLineEndsAndADotsClosingLineAreAccepted() throws IOException {
    String text = "---\r\nparticipant: P7\r\n...\r\nBody.\r\n";
    FrontMatter front = FrontMatter.parse(text, FILE);
    assertEquals(Map.of("participant", "P7"), front.attributes());
    assertEquals("Body.\r\n", text.substring(front.bodyStart()));
  }

  @Test
  void aListIsJoinedAndNumbersAreText() throws IOException {
    FrontMatter front = FrontMatter.parse("---\nroles: [GP, partner]\nage: 52\n---\n", FILE);
    assertEquals(Map.of("roles", "GP, partner", "age", "52"), front.attributes());
  }

  @Test
  void aBlockThatIsNeverClosedIsAnErrorOnLineOne() {
    IOException e =
        assertThrows(
            IOException.class, () -> FrontMatter.parse("---\nparticipant: P7\nBody.\n", FILE));
    assertTrue(e.getMessage().startsWith("p7.md:1: "), e.getMessage());
    assertTrue(e.getMessage().contains("not closed"), e.getMessage());
  }

  @Test
  void aNestedBlockIsAnErrorNamingItsKeyAndLine() {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                FrontMatter.parse(
                    "---\nparticipant: P7\nsite:\n  name: North\n---\nBody.\n", FILE));
    assertTrue(e.getMessage().startsWith("p7.md:3: "), e.getMessage());
    assertTrue(e.getMessage().contains("'site'"), e.getMessage());
  }

  @Test
  void aBlockThatIsNotKeyValueLinesIsAnError() {
    IOException e =
        assertThrows(
            IOException.class, () -> FrontMatter.parse("---\n- one\n- two\n---\nBody.\n", FILE));
    assertTrue(e.getMessage().startsWith("p7.md:2: "), e.getMessage());
  }
}
