package org.entente.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A file load whose bulk the engine reads itself from a local, uncompressed GDELT event export (one
 * event per line, TAB-separated, no quoting), instead of taking parsed rows one by one: DuckDB's
 * own CSV reader does in one statement what parsing and appending row by row does several times
 * slower. The caller has checked every line beforehand and names the lines whose fields fail the
 * strict grammars under which the engine's conversion of each value equals the row parser's (every
 * field plain, the event code in the table); the engine stores every other line, and the caller
 * parses the named lines with its row parser and adds them to this same load (events or rejects),
 * so that the load's outcome is that of the row path. Everything stays in the load's transaction
 * until {@link #commit}.
 */
public interface BulkTsvLoad extends FileLoad {

  /**
   * Reads every line of {@code spec}'s file but {@link BulkTsvSpec#rowLines} into this load.
   *
   * @throws Declined if the engine's reader and the caller's scan disagree (rows or ids other than
   *     the scan's, a reader error): nothing of the file is to be kept; the caller aborts this load
   *     and reads the file row by row
   */
  void readTsv(BulkTsvSpec spec) throws Declined;

  /**
   * How far {@link #readTsv} has come, as a fraction 0..1, or -1 when the engine cannot say; may be
   * called from another thread while {@link #readTsv} runs.
   */
  double readProgress();

  /**
   * Whether an engine's reader takes {@code path} literally: no glob characters ({@code * ? [ ] {
   * }}), which DuckDB's reader would expand, and no URL scheme.
   */
  static boolean literalPath(String path) {
    return path.chars().noneMatch(ch -> "*?[]{}".indexOf(ch) >= 0) && !path.contains("://");
  }

  /** The engine declined the file: the row path is to load it. */
  final class Declined extends Exception {
    private static final long serialVersionUID = 1L;

    public Declined(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * What to read and how the row parser would read it.
   *
   * @param file the export, a local uncompressed file whose every line holds {@code columns}
   *     TAB-separated fields and no NUL, CR or invalid UTF-8, and whose lines' first fields are
   *     numbers (of at most 18 digits) each greater than the line before's, so that no key occurs
   *     twice in the file and a row's line is its id's rank (the caller checked)
   * @param part where the rows were read, as the row path names it
   * @param source the events' source name, e.g. {@code gdelt2}
   * @param columns fields per line
   * @param lines the file's lines (each a data row)
   * @param firstId the first line's id
   * @param consecutiveIds whether each line's id is the line before's plus one: a row's line is
   *     then {@code id - firstId + 1}
   * @param rowLines the lines (1-based, ascending) left to the caller's row parser: every field of
   *     every other line passes the caller's strict grammars (its ingest stage's row grammar)
   * @param rowIds the ids of {@code rowLines}, in the same order
   * @param keptIdSum the sum, modulo 2^64, of the ids of the lines the engine stores (the engine
   *     checks that its rows are those lines)
   * @param fields the zero-based column of each event field, in the order of {@link Field}
   * @param codes the event code table: code, root code, Goldstein weight, quad class of the root
   * @param countryAliases country codes stored as another (e.g. SUN as RUS)
   */
  record BulkTsvSpec(
      Path file,
      String part,
      String source,
      int columns,
      long lines,
      long firstId,
      boolean consecutiveIds,
      long[] rowLines,
      long[] rowIds,
      long keptIdSum,
      int[] fields,
      List<Code> codes,
      Map<String, String> countryAliases) {
    public BulkTsvSpec {
      if (rowLines.length != rowIds.length) {
        throw new IllegalArgumentException(
            rowLines.length + " row lines with " + rowIds.length + " ids");
      }
    }
  }

  /** One event code of the table. */
  record Code(String code, String root, double goldstein, int quad) {}

  /** The event fields of a GDELT row, in the order {@link BulkTsvSpec#fields} gives columns. */
  enum Field {
    ID,
    DAY,
    A1_CODE,
    A1_COUNTRY,
    A1_TYPE,
    A2_CODE,
    A2_COUNTRY,
    A2_TYPE,
    IS_ROOT,
    CODE,
    BASE,
    ROOT,
    QUAD,
    GOLDSTEIN,
    MENTIONS,
    SOURCES,
    ARTICLES,
    TONE,
    URL
  }

  /** An engine that can begin such loads. */
  interface Engine {
    /** Begins a bulk load of one file, as {@link EventStore#beginFile} begins a row load. */
    BulkTsvLoad beginBulkTsv(FileMeta file);
  }
}
