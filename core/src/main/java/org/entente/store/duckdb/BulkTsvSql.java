package org.entente.store.duckdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.store.BulkTsvLoad.BulkTsvSpec;
import org.entente.store.BulkTsvLoad.Code;
import org.entente.store.BulkTsvLoad.Field;

/**
 * The statement that reads a GDELT event export with DuckDB's own CSV reader into {@code events}
 * ({@link DuckDbFileLoad#readTsv}). Every line becomes one row, in file order (DuckDB preserves
 * insertion order), so that a row's line is its position among the file's rows. A row whose fields
 * all pass the strict grammars below is stored with the values the row parser ({@code GdeltRow}
 * with {@code Fields}) gives them; any other row is written as a placeholder (source {@code ''})
 * whose line the caller parses again with the row parser, which stores it or rejects it with its
 * reason. The grammars are narrower than the row parser's, never wider: a value the row parser
 * would trim, read another way or refuse is always left to it.
 *
 * <p>No operator of the statement may reorder rows: no join (the event code is looked up by an ENUM
 * cast and list indexing) and no {@code IN} list, which DuckDB turns into a join (regular
 * expressions instead; {@code list_contains} on a list literal doubled the statement's time). The
 * load checks the order anyway: the first and last rows must be the first and last lines.
 *
 * <ul>
 *   <li>id: ASCII digits; date: eight ASCII digits naming a real day in the accepted years;
 *   <li>actor codes, types and the URL: empty, or starting and ending with a printable ASCII
 *       character other than space (nothing for the row parser to trim);
 *   <li>countries: ASCII capitals (then aliases such as SUN → RUS);
 *   <li>event code: exactly a code of the table (an ENUM cast: no join, which could reorder rows);
 *       base and root empty or agreeing with it; quad class empty (the root's) or 1–4, 1.0–4.0;
 *       IsRootEvent empty, 0/1, 0.0/1.0, true/false, TRUE/FALSE;
 *   <li>Goldstein and tone: empty (the code's weight; no tone) or an optional minus, 1 to 15 digits
 *       and an optional point with 1 to 20 digits, Goldstein within −10..10; counts: 1 to 9 ASCII
 *       digits.
 * </ul>
 */
final class BulkTsvSql {
  private static final String DEC = "'-?[0-9]{1,15}(\\.[0-9]{1,20})?'";

  private BulkTsvSql() {}

