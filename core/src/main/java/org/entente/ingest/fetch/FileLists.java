package org.entente.ingest.fetch;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GDELT's file lists and the selection of a run's files from them.
 *
 * <p>GDELT 2.0 lists ({@code gdeltv2/masterfilelist.txt}, {@code gdeltv2/lastupdate.txt}) hold
 * lines {@code size md5 url}, one file per 15-minute slot and table. GDELT 1.0 lists {@code
 * events/md5sums} ({@code md5 name}) and {@code events/filesizes} ({@code size name}) name the
 * daily files {@code YYYYMMDD.export.CSV.zip} (from 2013-04-01), the monthly {@code YYYYMM.zip}
 * (2006-01 to 2013-03) and the yearly {@code YYYY.zip} (1979 to 2005).
 */
final class FileLists {
  private static final Pattern V2_NAME =
      Pattern.compile("(\\d{14})\\.(export|mentions)\\.CSV\\.zip", Pattern.CASE_INSENSITIVE);
  private static final Pattern V1_DAILY = Pattern.compile("(\\d{8})\\.export\\.CSV\\.zip");
  private static final Pattern V1_MONTHLY = Pattern.compile("(\\d{6})\\.zip");
  private static final Pattern V1_YEARLY = Pattern.compile("(\\d{4})\\.zip");
  private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");

  /** A GDELT 2.0 update's time as file names write it. */
  static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

  /** GDELT 1.0's first daily file and the first and last months of its monthly files. */
  static final LocalDate V1_FIRST_DAY = LocalDate.of(2013, 4, 1);

  static final YearMonth V1_FIRST_MONTH = YearMonth.of(2006, 1);
  static final int V1_FIRST_YEAR = 1979;

  private FileLists() {}

  /**
   * The files of a run, the listed lines that could not be read but name a slot in range (as {@code
   * failed} rows), the slots in range without a file ({@code unlisted}), and a warning per line
   * that could not be read at all.
   */
  record Selection(
      List<ListedFile> files,
      List<AuditRow> broken,
      List<AuditRow> unlisted,
      List<String> warnings) {}

  /**
   * Selects the GDELT 2.0 files of the request's tables and range from a list's lines; with {@code
   * gaps}, also the 15-minute slots in range without a file.
   */
  static Selection gdelt2(String listName, BufferedReader in, FetchRequest r, boolean gaps)
      throws IOException {
    Map<String, ListedFile> files = new LinkedHashMap<>();
    List<AuditRow> broken = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    String line;
    long no = 0;
    while ((line = in.readLine()) != null) {
      no++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      String url = f[f.length - 1];
      String name = url.substring(url.lastIndexOf('/') + 1);
      Matcher m = V2_NAME.matcher(name);
      if (!m.matches()) {
        if (f.length != 3) {
          warnings.add(
              listName + " line " + no + ": expected 'size md5 url', got '" + line.trim() + "'");
        }
        continue; // another GDELT table (gkg) or another product: not asked for
      }
      String table = m.group(2).toLowerCase(Locale.ROOT);
      String slot = m.group(1);
      LocalDateTime t;
      try {
        t = LocalDateTime.parse(slot, SLOT);
      } catch (DateTimeParseException e) {
        warnings.add(listName + " line " + no + ": '" + slot + "' in " + name + " is not a time");
        continue;
      }
      if (!r.tables().contains(table) || t.isBefore(r.from()) || t.isAfter(r.to())) {
        continue;
      }
      String where = listName + " line " + no + ": ";
      String problem = problem(f, url);
      if (problem != null) {
        broken.add(
            new AuditRow(url, "", table, slot, -1, "", AuditRow.Status.FAILED, where + problem));
        continue;
      }
      ListedFile lf =
          new ListedFile(
              url, path(url), table, slot, Long.parseLong(f[0]), f[1].toLowerCase(Locale.ROOT));
      ListedFile prior = files.putIfAbsent(lf.key(), lf);
      if (prior != null && !prior.equals(lf)) {
        warnings.add(where + "a second, different entry for " + name + " (the first one is used)");
      }
    }
    List<AuditRow> unlisted = new ArrayList<>();
    LocalDateTime first = r.from().withSecond(0).withNano(0);
    first = first.withMinute(first.getMinute() / 15 * 15);
    if (first.isBefore(r.from())) {
      first = first.plusMinutes(15);
    }
    java.util.Set<String> seen = new java.util.HashSet<>(files.keySet());
    for (AuditRow b : broken) {
      seen.add(b.key());
    }
    for (LocalDateTime t = first; gaps && !t.isAfter(r.to()); t = t.plusMinutes(15)) {
      for (String table : r.tables()) {
        String slot = t.format(SLOT);
        if (!seen.contains(table + "/" + slot)) {
          unlisted.add(AuditRow.unlisted(table, slot));
        }
      }
    }
    return new Selection(sorted(files.values()), broken, unlisted, warnings);
  }

