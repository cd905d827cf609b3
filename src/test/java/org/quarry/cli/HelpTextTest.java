package org.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help text reads as sentences: every line picocli starts (one per description element) ends a
 * sentence, so the help never breaks a line in the middle of one and starts a new one below.
 */
class HelpTextTest {
  private static void collect(CommandLine command, List<String> broken) {
    CommandSpec spec = command.getCommandSpec();
    check(spec.qualifiedName(), spec.usageMessage().description(), broken);
    for (ArgSpec arg : spec.args()) {
      String name =
          arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel();
      check(spec.qualifiedName() + " " + name, arg.description(), broken);
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      collect(sub, broken);
    }
  }

  private static void check(String where, String[] description, List<String> broken) {
    for (String line : description) {
      String text = line.replace("%n", "").strip();
      if (!text.isEmpty() && !text.matches("(?s).*[.!?)]$")) {
        broken.add(where + ": '" + text + "'");
      }
    }
  }

  @Test
  void everyHelpLineEndsASentence() {
    List<String> broken = new ArrayList<>();
    collect(QuarryCommand.commandLine(), broken);
    assertEquals(List.of(), broken);
  }
}
