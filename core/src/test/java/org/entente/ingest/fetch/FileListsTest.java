package org.entente.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileListsTest {
  static FetchRequest range(int version, String from, String to) {
    return FetchRequest.of(
        version,
        List.of("export"),
        LocalDateTime.parse(from),
        LocalDateTime.parse(to),
        Path.of("gdelt"),
        URI.create("http://127.0.0.1:1"),
        1,
        0);
  }

  static BufferedReader text(String... lines) {
    return new BufferedReader(new StringReader(String.join("\n", lines)));
  }

  @Test
  void gdelt2_badLines_failedRowsInRangeAndWarningsNamingTheLine() throws Exception {
    FileLists.Selection s =
        FileLists.gdelt2(
            "masterfilelist.txt",
            text(
                "100 0123456789abcdef0123456789abcdef http://h/gdeltv2/20190101000000.export.CSV.zip",
                "x 0123456789abcdef0123456789abcdef http://h/gdeltv2/20190101001500.export.CSV.zip",
                "100 nothex http://h/gdeltv2/20190101003000.export.CSV.zip",
                "100 0123456789abcdef0123456789abcdef http://h/gdeltv2/../20190101004500.export.CSV.zip",
                "garbage line",
                "100 0123456789abcdef0123456789abcdef http://h/gdeltv2/20200101000000.export.CSV.zip"),
            range(2, "2019-01-01T00:00", "2019-01-01T00:45"),
            true);
    assertEquals(1, s.files().size());
    assertEquals("gdeltv2/20190101000000.export.CSV.zip", s.files().get(0).path());
    assertEquals(3, s.broken().size(), s.broken().toString());
    assertTrue(s.broken().get(0).detail().startsWith("masterfilelist.txt line 2: size 'x'"));
    assertTrue(s.broken().get(1).detail().contains("line 3: MD5 'nothex'"));
    assertTrue(s.broken().get(2).detail().contains("'..' segment"));
    assertEquals(
        List.of("masterfilelist.txt line 5: expected 'size md5 url', got 'garbage line'"),
        s.warnings());
    assertTrue(s.unlisted().isEmpty(), s.unlisted().toString());
  }

  @Test
  void gdelt2_rangeNotOnTheGrid_slotsFromTheNextQuarterHour() throws Exception {
    FileLists.Selection s =
        FileLists.gdelt2("l", text(""), range(2, "2019-01-01T00:05", "2019-01-01T00:30"), true);
    assertEquals(
        List.of("20190101001500", "20190101003000"),
        s.unlisted().stream().map(AuditRow::slot).toList());
  }

  @Test
  void slots1_spanningTheThreeLayouts_yearsMonthsDays() {
    List<String> s = FileLists.slots1(range(1, "2005-11-30T00:00", "2013-04-01T23:59"));
    assertEquals("2005", s.get(0));
    assertEquals("200601", s.get(1));
    assertEquals("201303", s.get(s.size() - 2));
    assertEquals("20130401", s.get(s.size() - 1));
    assertEquals(1 + 87 + 1, s.size());
    assertEquals(
        List.of("1979"), FileLists.slots1(range(1, "1970-01-01T00:00", "1979-12-31T00:00")));
  }
}
