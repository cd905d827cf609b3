package org.quarry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Quarry home for the CLI tests of one class: a temporary folder holding a copy of {@code seeds/}
 * (and no index yet), made the {@code quarry.home} of this JVM before the class's
 * {@code @BeforeAll} methods run, and the previous home restored after its {@code @AfterAll}
 * methods. The copy lets a test write next to the seeds without touching the repository's.
 *
 * <pre>{@code
 * @RegisterExtension static final SeedsHome SEEDS = new SeedsHome();
 * }</pre>
 */
final class SeedsHome implements BeforeAllCallback, AfterAllCallback {
  private static final String PROPERTY = "quarry.home";

  private Path home;
  private String previousHome;

  /** The home folder; its {@code seeds/} holds the copy. Set once the class's setup began. */
  Path home() {
    return home;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    home = Files.createTempDirectory("quarry-home");
    Path seeds = Files.createDirectories(home.resolve("seeds"));
    try (Stream<Path> files = Files.list(Path.of("seeds"))) {
      for (Path f : files.toList()) {
        Files.copy(f, seeds.resolve(f.getFileName()));
      }
    }
    previousHome = System.getProperty(PROPERTY);
    System.setProperty(PROPERTY, home.toString());
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (previousHome == null) {
      System.clearProperty(PROPERTY);
    } else {
      System.setProperty(PROPERTY, previousHome);
    }
    // deepest first, so each folder is empty when its turn comes
    try (Stream<Path> all = Files.walk(home)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