  /** The INSERT for {@code s}'s file as file {@code fileId}. */
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
    String id = c[Field.ID.ordinal()];
    String day = c[Field.DAY.ordinal()];
    String code = c[Field.CODE.ordinal()];
    String base = c[Field.BASE.ordinal()];
    String root = c[Field.ROOT.ordinal()];
    String quad = c[Field.QUAD.ordinal()];
    String gold = c[Field.GOLDSTEIN.ordinal()];
    String tone = c[Field.TONE.ordinal()];
    String flag = c[Field.IS_ROOT.ordinal()];
    List<String> ok = new ArrayList<>();
    ok.add("regexp_full_match(" + id + ", '[0-9]+')");
    ok.add("regexp_full_match(" + day + ", '[0-9]{8}')");
    ok.add("d IS NOT NULL AND strftime(d, '%Y%m%d') = " + day);
    ok.add("year(d) BETWEEN " + s.minYear() + " AND " + s.maxYear());
    for (Field f :
        new Field[] {Field.A1_CODE, Field.A1_TYPE, Field.A2_CODE, Field.A2_TYPE, Field.URL}) {
      String x = c[f.ordinal()];
      ok.add(
          "("
              + x
              + " IS NULL OR (ascii("
              + x
              + ") BETWEEN 33 AND 126 AND ascii(right("
              + x
              + ", 1)) BETWEEN 33 AND 126))");
    }
    for (Field f : new Field[] {Field.A1_COUNTRY, Field.A2_COUNTRY}) {
      String x = c[f.ordinal()];
      ok.add("(" + x + " IS NULL OR regexp_full_match(" + x + ", '[A-Z]+'))");
    }
    ok.add(
        "("
            + flag
            + " IS NULL OR regexp_full_match("
            + flag
            + ", '0|0\\.0|FALSE|false|1|1\\.0|TRUE|true'))");
    ok.add("ce IS NOT NULL");
    ok.add("(" + base + " IS NULL OR starts_with(" + code + ", " + base + "))");
    ok.add("(" + root + " IS NULL OR " + root + " = " + rootOf + ")");
    ok.add("(" + quad + " IS NULL OR regexp_full_match(" + quad + ", '[1-4](\\.0)?'))");
    ok.add(
        "("
            + gold
            + " IS NULL OR (regexp_full_match("
            + gold
            + ", "
            + DEC
            + ") AND abs(TRY_CAST("
            + gold
            + " AS DOUBLE)) <= 10))");
    for (Field f : new Field[] {Field.MENTIONS, Field.SOURCES, Field.ARTICLES}) {
      String x = c[f.ordinal()];
      ok.add("(" + x + " IS NULL OR regexp_full_match(" + x + ", '[0-9]{1,9}'))");
    }
    ok.add("(" + tone + " IS NULL OR regexp_full_match(" + tone + ", " + DEC + "))");

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
    String inner =
        "SELECT *, TRY_CAST("
            + code
            + " AS ENUM("
            + String.join(", ", codes)
            + ")) AS ce, try_strptime("
            + day
            + ", '%Y%m%d')::DATE AS d FROM "
            + read;
    String okExpr = "coalesce(" + String.join(" AND ", ok) + ", false)";
    String when = "CASE WHEN ok THEN ";
    List<String> out = new ArrayList<>();
    out.add(when + lit(s.source()) + " ELSE '' END");
    out.add("coalesce(" + id + ", '')");
    out.add(when + "d ELSE DATE '1970-01-01' END");
    out.add(when + c[Field.A1_CODE.ordinal()] + " END");
    out.add(when + country(c[Field.A1_COUNTRY.ordinal()], s.countryAliases()) + " END");
    out.add(when + c[Field.A1_TYPE.ordinal()] + " END");
    out.add(when + c[Field.A2_CODE.ordinal()] + " END");
    out.add(when + country(c[Field.A2_COUNTRY.ordinal()], s.countryAliases()) + " END");
    out.add(when + c[Field.A2_TYPE.ordinal()] + " END");
    out.add(when + code + " ELSE '' END");
    out.add(when + "left(" + code + ", 3) END");
    out.add(when + rootOf + " ELSE '' END");
    out.add(
        when
            + "(CASE WHEN "
            + quad
            + " IS NULL THEN "
            + quadOf
            + " ELSE TRY_CAST(left("
            + quad
            + ", 1) AS TINYINT) END) ELSE 0 END");
    out.add(
        when
            + "(CASE WHEN "
            + gold
            + " IS NULL THEN "
            + weightOf
            + " ELSE TRY_CAST("
            + gold
            + " AS DOUBLE) END) ELSE 0 END");
    for (Field f : new Field[] {Field.MENTIONS, Field.SOURCES, Field.ARTICLES}) {
      out.add(when + "TRY_CAST(" + c[f.ordinal()] + " AS INTEGER) END");
    }
    out.add(when + "TRY_CAST(" + tone + " AS DOUBLE) END");
    out.add(when + c[Field.URL.ordinal()] + " END");
    out.add(
        when
            + "(CASE WHEN "
            + flag
            + " IS NULL THEN NULL ELSE regexp_full_match("
            + flag
            + ", '1|1\\.0|TRUE|true') END) END");
    out.add("NULL");
    out.add(Integer.toString(fileId));
    out.add(s.part() == null ? "NULL" : lit(s.part()));
    out.add("0");
    return "INSERT INTO events SELECT "
        + String.join(", ", out)
        + " FROM (SELECT *, "
        + okExpr
        + " AS ok FROM ("
        + inner
        + "))";
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
