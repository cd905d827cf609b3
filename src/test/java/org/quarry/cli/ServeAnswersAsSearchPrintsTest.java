package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quarry.api.Quarry;
import org.quarry.http.QuarryServer;

/**
 * The HTTP API's search answers byte for byte what {@code quarry search --format json} prints for
 * the same search, so a body saved with curl equals the CLI's output.
 */
class ServeAnswersAsSearchPrintsTest {
  @RegisterExtension static final SeedsHome SEEDS = new SeedsHome();

  @Test
  void theSearchRouteAndTheCliPrintTheSameJson() throws Exception {
    CliRun cli =
        CliRun.of(
            "search",
            "voice AND ICS",
            "--facet",
            "participant",
            "--sort",
            "source",
            "--format",
            "json");
    assertEquals(0, cli.exitCode(), cli.err());
    try (Quarry quarry = Quarry.open(SEEDS.home().resolve("index"));
        QuarryServer server = QuarryServer.start(quarry, "127.0.0.1", 0)) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + server.port()
                                  + "/api/v1/search?q=voice%20AND%20ICS&facet=participant&sort=source"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(cli.out(), r.body());
    }
  }
}
