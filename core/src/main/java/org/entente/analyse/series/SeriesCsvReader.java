package org.entente.analyse.series;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.entente.analyse.AnalysisException;
import org.entente.ingest.CsvFields;
import org.entente.measure.Period;
import org.entente.model.Months;
import org.entente.store.DyadQuery.Frequency;

/**
 * Reads an analyst's own series from a CSV file, so every analysis that takes a series also works
 * on data Entente did not ingest.
 *
 * <p>Layout: comma-separated, a header row, RFC 4180 quoting; a {@code period} column (any case)
 * holding {@code YYYY-MM}, {@code YYYY-Qn} or {@code YYYY}, one form for the whole file; and the
 * column chosen by name. An empty field, {@code NA}, {@code NaN} or {@code null} is an undefined
 * value. Rows may come in any order; periods must not repeat; periods missing between the first and
 * the last become undefined values. Blank lines are skipped; a UTF-8 byte-order mark is ignored.
 * The output of {@code entente series --format csv} is such a file. Every error names the file, the
 * line and the problem.
 */
public final class SeriesCsvReader {

  private SeriesCsvReader() {}

  /**
   * Reads one column of a series file.
   *
   * @param file the CSV file (UTF-8)
   * @param column the column to read (exact name, else case-insensitive)
   * @return the series, labelled {@code FILE:COLUMN}
   * @throws AnalysisException if the file cannot be read or a row is malformed, naming file and
   *     line
   * @throws IllegalArgumentException if the file has no column {@code column} (a wrong option),
   *     listing the columns it has
   */
  public static AnalysisSeries read(Path file, String column) {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(file.toString(), file.getFileName().toString(), r, column);
    } catch (NoSuchFileException e) {
      throw new AnalysisException("series file " + file + ": no such file", e);
    } catch (IOException e) {
      throw new AnalysisException("series file " + file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads one column from a reader.
   *
   * @param origin the file name for messages and {@link AnalysisSeries#origin()}
   * @param name the short name used in the label
   */
  static AnalysisSeries read(String origin, String name, Reader in, String column)
      throws IOException {
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
    String where = "series file " + origin;
    String line;
    long lineNo = 0;
    List<String> header = null;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (lineNo == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (!line.isBlank()) {
        header = split(line, where, lineNo);
        break;
      }
    }
    if (header == null) {
      throw new AnalysisException(where + ": empty file (expected a header with a period column)");
    }
    int periodCol = indexOf(header, "period");
    if (periodCol < 0) {
      throw new AnalysisException(
          where + " line " + lineNo + ": no 'period' column in the header " + header);
    }
    int valueCol = header.indexOf(column);
    if (valueCol < 0) {
      valueCol = indexOf(header, column);
    }
    if (valueCol < 0) {
      throw new IllegalArgumentException(
          "--column " + column + ": " + origin + " has no such column (columns: " + header + ")");
    }
    // two columns of the name: which one is meant? (the first was taken without a word)
    for (int i = 0; i < header.size(); i++) {
      if (i != valueCol && header.get(i).trim().equalsIgnoreCase(header.get(valueCol).trim())) {
        throw new AnalysisException(
            where
                + " line "
                + lineNo
                + ": the header names column '"
                + header.get(valueCol).trim()
                + "' twice (columns "
                + (Math.min(i, valueCol) + 1)
                + " and "
                + (Math.max(i, valueCol) + 1)
                + ")");
      }
    }
    Frequency frequency = null;
    TreeMap<YearMonth, Double> byStart = new TreeMap<>();
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      List<String> f = split(line, where, lineNo);
      if (f.size() != header.size()) {
        throw new AnalysisException(
            where
                + " line "
                + lineNo
                + ": expected "
                + header.size()
                + " fields as in the header, found "
                + f.size());
      }
      String label = f.get(periodCol).trim();
      Period p = period(label);
      String badPeriod = where + " line " + lineNo + ": period '" + label + "' ";
      if (p == null) {
        throw new AnalysisException(badPeriod + "is not YYYY-MM, YYYY-Qn or YYYY");
      }
      int year = p.first().getYear();
      if (year < Months.MIN_YEAR || year > Months.MAX_YEAR) {
        // year 0000 was printed back as period "0"; the store's event dates keep the same bounds
        throw new AnalysisException(
            badPeriod
                + "is outside the years "
                + Months.MIN_YEAR
                + "-"
                + Months.MAX_YEAR
                + " Entente reads");
      }
      if (frequency == null) {
        frequency = p.frequency();
      } else if (frequency != p.frequency()) {
        throw new AnalysisException(
            badPeriod
                + "is a "
                + name(p.frequency())
                + " but earlier rows are "
                + name(frequency)
                + "s");
      }
      if (byStart.containsKey(p.first())) {
        throw new AnalysisException(
            where + " line " + lineNo + ": period " + label + " appears twice");
      }
      byStart.put(p.first(), value(f.get(valueCol), column, where, lineNo));
    }
    if (byStart.isEmpty()) {
      throw new AnalysisException(where + ": no data rows after the header");
    }
    List<Period> periods = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    Period last = new Period(frequency, byStart.lastKey());
    for (Period p = new Period(frequency, byStart.firstKey());
        p.compareTo(last) <= 0;
        p = p.next()) {
      periods.add(p);
      values.add(byStart.getOrDefault(p.first(), Double.NaN));
    }
    return new AnalysisSeries(
        name + ":" + column,
        origin,
        column,
        frequency,
        periods,
        values.stream().mapToDouble(Double::doubleValue).toArray(),
        null);
  }

  private static String name(Frequency f) {
    return f.name().toLowerCase(Locale.ROOT);
  }

  private static int indexOf(List<String> header, String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).trim().equalsIgnoreCase(name.trim())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Parses a period label.
   *
   * @return the period, or {@code null} if the label is not one
   */
  static Period period(String label) {
    try {
      if (label.matches("\\d{4}-\\d{2}")) {
        return new Period(Frequency.MONTH, YearMonth.parse(label));
      }
      if (label.matches("\\d{4}-[Qq][1-4]")) {
        int q = label.charAt(6) - '0';
        return new Period(
            Frequency.QUARTER, YearMonth.of(Integer.parseInt(label.substring(0, 4)), 3 * q - 2));
      }
      if (label.matches("\\d{4}")) {
        return new Period(Frequency.YEAR, YearMonth.of(Integer.parseInt(label), 1));
      }
    } catch (DateTimeException e) {
      return null;
    }
    return null;
  }

  /** A plain decimal number: ASCII digits, an optional sign, point and exponent. */
  private static final java.util.regex.Pattern PLAIN_DECIMAL =
      java.util.regex.Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

  private static double value(String raw, String column, String where, long lineNo) {
    String v = raw.trim();
    if (v.isEmpty()
        || v.equalsIgnoreCase("NA")
        || v.equalsIgnoreCase("NaN")
        || v.equalsIgnoreCase("null")) {
      return Double.NaN;
    }
    try {
      // plain decimal only: Java's parser also takes 0x1p3, 5d and 7f, which no CSV means
      if (!PLAIN_DECIMAL.matcher(v).matches()) {
        throw new NumberFormatException();
      }
      double d = Double.parseDouble(v);
      if (Double.isInfinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new AnalysisException(
          where
              + " line "
              + lineNo
              + ": column '"
              + column
              + "' value '"
              + raw
              + "' is not a number");
    }
  }

  /** Splits one CSV record (RFC 4180 quoting, no embedded line breaks). */
  static List<String> split(String line, String where, long lineNo) {
    List<String> out = CsvFields.texts(line);
    if (out == null) {
      throw new AnalysisException(where + " line " + lineNo + ": unterminated quoted field");
    }
    return out;
  }
}
