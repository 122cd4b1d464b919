package org.entente.analyse.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.analyse.AnalysisException;
import org.entente.store.DyadQuery.Frequency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesCsvReaderTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void read_monthlyRowsOutOfOrderWithAGap_sortsAndMarksTheGapUndefined() throws IOException {
    Path f = file("m.csv", "\uFEFFPeriod,\"trade, exports\",other\n2020-03,3,x\n2020-01,1.5,y\n\n");
    AnalysisSeries s = SeriesCsvReader.read(f, "trade, exports");
    assertEquals(Frequency.MONTH, s.frequency());
    assertEquals("m.csv:trade, exports", s.label());
    assertEquals(3, s.length());
    assertEquals("2020-02", s.periods().get(1).label());
    assertArrayEquals(new double[] {1.5, Double.NaN, 3}, s.values());
    assertNull(s.events());
    assertEquals(2, s.periodsWithData());
  }

  @Test
  void read_quarterAndYearLabels_setTheFrequency() throws IOException {
    AnalysisSeries q =
        SeriesCsvReader.read(file("q.csv", "period,v\n2019-Q4,1\n2020-Q1,NA\n2020-q2,2\n"), "v");
    assertEquals(Frequency.QUARTER, q.frequency());
    assertEquals("2020-Q2", q.periods().get(2).label());
    assertTrue(Double.isNaN(q.values()[1]));
    AnalysisSeries y = SeriesCsvReader.read(file("y.csv", "period,v\n1999,1\n2001,2\n"), "V");
    assertEquals(Frequency.YEAR, y.frequency());
    assertEquals(3, y.length());
  }

  @Test
  void read_seriesCommandOutput_readsTheChosenScore() throws IOException {
    String csv =
        "period,source,target,n,w1,w2,w3,w4,goldstein_sum,goldstein_mean,s3,s4,s5,s6,low_confidence\n"
            + "2024-01,RUS,PRK,2,2,0,0,0,9.9,4.95,2,1,1,0.5,true\n"
            + "2024-02,RUS,PRK,0,0,0,0,0,0,,0,,,0,true\n";
    AnalysisSeries s4 = SeriesCsvReader.read(file("s.csv", csv), "s4");
    assertArrayEquals(new double[] {1, Double.NaN}, s4.values());
    assertArrayEquals(
        new double[] {0.5, 0}, SeriesCsvReader.read(dir.resolve("s.csv"), "s6").values());
  }

  @Test
  void read_badPeriod_namesFileLineAndValue() throws IOException {
    Path f = file("bad.csv", "period,v\n2020-01,1\n2020-13,2\n");
    AnalysisException e = assertThrows(AnalysisException.class, () -> SeriesCsvReader.read(f, "v"));
    assertTrue(e.getMessage().contains("bad.csv line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("'2020-13'"), e.getMessage());
  }

  /** Years outside 1900-2100 (e.g. 0000, printed back as period "0") are refused by line. */
  @Test
  void read_yearOutsideTheBounds_namesFileLineAndBounds() throws IOException {
    for (String label : new String[] {"0000", "0011-03", "1899-Q4", "2101"}) {
      Path f = file("far.csv", "period,v\n" + label + ",1\n");
      AnalysisException e =
          assertThrows(AnalysisException.class, () -> SeriesCsvReader.read(f, "v"));
      assertTrue(
          e.getMessage()
              .contains(
                  "far.csv line 2: period '" + label + "' is outside the years" + " 1900-2100"),
          e.getMessage());
    }
    // the bounds themselves are read: 1900..2100, 201 years
    assertEquals(
        201,
        SeriesCsvReader.read(file("edge.csv", "period,v\n1900,1\n2100,2\n"), "v").periods().size());
  }

  /** An external series' undefined period is "no value in the file", not "no events". */
  @Test
  void filled_undefinedPeriodOfAFile_saysNoValueInTheFile() throws IOException {
    AnalysisSeries s =
        SeriesCsvReader.read(file("gap.csv", "period,v\n2020-01,1\n2020-03,2\n"), "v");
    AnalysisException e = assertThrows(AnalysisException.class, () -> s.filled(Imputation.NONE));
    assertTrue(e.getMessage().contains("2020-02 (no value in the file)"), e.getMessage());
    assertFalse(e.getMessage().contains("no events"), e.getMessage());
  }

  @Test
  void read_badNumber_namesColumnAndLine() throws IOException {
    Path f = file("n.csv", "period,v\n2020-01,1\n2020-02,abc\n");
    AnalysisException e = assertThrows(AnalysisException.class, () -> SeriesCsvReader.read(f, "v"));
    assertTrue(e.getMessage().contains("line 3: column 'v' value 'abc'"), e.getMessage());
    // Java's own number forms are not CSV numbers (they were read as 8 and 5)
    for (String java : new String[] {"0x1p3", "5d", "7f", "1_000"}) {
      Path g = file("j.csv", "period,v\n2020-01,1\n2020-02," + java + "\n");
      assertTrue(
          assertThrows(AnalysisException.class, () -> SeriesCsvReader.read(g, "v"))
              .getMessage()
              .contains("value '" + java + "' is not a number"),
          java);
    }
    Path twice = file("t.csv", "period,y,Y\n2020-01,1,2\n");
    assertTrue(
        assertThrows(AnalysisException.class, () -> SeriesCsvReader.read(twice, "y"))
            .getMessage()
            .contains("line 1: the header names column 'y' twice (columns 2 and 3)"));
    for (String ok : new String[] {"-1.5e3", "+2", ".5", "3.", "1E-2"}) {
      Path g = file("k.csv", "period,v\n2020-01,1\n2020-02," + ok + "\n");
      assertEquals(Double.parseDouble(ok), SeriesCsvReader.read(g, "v").values()[1], ok);
    }
  }

  @Test
  void read_mixedFrequencies_duplicatesAndShortRows_areRejected() throws IOException {
    assertTrue(
        assertThrows(
                AnalysisException.class,
                () -> SeriesCsvReader.read(file("a.csv", "period,v\n2020-01,1\n2020,2\n"), "v"))
            .getMessage()
            .contains("line 3: period '2020' is a year but earlier rows are months"));
    assertTrue(
        assertThrows(
                AnalysisException.class,
                () -> SeriesCsvReader.read(file("b.csv", "period,v\n2020,1\n2020,2\n"), "v"))
            .getMessage()
            .contains("line 3: period 2020 appears twice"));
    assertTrue(
        assertThrows(
                AnalysisException.class,
                () -> SeriesCsvReader.read(file("c.csv", "period,v\n2020,1,9\n"), "v"))
            .getMessage()
            .contains("line 2: expected 2 fields as in the header, found 3"));
  }

  @Test
  void read_unknownColumn_isAnArgumentMistakeListingTheColumns() throws IOException {
    Path f = file("k.csv", "period,a,b\n2020,1,2\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SeriesCsvReader.read(f, "c"));
    assertTrue(e.getMessage().contains("--column c"), e.getMessage());
    assertTrue(e.getMessage().contains("[period, a, b]"), e.getMessage());
  }

  @Test
  void read_missingFileOrPeriodColumnOrRows_failsWithTheReason() throws IOException {
    assertTrue(
        assertThrows(
                AnalysisException.class, () -> SeriesCsvReader.read(dir.resolve("none.csv"), "v"))
            .getMessage()
            .contains("no such file"));
    assertTrue(
        assertThrows(
                AnalysisException.class,
                () -> SeriesCsvReader.read(file("p.csv", "month,v\n2020-01,1\n"), "v"))
            .getMessage()
            .contains("no 'period' column"));
    assertTrue(
        assertThrows(
                AnalysisException.class,
                () -> SeriesCsvReader.read(file("e.csv", "period,v\n"), "v"))
            .getMessage()
            .contains("no data rows"));
  }
}