  /** Why a {@code size md5 url} line cannot be used, or null. */
  private static String problem(String[] f, String url) {
    if (f.length != 3) {
      return "expected 'size md5 url', got " + f.length + " field" + (f.length == 1 ? "" : "s");
    }
    try {
      if (Long.parseLong(f[0]) < 0) {
        return "negative size " + f[0];
      }
    } catch (NumberFormatException e) {
      return "size '" + f[0] + "' is not a number";
    }
    if (!MD5.matcher(f[1]).matches()) {
      return "MD5 '" + f[1] + "' is not 32 hex digits";
    }
    return pathProblem(url);
  }

  private static String pathProblem(String url) {
    String p;
    try {
      p = URI.create(url).getPath();
    } catch (IllegalArgumentException e) {
      return "'" + url + "' is not a URL";
    }
    if (p == null || p.isEmpty() || p.equals("/")) {
      return "'" + url + "' has no path";
    }
    for (String seg : p.split("/")) {
      if (seg.equals("..") || seg.equals(".")) {
        return "'" + url + "' has a '" + seg + "' segment (it would land outside the directory)";
      }
    }
    return null;
  }

  /** The URL's path without its leading slash: where the file lands under DIR. */
  static String path(String url) {
    String p = URI.create(url).getPath();
    return p.startsWith("/") ? p.substring(1) : p;
  }

  /**
   * Selects the GDELT 1.0 event files in range from {@code md5sums} and {@code filesizes}. A file
   * without a listed size is verified by its MD5 alone (the detail says so).
   */
  static Selection gdelt1(
      String md5Name, BufferedReader md5s, String sizesName, BufferedReader sizes, FetchRequest r)
      throws IOException {
    List<String> warnings = new ArrayList<>();
    Map<String, Long> sizeOf = new HashMap<>();
    String line;
    long no = 0;
    while ((line = sizes.readLine()) != null) {
      no++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      try {
        if (f.length != 2) {
          throw new NumberFormatException();
        }
        sizeOf.put(f[1], Long.parseLong(f[0]));
      } catch (NumberFormatException e) {
        warnings.add(
            sizesName + " line " + no + ": expected 'size name', got '" + line.trim() + "'");
      }
    }
    Map<String, ListedFile> files = new LinkedHashMap<>();
    List<AuditRow> broken = new ArrayList<>();
    no = 0;
    String base = r.base().toString().replaceAll("/+$", "") + "/events/";
    while ((line = md5s.readLine()) != null) {
      no++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.trim().split("\\s+");
      String name = f[f.length - 1].replaceFirst("^\\*", "");
      String slot = slot1(name);
      if (slot == null) {
        if (f.length != 2) {
          warnings.add(
              md5Name + " line " + no + ": expected 'md5  name', got '" + line.trim() + "'");
        }
        continue; // another GDELT 1.0 product (GKG, reduced files): not asked for
      }
      if (!inRange1(slot, r)) {
        continue;
      }
      String url = base + name;
      if (f.length != 2 || !MD5.matcher(f[0]).matches()) {
        broken.add(
            new AuditRow(
                url,
                "",
                "export",
                slot,
                -1,
                "",
                AuditRow.Status.FAILED,
                md5Name + " line " + no + ": expected 'md5  name', got '" + line.trim() + "'"));
        continue;
      }
      Long size = sizeOf.get(name);
      files.putIfAbsent(
          "export/" + slot,
          new ListedFile(
              url,
              // relative to the base, as the downloader resolves it (the URL's path would repeat
              // a --base-url's own path: /v1/v1/events/...)
              "events/" + name,
              "export",
              slot,
              size == null ? -1 : size,
              f[0].toLowerCase(Locale.ROOT)));
    }
    java.util.Set<String> seen = new java.util.HashSet<>(files.keySet());
    for (AuditRow b : broken) {
      seen.add(b.key());
    }
    List<AuditRow> unlisted = new ArrayList<>();
    for (String slot : slots1(r)) {
      if (!seen.contains("export/" + slot)) {
        unlisted.add(AuditRow.unlisted("export", slot));
      }
    }
    return new Selection(sorted(files.values()), broken, unlisted, warnings);
  }

