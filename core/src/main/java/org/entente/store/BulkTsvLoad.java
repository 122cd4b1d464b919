package org.entente.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A file load whose bulk the engine reads itself from a local, uncompressed GDELT event export (one
 * event per line, TAB-separated, no quoting), instead of taking parsed rows one by one: DuckDB's
 * own CSV reader does in one statement what parsing and appending row by row does several times
 * slower. The engine stores only the rows it can prove the row parser would store with the same
 * values (every field of a strict grammar, the event code in the table); it hands the line numbers
 * of every other row back, and the caller parses those lines with its row parser and adds them to
 * this same load (events or rejects), so that the load's outcome is that of the row path.
 * Everything stays in the load's transaction until {@link #commit}.
 */
public interface BulkTsvLoad extends FileLoad {

  /**
   * Reads {@code spec}'s file into this load.
   *
   * @return the lines (1-based, ascending) left for the caller's row parser
   * @throws Declined if the engine's reader and the file disagree (a line count other than the
   *     caller's, a reader error), or if a quarter of the rows or more would be left for the row
   *     parser: nothing of the file is to be kept; the caller aborts this load and reads the file
   *     row by row
   */
  long[] readTsv(BulkTsvSpec spec) throws Declined;

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
   *     TAB-separated fields and no NUL, CR or invalid UTF-8 (the caller checked)
   * @param part where the rows were read, as the row path names it
   * @param source the events' source name, e.g. {@code gdelt2}
   * @param columns fields per line
   * @param lines the file's lines (each a data row)
   * @param idsAscend whether every line's first field is a number greater than the line before's:
   *     then no key can occur twice in the file
   * @param firstId the first line's first field, {@code lastId} the last line's (the engine checks
   *     that its first and last rows are those lines)
   * @param fields the zero-based column of each event field, in the order of {@link Field}
   * @param codes the event code table: code, root code, Goldstein weight, quad class of the root
   * @param countryAliases country codes stored as another (e.g. SUN as RUS)
   * @param minYear earliest event year accepted
   * @param maxYear latest event year accepted
   */
  record BulkTsvSpec(
      Path file,
      String part,
      String source,
      int columns,
      long lines,
      boolean idsAscend,
      String firstId,
      String lastId,
      int[] fields,
      List<Code> codes,
      Map<String, String> countryAliases,
      int minYear,
      int maxYear) {}

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
