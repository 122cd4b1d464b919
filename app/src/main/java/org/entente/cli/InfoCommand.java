package org.entente.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.report.OutputFormat;
import org.entente.report.Table;
import org.entente.store.EventStore;
import org.entente.store.SourceInfo;
import org.entente.store.StoreSummary;
import org.entente.store.StoredFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code entente info}: what the store holds. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Show what the store holds: sources, files, events per dyad, rejects by reason.")
final class InfoCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Option(
      names = "--dyads",
      defaultValue = "30",
      description = "How many dyads to list, largest first (default: ${DEFAULT-VALUE}).")
  int dyads;

  @Override
  public Integer call() {
    if (dyads < 0) {
      throw new UsageException("--dyads: '" + dyads + "' is not a count (0 or more)");
    }
    StoreSummary s;
    List<SourceInfo> sources;
    org.entente.store.MentionSummary mentions;
    java.util.SortedMap<String, Long> volumes;
    List<String> filtered;
    List<org.entente.store.HeldPairs> held;
    long pending;
    try (EventStore st = store.openForReading()) {
      s = st.summary();
      pending = st.rollupsPending();
      sources = st.sources();
      mentions = st.mentions();
      volumes = st.volumeRows();
      org.entente.store.ActorFilters filters = st.actorFilters();
      filtered = filters.describe();
      held = filters.imported();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("store: " + s.location());
    out.println(
        "events: "
            + s.eventsBySource().stream().mapToLong(StoreSummary.Count::count).sum()
            + (s.extent() == null
                ? ""
                : " (" + s.extent().first() + " .. " + s.extent().last() + ")"));
    if (pending > 0) {
      out.println(
          "rollups: the events of "
              + pending
              + " file(s) ingested with --defer-rollups are not in them yet; queries read those"
              + " events (same answers, slower) until 'entente fold'");
    }
    out.println();
    out.println("sources (never pooled: choose one with --source NAME when there are several)");
    Table src = new Table(List.of("source", "kind", "rows", "first", "last", "frequency", "dyads"));
    for (SourceInfo x : sources) {
      src.add(x.name(), x.kind().word(), x.rows(), x.first(), x.last(), x.frequency(), x.dyads());
    }
    src.write(OutputFormat.TABLE, out);
    for (java.util.Map.Entry<String, Long> v : volumes.entrySet()) {
      out.println(
          "state volumes of "
              + v.getKey()
              + ": "
              + v.getValue()
              + " rows (series --intensity can read them)");
    }
    // the dyads a source does not hold in full: queries of them are refused
    for (String d : filtered) {
      out.println(d + ": a dyad those files left out is refused");
    }
    for (org.entente.store.HeldPairs h : held) {
      List<String> pairs = new java.util.ArrayList<>(new java.util.TreeSet<>(h.pairs()));
      out.println(
          "source '"
              + h.source()
              + "' holds "
              + (pairs.isEmpty()
                  ? "no pair (the held rows of "
                      + java.nio.file.Path.of(h.path()).getFileName()
                      + " were all rejected)"
                  : pairs.size()
                      + " pair(s) only (rows of kind held in "
                      + java.nio.file.Path.of(h.path()).getFileName()
                      + "): "
                      + String.join(", ", pairs.subList(0, Math.min(pairs.size(), 30)))
                      + (pairs.size() > 30 ? ", ..." : ""))
              + "; other pairs are refused");
    }
    if (mentions.rows() > 0) {
      out.println(
          "gdelt2 mentions: "
              + mentions.rows()
              + " rows of "
              + mentions.events()
              + " events ("
              + mentions.linked()
              + " of them in the store), updates "
              + mentions.first()
              + " .. "
              + mentions.last());
    }
    out.println();
    out.println("files");
    Table f =
        new Table(
            List.of(
                "id",
                "file",
                "format",
                "read",
                "stored",
                "rejected",
                "duplicate",
                "filtered",
                "actors",
                "ingested"));
    for (StoredFile x : s.files()) {
      f.add(
          x.fileId(),
          java.nio.file.Path.of(x.path()).getFileName().toString(),
          x.format(),
          x.rowsRead(),
          x.rowsStored(),
          x.rowsRejected(),
          x.rowsDuplicate(),
          x.rowsFiltered(),
          x.actorFilter() == null ? "all" : x.actorFilter(),
          x.ingestedText());
    }
    f.write(OutputFormat.TABLE, out);
    out.println();
    out.println("events per dyad (country codes, both directions; largest " + dyads + ")");
    Table d = new Table(List.of("dyad", "a>b", "b>a", "total"));
    s.eventsByDyad().stream()
        .limit(dyads)
        .forEach(x -> d.add(x.a() + "-" + x.b(), x.aToB(), x.bToA(), x.total()));
    d.write(OutputFormat.TABLE, out);
    out.println();
    out.println("rejected rows by reason");
    counts(s.rejectsByReason(), "reason").write(OutputFormat.TABLE, out);
    out.flush();
    return 0;
  }

  private static Table counts(List<StoreSummary.Count> c, String label) {
    Table t = new Table(List.of(label, "count"));
    c.forEach(x -> t.add(x.label(), x.count()));
    return t;
  }
}