  /** The slot of a GDELT 1.0 events file name, or null if the name is no such file. */
  static String slot1(String name) {
    Matcher d = V1_DAILY.matcher(name);
    if (d.matches()) {
      return d.group(1);
    }
    Matcher m = V1_MONTHLY.matcher(name);
    if (m.matches()) {
      return m.group(1);
    }
    Matcher y = V1_YEARLY.matcher(name);
    return y.matches() ? y.group(1) : null;
  }

  /** Whether a GDELT 1.0 slot's period overlaps the request's range. */
  private static boolean inRange1(String slot, FetchRequest r) {
    LocalDate a;
    LocalDate b;
    try {
      switch (slot.length()) {
        case 8 -> {
          a = LocalDate.parse(slot, DAY);
          b = a;
        }
        case 6 -> {
          YearMonth ym =
              YearMonth.of(
                  Integer.parseInt(slot.substring(0, 4)), Integer.parseInt(slot.substring(4)));
          a = ym.atDay(1);
          b = ym.atEndOfMonth();
        }
        default -> {
          int y = Integer.parseInt(slot);
          a = LocalDate.of(y, 1, 1);
          b = LocalDate.of(y, 12, 31);
        }
      }
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return false;
    }
    return !b.isBefore(r.from().toLocalDate()) && !a.isAfter(r.to().toLocalDate());
  }

  /** Every GDELT 1.0 slot whose period overlaps the request's range, in time order. */
  static List<String> slots1(FetchRequest r) {
    List<String> out = new ArrayList<>();
    LocalDate from = r.from().toLocalDate();
    LocalDate to = r.to().toLocalDate();
    for (int y = Math.max(V1_FIRST_YEAR, from.getYear());
        y <= Math.min(V1_FIRST_MONTH.getYear() - 1, to.getYear());
        y++) {
      out.add(Integer.toString(y));
    }
    YearMonth lastMonth = YearMonth.from(V1_FIRST_DAY).minusMonths(1);
    YearMonth m = YearMonth.from(from);
    if (m.isBefore(V1_FIRST_MONTH)) {
      m = V1_FIRST_MONTH;
    }
    for (; !m.isAfter(lastMonth) && !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      out.add(m.format(MONTH));
    }
    for (LocalDate d = from.isBefore(V1_FIRST_DAY) ? V1_FIRST_DAY : from;
        !d.isAfter(to);
        d = d.plusDays(1)) {
      out.add(d.format(DAY));
    }
    return out;
  }

  private static List<ListedFile> sorted(java.util.Collection<ListedFile> files) {
    List<ListedFile> out = new ArrayList<>(files);
    out.sort(java.util.Comparator.comparing(ListedFile::slot).thenComparing(ListedFile::table));
    return out;
  }
}
