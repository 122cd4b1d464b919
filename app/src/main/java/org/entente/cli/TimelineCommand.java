package org.entente.cli;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.model.ChronologyEntry;
import org.entente.report.ChronologyTable;
import org.entente.report.OutputFormat;
import org.entente.store.EventStore;
import org.entente.system.Chronology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code entente timeline}: chronology entries in date order. */
@Command(
    name = "timeline",
    mixinStandardHelpOptions = true,
    description = {
      "Print curated chronology entries in date order with their sources: the chronology"
          + " bundled with Entente plus any entries ingested into the store with --format"
          + " entente.",
      "CSV header: id,date,precision,actor1,actor2,code,goldstein,quad,title,source,tags,concerns"
    })
final class TimelineCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Option(names = "--dyad", paramLabel = "A-B|A>B", description = "Only this dyad.")
  String dyad;

  @Option(names = "--tag", description = "Only entries with this tag (e.g. summit, veto).")
  String tag;

  @Option(names = "--from", paramLabel = "YYYY-MM", description = "From this month.")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM", description = "Up to this month.")
  String to;

  @Mixin FormatOption output;

  @Override
  public Integer call() {
    Options.Range range = Options.range(from, to);
    Chronology.TimelineQuery q;
    OutputFormat f = output.get();
    try {
      Options.Dyad d = dyad == null ? null : Options.dyad(dyad);
      q =
          new Chronology.TimelineQuery(
              d == null ? null : d.a(),
              d == null ? null : d.b(),
              d != null && d.directed(),
              tag,
              range.from(),
              range.to());
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    }
    List<ChronologyEntry> more = List.of();
    if (Files.exists(store.path())) {
      try (EventStore s = store.openForReading()) {
        more = s.chronology();
      }
    }
    ChronologyTable.of(Chronology.timeline(more, q)).write(f, spec.commandLine().getOut());
    return 0;
  }
}
