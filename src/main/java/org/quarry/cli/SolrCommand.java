package org.quarry.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quarry.api.QuarryException;
import org.quarry.api.SolrIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quarry solr create-collection}: makes a SolrCloud collection for Quarry's passages. */
@Command(
    name = "solr",
    mixinStandardHelpOptions = true,
    description =
        "Work with a SolrCloud collection: 'create-collection' uploads Quarry's configset (solr/configset) and creates the collection.")
final class SolrCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ACTION", description = "What to do: create-collection.")
  String action;

  @Option(
      names = "--solr",
      required = true,
      paramLabel = "URL",
      description = "The collection: Solr's URL and its name, http://host:8983/solr/COLLECTION.")
  String solr;

  @Option(
      names = "--shards",
      defaultValue = "1",
      description = "Shards of the new collection (default ${DEFAULT-VALUE}).")
  int shards;

  @Option(
      names = "--replicas",
      defaultValue = "1",
      description = "Replicas of each shard (default ${DEFAULT-VALUE}).")
  int replicas;

  // read by QuarryCommand before parsing; declared here so that every verb takes it, as an internal
  // error's message asks
  @Option(names = "--verbose", description = "Print stack traces with errors.")
  boolean verbose;

  @Option(
      names = "--configset",
      paramLabel = "DIR",
      description = "The configset to upload (default: solr/configset/conf of the Quarry folder).")
  Path configset;

  @Override
  public Integer call() {
    if (!action.equals("create-collection")) {
      throw new QuarryException(
          "solr " + action + ": unknown action; the action is create-collection");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path conf = configset != null ? configset : QuarryHome.fromSystem().solrConfigset();
    try (SolrIndex target = SolrIndex.at(solr)) {
      if (target.create(conf, shards, replicas)) {
        out.println(
            "created "
                + target
                + " ("
                + shards
                + " shards x "
                + replicas
                + " replicas, "
                + conf
                + ") and its records collection "
                + target.recordsCollection());
      } else {
        out.println(
            target
                + " exists: created its records collection "
                + target.recordsCollection()
                + " (1 shard x "
                + replicas
                + " replicas, "
                + conf
                + "); 'quarry index --solr' fills it");
      }
    }
    return 0;
  }
}
