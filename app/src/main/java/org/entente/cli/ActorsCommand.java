package org.entente.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.entente.report.OutputFormat;
import org.entente.report.Table;
import org.entente.system.Actor;
import org.entente.system.ActorKind;
import org.entente.system.ActorRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code entente actors}: the actor registry. */
@Command(
    name = "actors",
    mixinStandardHelpOptions = true,
    description =
        "List the actor registry: states, IGOs, and leaders and officials with their years in"
            + " office and the state they map to.")
final class ActorsCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--kind", description = "Only state, igo or person.")
  String kind;

  @Option(
      names = "--state",
      paramLabel = "CODE",
      description = "Only actors mapping to this state.")
  String state;

  @Mixin FormatOption output;

  @Override
  public Integer call() {
    OutputFormat f = output.get();
    ActorKind k = kind == null ? null : Options.value("--kind", kind, ActorKind::parse);
    String state =
        this.state == null
            ? null
            : Options.value("--state", this.state, org.entente.analyse.series.Dyad::known);
    Table t = new Table(List.of("code", "kind", "name", "state", "from", "to", "aliases"));
    for (Actor a : ActorRegistry.bundled().actors()) {
      if ((k == null || k.of(a)) && (state == null || state.equalsIgnoreCase(a.state()))) {
        t.add(
            a.code(),
            a.kind(),
            a.name(),
            a.state(),
            a.from(),
            a.to(),
            String.join(";", a.aliases()));
      }
    }
    t.write(f, spec.commandLine().getOut());
    return 0;
  }
}
