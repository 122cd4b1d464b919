package org.entente.store.duckdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.store.BulkTsvLoad.BulkTsvSpec;
import org.entente.store.BulkTsvLoad.Code;
import org.entente.store.BulkTsvLoad.Field;

/**
 * The statement that reads a GDELT event export with DuckDB's own CSV reader into {@code events}
 * ({@link DuckDbFileLoad#readTsv}). The caller checked every line ({@link BulkTsvSpec}): each line
 * but those left to the row parser has fields of strict grammars, for which the conversions below
 * give the values the row parser ({@code GdeltRow} with {@code Fields}) gives: the date read as
 * {@code YYYYMMDD}, country aliases applied (SUN as RUS), the base code the first three characters
 * of the event code and the root code, Goldstein weight and quad class from the code table where
 * the row leaves them out. The lines left to the row parser are kept out by their ids (an anti-join
 * with {@code temp.bulk_row_ids}); the rows' order does not matter, a row's line being its id's
 * rank, computed here when the ids are consecutive and by the caller's UPDATE otherwise. The event
 * code's table entry is found by an ENUM cast and list indexing.
 */
final class BulkTsvSql {
  /** The temporary table of the ids kept out of the statement. */
  static final String ROW_IDS = "temp.main.bulk_row_ids";

  private BulkTsvSql() {}

  /**
   * The INSERT for {@code s}'s file as file {@code fileId}; when {@code s} leaves lines to the row
   * parser, their ids must be in {@link #ROW_IDS}.
   */
  static String insert(BulkTsvSpec s, int fileId) {
    String[] c = new String[Field.values().length];
    for (Field f : Field.values()) {
      c[f.ordinal()] = "c" + s.fields()[f.ordinal()];
    }
    List<String> codes = new ArrayList<>();
    List<String> roots = new ArrayList<>();
    List<String> weights = new ArrayList<>();
    List<String> quads = new ArrayList<>();
    for (Code k : s.codes()) {
      codes.add(lit(k.code()));
      roots.add(lit(k.root()));
      weights.add(Double.toString(k.goldstein()));
      quads.add(Integer.toString(k.quad()));
    }
    String idx = "(enum_code(ce) + 1)";
    String rootOf = "([" + String.join(", ", roots) + "])[" + idx + "]";
    String weightOf = "(CAST([" + String.join(", ", weights) + "] AS DOUBLE[]))[" + idx + "]";
    String quadOf = "(CAST([" + String.join(", ", quads) + "] AS TINYINT[]))[" + idx + "]";
    String code = c[Field.CODE.ordinal()];
    String quad = c[Field.QUAD.ordinal()];
    String gold = c[Field.GOLDSTEIN.ordinal()];
    String flag = c[Field.IS_ROOT.ordinal()];

    StringBuilder columns = new StringBuilder("{");
    for (int i = 0; i < s.columns(); i++) {
      columns.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
    }
    columns.append('}');
    String read =
        "read_csv("
            + lit(s.file().toAbsolutePath().toString())
            + ", delim = '\\t', header = false, quote = '', escape = '', auto_detect = false,"
            + " compression = 'none', columns = "
            + columns
            + ")";
    List<String> out = new ArrayList<>();
    out.add(lit(s.source()));
    out.add(c[Field.ID.ordinal()]);
    out.add("d");
    out.add(c[Field.A1_CODE.ordinal()]);
    out.add(country(c[Field.A1_COUNTRY.ordinal()], s.countryAliases()));
    out.add(c[Field.A1_TYPE.ordinal()]);
    out.add(c[Field.A2_CODE.ordinal()]);
    out.add(country(c[Field.A2_COUNTRY.ordinal()], s.countryAliases()));
    out.add(c[Field.A2_TYPE.ordinal()]);
    out.add(code);
    out.add("left(" + code + ", 3)");
    out.add(rootOf);
    out.add(
        "CASE WHEN "
            + quad
            + " IS NULL THEN "
            + quadOf
            + " ELSE TRY_CAST(left("
            + quad
            + ", 1) AS TINYINT) END");
    out.add(
        "CASE WHEN "
            + gold
            + " IS NULL THEN "
            + weightOf
            + " ELSE TRY_CAST("
            + gold
            + " AS DOUBLE) END");
    for (Field f : new Field[] {Field.MENTIONS, Field.SOURCES, Field.ARTICLES}) {
      out.add("TRY_CAST(" + c[f.ordinal()] + " AS INTEGER)");
    }
    out.add("TRY_CAST(" + c[Field.TONE.ordinal()] + " AS DOUBLE)");
    out.add(c[Field.URL.ordinal()]);
    // NULL stays NULL; the grammar allows only 0, 0.0, FALSE, false, 1, 1.0, TRUE, true
    out.add(
        "("
            + flag
            + " = '1' OR "
            + flag
            + " = '1.0' OR "
            + flag
            + " = 'TRUE' OR "
            + flag
            + " = 'true')");
    out.add("NULL");
    out.add(Integer.toString(fileId));
    out.add(s.part() == null ? "NULL" : lit(s.part()));
    out.add(s.consecutiveIds() ? "idn - " + (s.firstId() - 1) : "0");
    return "INSERT INTO events SELECT "
        + String.join(", ", out)
        + " FROM (SELECT *, TRY_CAST("
        + code
        + " AS ENUM("
        + String.join(", ", codes)
        + ")) AS ce, try_strptime("
        + c[Field.DAY.ordinal()]
        + ", '%Y%m%d')::DATE AS d, TRY_CAST("
        + c[Field.ID.ordinal()]
        + " AS BIGINT) AS idn FROM "
        + read
        + ")"
        + (s.rowLines().length == 0 ? "" : " WHERE idn NOT IN (SELECT id FROM " + ROW_IDS + ")");
  }

  /** A country column with its aliases applied. */
  private static String country(String x, Map<String, String> aliases) {
    if (aliases.isEmpty()) {
      return x;
    }
    StringBuilder b = new StringBuilder("CASE ").append(x);
    aliases.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                b.append(" WHEN ")
                    .append(lit(e.getKey()))
                    .append(" THEN ")
                    .append(lit(e.getValue())));
    return b.append(" ELSE ").append(x).append(" END").toString();
  }

  /** A SQL string literal. */
  static String lit(String v) {
    return "'" + v.replace("'", "''") + "'";
  }
}
