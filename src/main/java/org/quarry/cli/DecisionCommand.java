package org.quarry.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.quarry.api.DecisionReport;
import org.quarry.api.Quarry;
import org.quarry.api.QuarryException;
import org.quarry.api.SolrIndex;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code quarry accept} and {@code quarry reject} share: the passage id and code, recording
 * the decision through the API, and the one line that says what it did.
 */
abstract class DecisionCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  // taken as given: an id holds '#', which a shell passes on unquoted inside a word
  @Parameters(
      index = "0",
      paramLabel = "PASSAGE_ID",
      description =
          "The passage, SOURCE#START-END: the \"id\" of a hit "
              + "of 'quarry search QUERY --format json'.")
  String passageId;

  @Parameters(
      index = "1",
      paramLabel = "CODE",
      description = "The code id, e.g. engaging-the-system.")
  String code;

  @picocli.CommandLine.Option(
      names = "--solr",
      paramLabel = "URL",
      description =
          "Also set the passage's stored codes in this SolrCloud collection (http://host:8983/solr/COLLECTION, filled from this index), with an atomic update.")
  String solr;

  /** True for accept, false for reject. */
  abstract boolean accepted();

  @Override
  public Integer call() {
    DecisionReport r;
    QuarryHome home = QuarryHome.fromSystem();
    // a bad URL is bad usage, found before the decision is recorded
    try (SolrIndex collection = solr == null ? null : SolrIndex.at(solr);
        Quarry quarry = Quarry.open(common.indexDir(home))) {
      IndexCommand.ensureIndexed(quarry, common, home, spec.commandLine().getErr());
      r = accepted() ? quarry.accept(passageId, code) : quarry.reject(passageId, code);
      if (collection != null) {
        // the index keeps the decision durably; the collection gets the codes that follow from it
        try {
          collection.sendCodes(quarry, r.decision().passageId());
        } catch (QuarryException e) {
          throw new QuarryException(
              e.getMessage()
                  + " (the decision is kept in index "
                  + quarry.indexDir()
                  + "; 'quarry index --solr "
                  + collection
                  + "' sends it with the passage)",
              e.exitCode(),
              e);
        }
      }
    }
    spec.commandLine().getOut().println(line(r));
    return 0;
  }

  /** {@code accepted CODE for PASSAGE_ID}, with what else happened in parentheses. */
  static String line(DecisionReport r) {
    String verb = r.decision().accepted() ? "accept" : "reject";
    List<String> also = new ArrayList<>();
    if (r.repeated()) {
      also.add("already " + verb + "ed; nothing changed");
    } else if (r.reversed()) {
      also.add("replaced an earlier " + (r.previous().accepted() ? "accept" : "reject"));
    }
    if (r.newCode()) {
      also.add(
          r.decision().accepted()
              ? "a code the index did not know: added to its code tree"
              : "a code the index does not know");
    }
    if (r.importedCodingStays()) {
      also.add(
          "a human coding imported from a QDA tool still puts it on this passage; change it there and import again");
    }
    return verb
        + "ed "
        + r.decision().code()
        + " for "
        + r.decision().passageId()
        + (also.isEmpty() ? "" : " (" + String.join("; ", also) + ")");
  }
}
