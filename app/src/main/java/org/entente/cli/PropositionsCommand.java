package org.entente.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.entente.report.JsonOutput;
import org.entente.report.OutputFormat;
import org.entente.report.Table;
import org.entente.system.Proposition;
import org.entente.system.Propositions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entente propositions}: the essays' claims and how each is tested. */
@Command(
    name = "propositions",
    mixinStandardHelpOptions = true,
    description =
        "List the propositions P1-P10 with their seeds and operationalisations (--format json for"
            + " every field).")
final class PropositionsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "ID", description = "Only these (e.g. P1 P7).")
  List<String> ids;

  @Mixin FormatOption output;

  @Override
  public Integer call() {
    OutputFormat f = output.get();
    List<Proposition> ps;
    try {
      ps =
          ids == null
              ? Propositions.bundled()
              : ids.stream().flatMap(id -> Propositions.versions(id).stream()).toList();
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (f == OutputFormat.JSON) {
      List<Object> list = new ArrayList<>();
      for (Proposition p : ps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("version", p.version());
        m.put("claim", p.claim());
        m.put("seeds", p.seeds());
        m.put("test", p.test());
        m.put("operationalisation", p.operationalisation());
        m.put("verdict_rules", p.verdictRules());
        list.add(m);
      }
      out.println(JsonOutput.write(list));
      out.flush();
      return 0;
    }
    Table t = new Table(List.of("id", "test", "seeds", "claim", "supported_when", "version"));
    for (Proposition p : ps) {
      t.add(
          p.id(),
          p.test(),
          String.join(";", p.seeds()),
          p.claim(),
          p.verdictRules().get("supported"),
          p.version());
    }
    t.write(f, out);
    return 0;
  }
}
