package org.quarry.cli;

import picocli.CommandLine.Command;

/**
 * {@code quarry accept PASSAGE_ID CODE}: a suggested code becomes a human coding of the passage.
 */
@Command(
    name = "accept",
    mixinStandardHelpOptions = true,
    description =
        "Accept CODE for a passage: it becomes a human coding of the passage's span "
            + "(origin human, score 1.0), which search's code facet, the matrix and exports "
            + "see as they see an imported one. Kept with the index (re-indexing keeps it); "
            + "replaces an earlier reject of the code for the passage.")
final class AcceptCommand extends DecisionCommand {
  @Override
  boolean accepted() {
    return true;
  }
}
