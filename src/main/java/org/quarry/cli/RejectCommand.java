package org.quarry.cli;

import picocli.CommandLine.Command;

/** {@code quarry reject PASSAGE_ID CODE}: a suggested code is wrong for the passage. */
@Command(
    name = "reject",
    mixinStandardHelpOptions = true,
    description =
        "Reject CODE for a passage: a suggestion of it comes off the passage, 'suggest' "
            + "does not store it there again, and exports leave it out. Kept with the index "
            + "(re-indexing keeps it) as an example to learn from; replaces an earlier accept "
            + "of the code for the passage.")
final class RejectCommand extends DecisionCommand {
  @Override
  boolean accepted() {
    return false;
  }
}
