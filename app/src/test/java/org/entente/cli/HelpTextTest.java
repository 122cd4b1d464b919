package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help prints cleanly: exit 0, usage on stdout, no picocli warning. */
class HelpTextTest {
  private static void collect(CommandLine cl, String prefix, List<String> out) {
    for (var e : cl.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      String name = prefix.isEmpty() ? e.getKey() : prefix + " " + e.getKey();
      out.add(name);
      collect(e.getValue(), name, out);
    }
  }

  @Test
  void everyCommandsHelp_printsWithoutWarnings() {
    List<String> commands = new ArrayList<>();
    collect(Main.commandLine(), "", commands);
    assertTrue(commands.size() > 15, commands.toString());
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (String c : commands) {
        List<String> args = new ArrayList<>(List.of(c.split(" ")));
        args.add("--help");
        CliHarness.Result r = CliHarness.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), c);
        assertTrue(r.out().startsWith("Usage: entente " + c), c + ": " + r.out());
        assertFalse(r.err().contains("WARN"), c + ": " + r.err());
      }
    } finally {
      System.setErr(stderr);
    }
    String warnings = captured.toString(StandardCharsets.UTF_8);
    assertFalse(warnings.contains("picocli WARN"), warnings);
  }
}
