package org.entente.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.entente.cameo.Cameo;
import org.entente.cameo.QuadMapping;
import org.entente.ingest.ActorFilter;
import org.entente.ingest.FileReport;
import org.entente.ingest.IngestOptions;
import org.entente.ingest.Ingestor;
import org.entente.ingest.InputFiles;
import org.entente.ingest.LakeImporter;
import org.entente.ingest.SourceFormat;
import org.entente.report.OutputFormat;
import org.entente.report.Table;
import org.entente.store.Engines;
import org.entente.store.EventStore;
import org.entente.store.InputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code entente ingest}: loads event files into the store. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Load GDELT 1.0/2.0, GDELT CSV, ICEWS or Entente chronology files (plain, .gz or .zip;"
          + " files, directories or globs) into the store.",
      "Every row is stored, rejected (kept with file, line and reason), counted as a duplicate"
          + " or filtered out by --actors. Files already ingested are skipped."
    })
final class IngestCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, directories or globs.")
  List<String> paths;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "auto",
      description =
          "auto, gdelt1, gdelt2, gdelt-csv, gdelt2-mentions, icews or entente (default:"
              + " ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--actors",
      split = ",",
      paramLabel = "CODE",
      description =
          "Keep only events whose two actors' country codes are both in this set, e.g."
              + " RUS,PRK,CHN,USA,KOR,JPN (default: keep everything).")
  List<String> actors;

  @Option(
      names = "--quad-mapping",
      paramLabel = "MAP",
      defaultValue = "gdelt",
      description =
          "Quad class for sources without one (ICEWS): gdelt or icews (default: ${DEFAULT-VALUE}).")
  String quadMapping;

  @Option(
      names = "--defer-rollups",
      description =
          "Leave these files' events out of the store's rollups: a large load is quicker, and"
              + " queries read those files' events (same answers, slower) until 'entente fold' or the next"
              + " ingest without this option adds them.")
  boolean deferRollups;

  @Override
  public Integer call() {
    SourceFormat f;
    QuadMapping qm;
    ActorFilter filter;
    try {
      f = SourceFormat.parse(format);
      qm = QuadMapping.parse(quadMapping);
      filter = Options.actors(actors);
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    }
    IngestOptions o = new IngestOptions(f, filter, qm);
    PrintWriter out = spec.commandLine().getOut();
    Engines.Spec engine = store.spec();
    // a Spark engine lake given as a PATH is imported load by load (docs/spark.md)
    List<Path> lakes = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (String p : paths) {
      if (!p.contains("://") && LakeImporter.isLake(Path.of(p))) {
        lakes.add(Path.of(p));
      } else {
        rest.add(p);
      }
    }
    if (!lakes.isEmpty() && Engines.provider(engine.engine()).listsInputs()) {
      throw new UsageException(
          lakes.get(0)
              + " is a lake: the "
              + engine.engine()
              + " engine reads it with --lake; 'ingest --db FILE LAKEDIR' imports it into DuckDB");
    }
    if (!lakes.isEmpty()) {
      InputFiles.Expansion found;
      try {
        found =
            rest.isEmpty() ? new InputFiles.Expansion(List.of(), List.of()) : InputFiles.scan(rest);
      } catch (IllegalArgumentException e) {
        throw UsageException.of(e);
      }
      for (InputFiles.Skipped sk : found.skipped()) {
        out.println("skipped: " + sk.path() + ": " + sk.reason());
      }
      ProgressPrinter progress = new ProgressPrinter(System.err, System.console() != null);
      List<FileReport> reports = new ArrayList<>();
      boolean folded;
      try (EventStore s = store.openForWriting()) {
        s.deferRollups(deferRollups);
        for (Path lake : lakes) {
          reports.addAll(new LakeImporter(s).importLake(lake, progress));
        }
        reports.addAll(
            new Ingestor(s, Cameo.bundled(), org.entente.system.ActorRegistry.bundled())
                .ingest(found.files(), o, progress));
        folded = rollups(s);
      }
      print(out, reports);
      return exitCode(reports, folded);
    }
    if (Engines.provider(engine.engine()).listsInputs()) {
      // the engine reads its input from its own file systems (any Hadoop path)
      List<FileReport> reports;
      boolean folded;
      try (EventStore s = StoreOption.openForWriting(engine)) {
        List<InputFile> inputs;
        try {
          inputs = s.inputs(paths).orElseThrow();
        } catch (IllegalArgumentException e) {
          throw UsageException.of(e);
        }
        s.deferRollups(deferRollups);
        ProgressPrinter progress = new ProgressPrinter(System.err, System.console() != null);
        reports =
            new Ingestor(s, Cameo.bundled(), org.entente.system.ActorRegistry.bundled())
                .ingestInputs(inputs, o, progress);
        folded = rollups(s);
      }
      print(out, reports);
      return exitCode(reports, folded);
    }
    InputFiles.Expansion found;
    try {
      found = InputFiles.scan(paths);
    } catch (IllegalArgumentException e) {
      throw UsageException.of(e);
    }
    List<Path> files = found.files();
    for (InputFiles.Skipped sk : found.skipped()) {
      out.println("skipped: " + sk.path() + ": " + sk.reason());
    }
    if (files.isEmpty()) {
      out.flush();
      throw new UsageException(
          "nothing to ingest: every file found was skipped (listed above); name a file directly"
              + " to load it anyway");
    }
    ProgressPrinter progress = new ProgressPrinter(System.err, System.console() != null);
    List<FileReport> reports;
    boolean folded;
    try (EventStore s = store.openForWriting()) {
      s.deferRollups(deferRollups);
      reports =
          new Ingestor(s, Cameo.bundled(), org.entente.system.ActorRegistry.bundled())
              .ingest(files, o, progress);
      folded = rollups(s);
    }
    print(out, reports);
    return exitCode(reports, folded);
  }

  /**
   * After the loads: with {@code --defer-rollups}, says how many files the rollups lack; without
   * it, adds the events of files an earlier {@code --defer-rollups} left out to the rollups.
   */
  private boolean rollups(EventStore s) {
    PrintWriter err = spec.commandLine().getErr();
    if (deferRollups) {
      long pending = s.rollupsPending();
      if (pending > 0) {
        err.println(
            "rollups: the events of "
                + pending
                + " file(s) are not in the rollups yet; queries read those events (same answers,"
                + " slower) until 'entente fold' adds them");
      }
      return true;
    }
    return FoldCommand.foldAfterLoads(s, err);
  }

  /** {@link #exitCode(List)}, and at least 1 when the fold of deferred rollups failed. */
  private int exitCode(List<FileReport> reports, boolean folded) {
    return folded ? exitCode(reports) : Math.max(1, exitCode(reports));
  }

  /**
   * 2 when a file was refused (a user mistake: it would mix quad mappings in one source, or is not
   * the format named), 1 when a file failed or every row of a file was rejected (e.g. {@code
   * --format gdelt1} on a GDELT 2.0 file: 2,111 rows rejected with exit 0), else 0.
   */
  private int exitCode(List<FileReport> reports) {
    if (reports.stream().anyMatch(r -> r.status() == FileReport.Status.REFUSED)) {
      return 2;
    }
    boolean nothingStored =
        nothingStored(
            reports,
            spec.commandLine().getErr(),
            "their reasons are in 'entente info'; is --format right for this file?");
    return nothingStored || reports.stream().anyMatch(r -> r.status() == FileReport.Status.FAILED)
        ? 1
        : 0;
  }

  /**
   * Says, for each loaded file whose every row was rejected, that nothing of it was stored (with
   * {@code hint}), as ingest and import both do.
   *
   * @return whether there was such a file
   */
  static boolean nothingStored(List<FileReport> reports, PrintWriter err, String hint) {
    boolean any = false;
    for (FileReport r : reports) {
      if (r.status() == FileReport.Status.LOADED
          && r.stored() == 0
          && r.read() > 0
          && r.rejected() == r.read()) {
        any = true;
        err.println(
            "entente: nothing of "
                + r.path()
                + " was stored: all its "
                + r.read()
                + " rows were rejected ("
                + hint
                + ")");
      }
    }
    return any;
  }

  /** The last element of a local path or a URI (hdfs://nn/dir/file.zip: file.zip). */
  private static String fileName(String path) {
    String p = path.replace('\\', '/');
    return p.substring(p.lastIndexOf('/') + 1);
  }

  static void print(PrintWriter out, List<FileReport> reports) {
    Table t =
        new Table(
            Arrays.asList(
                "file",
                "format",
                "status",
                "read",
                "stored",
                "rejected",
                "duplicate",
                "filtered",
                "MB/s"));
    long[] sum = new long[5];
    for (FileReport r : reports) {
      double mbps = r.nanos() > 0 ? r.bytes() / 1e6 / (r.nanos() / 1e9) : Double.NaN;
      t.add(
          fileName(r.path()),
          r.format(),
          r.status().name().toLowerCase(java.util.Locale.ROOT),
          r.read(),
          r.stored(),
          r.rejected(),
          r.duplicate(),
          r.filtered(),
          r.status() == FileReport.Status.LOADED ? Math.round(mbps * 10) / 10.0 : Double.NaN);
      sum[0] += r.read();
      sum[1] += r.stored();
      sum[2] += r.rejected();
      sum[3] += r.duplicate();
      sum[4] += r.filtered();
    }
    if (reports.size() > 1) {
      t.add(
          "total",
          null,
          reports.size() + " files",
          sum[0],
          sum[1],
          sum[2],
          sum[3],
          sum[4],
          Double.NaN);
    }
    t.write(OutputFormat.TABLE, out);
    for (FileReport r : reports) {
      if (r.message() != null) {
        out.println(
            r.status().name().toLowerCase(java.util.Locale.ROOT)
                + ": "
                + r.path()
                + ": "
                + r.message());
      }
    }
    if (sum[2] > 0) {
      out.println(
          "rejected rows are kept in the store with file, line, reason and raw text"
              + " (see 'entente info').");
    }
    out.flush();
  }
}
