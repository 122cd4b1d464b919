package org.entente.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.entente.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code entente fold}: adds the events of files ingested with --defer-rollups to the rollups. */
@Command(
    name = "fold",
    mixinStandardHelpOptions = true,
    description = {
      "Add the events of the files ingested with --defer-rollups to the store's rollups, in one"
          + " transaction, so queries read the rollups alone again (until then they also read those files' events:"
          + " same answers, slower). An ingest without --defer-rollups does the same at its end.",
      "Prints how many files were folded; with none pending it changes nothing."
    })
final class FoldCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin StoreOption store;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (EventStore s = store.openExistingForWriting()) {
      long files = fold(s, spec.commandLine().getErr());
      out.println(
          files == 0
              ? "nothing to fold: the rollups hold the events of every file"
              : "folded: the rollups now hold the events of every file (" + files + " added)");
    }
    return 0;
  }

  /**
   * After an ingest's loads (committed): folds the files an earlier {@code ingest --defer-rollups}
   * left pending; a failure is said on {@code err}, and the files stay listed.
   *
   * @return whether the rollups now hold every file (false: the fold failed)
   */
  static boolean foldAfterLoads(EventStore s, PrintWriter err) {
    try {
      fold(s, err);
      return true;
    } catch (org.entente.store.StoreException e) {
      // the loads are committed; the files stay listed, and their events answer meanwhile
      err.println(
          "rollups: "
              + e.getMessage()
              + "; the files are stored, queries read their events until 'entente fold' succeeds");
      return false;
    }
  }

  /**
   * Folds the files {@code s} lists as pending, saying on {@code err} what it does (a fold of many
   * events takes seconds).
   *
   * @return the files folded
   */
  static long fold(EventStore s, PrintWriter err) {
    long pending = s.rollupsPending();
    if (pending == 0) {
      return 0;
    }
    err.println(
        "rollups: adding the events of " + pending + " file(s) ingested with --defer-rollups...");
    err.flush();
    long t0 = System.nanoTime();
    long files = s.foldRollups();
    err.printf(
        Locale.ROOT,
        "rollups: the events of %d file(s) added in %.1f s%n",
        files,
        (System.nanoTime() - t0) / 1e9);
    return files;
  }
}
