package org.quarry.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.api.SolrIndex;
import org.quarry.http.QuarryServer;
import org.quarry.model.LoadedCodebook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quarry serve}: the local HTTP/JSON API and web page, until interrupted. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve the local HTTP/JSON API (/api/v1/..., described at /api/v1/openapi.json) and the"
            + " web page (search, read in context, review suggestions, matrix), on 127.0.0.1"
            + " unless --bind and --allow-remote say otherwise.")
final class ServeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--port",
      defaultValue = "7070",
      description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--allow-remote",
      description =
          "Allow --bind to an address other machines can reach (the study is then theirs to read).")
  boolean allowRemote;

  @Option(names = "--quiet", description = "No access log line per request on stderr.")
  boolean quiet;

  @Option(
      names = "--codebook",
      paramLabel = "FILE",
      description =
          "Codebook (.yaml, or REFI-QDA .qdc) whose codes the page reviews and /api/v1/suggest"
              + " suggests (default: the code tree kept with the index, which has no lexicon).")
  Path codebook;

  @Option(
      names = "--solr",
      paramLabel = "URL",
      description =
          "Answer searches from this SolrCloud collection (http://host:8983/solr/COLLECTION), the query analysed by this index.")
  String solr;

  @Override
  public Integer call() throws InterruptedException {
    QuarryHome home = QuarryHome.fromSystem();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw new QuarryException("--port must be 0 to 65535, got " + port);
    }
    boolean remote = reachableByOthers(bind);
    if (remote && !allowRemote) {
      throw new QuarryException(
          "--bind "
              + bind
              + " is reachable from other machines; add --allow-remote if that is meant");
    }
    // the codebook is read and checked before the server starts
    LoadedCodebook book = codebook == null ? null : Quarry.codebook(codebook);
    if (book != null) {
      book.warnings().forEach(w -> err.println("quarry: warning: " + w));
    }
    SolrIndex collection = solr == null ? null : SolrIndex.at(solr);
    try (Quarry quarry = Quarry.open(common.indexDir(home));
        SolrIndex closing = collection) {
      if (collection == null) {
        // searches of a collection need only the analysis here, not passages
        IndexCommand.ensureIndexed(quarry, common, home, err);
      }
      QuarryServer server;
      try {
        server =
            QuarryServer.start(
                quarry,
                bind,
                port,
                quiet ? null : accessLog(err),
                book == null ? null : book.codebook(),
                collection);
      } catch (IOException e) {
        throw new QuarryException(
            "cannot listen on "
                + bind
                + ":"
                + port
                + ": "
                + e.getMessage()
                + " (try another --port)",
            e);
      }
      spec.commandLine()
          .getOut()
          .println("quarry: serving http://" + bind + ":" + server.port() + "/ (Ctrl-C stops)");
      if (remote) {
        spec.commandLine()
            .getOut()
            .println(
                "quarry: the study is reachable by others on the network at "
                    + bind
                    + ":"
                    + server.port());
      }
      spec.commandLine().getOut().flush();
      CountDownLatch stop = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    stop.countDown();
                  }));
      stop.await();
    }
    return 0;
  }

  private static boolean reachableByOthers(String bind) {
    try {
      return !InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new QuarryException("--bind '" + bind + "' is not an address of this machine");
    }
  }

  private static Consumer<String> accessLog(PrintWriter err) {
    return line -> {
      synchronized (err) {
        err.println(line);
        err.flush();
      }
    };
  }
}
