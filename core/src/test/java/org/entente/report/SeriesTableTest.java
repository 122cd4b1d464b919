package org.entente.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.entente.measure.DyadScore;
import org.entente.measure.DyadSeries;
import org.entente.measure.Period;
import org.entente.measure.Scores;
import org.entente.store.DyadQuery;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.PeriodAggregate;
import org.junit.jupiter.api.Test;

class SeriesTableTest {
  /** The documented CSV header of {@code entente series} (README): a public interface. */
  private static final String HEADER =
      "period,source,target,n,w1,w2,w3,w4,goldstein_sum,goldstein_mean,s3,s4,s5,s6,low_confidence";

  private static DyadSeries series() {
    Period aug = Period.containing(Frequency.MONTH, YearMonth.of(2017, 8));
    // METHODS §1.5 worked example, unweighted, then an empty month
    DyadScore example =
        Scores.of(
            aug,
            "USA",
            "PRK",
            new PeriodAggregate(LocalDate.of(2017, 8, 1), 6, 1, 0, 3, 2, -21, 6));
    DyadScore empty = Scores.of(aug.next(), "USA", "PRK", null);
    return new DyadSeries(DyadQuery.monthly("USA", "PRK"), List.of(example, empty));
  }

  @Test
  void columns_seriesTable_areTheDocumentedHeader() {
    assertEquals(HEADER, String.join(",", SeriesTable.COLUMNS));
  }

  @Test
  void write_csv_printsHeaderRowsAndNaNAsEmptyFields() {
    StringWriter w = new StringWriter();
    SeriesTable.of(series()).write(OutputFormat.CSV, w);
    assertEquals(
        HEADER
            + "\n"
            + "2017-08,USA,PRK,6,1,0,3,2,-21,-3.5,-4,-0.6666666666666666,-0.75,-0.5,false\n"
            + "2017-09,USA,PRK,0,0,0,0,0,0,,0,,,0,true\n",
        w.toString());
  }

  @Test
  void write_csv_withVolumes_addsVolumeAndIntensityAtTheEnd() {
    DyadSeries plain = series();
    DyadSeries s =
        new DyadSeries(
            plain.query(), plain.scores(), plain.quantities(), java.util.Arrays.asList(120L, null));
    StringWriter w = new StringWriter();
    SeriesTable.of(s).write(OutputFormat.CSV, w);
    assertEquals(
        HEADER
            + ",volume,intensity\n"
            + "2017-08,USA,PRK,6,1,0,3,2,-21,-3.5,-4,-0.6666666666666666,-0.75,-0.5,false,120,0.05\n"
            + "2017-09,USA,PRK,0,0,0,0,0,0,,0,,,0,true,,\n",
        w.toString(),
        "6 events of 120 with either state; an unknown volume leaves both empty");
  }

  @Test
  void write_json_printsNullForUndefinedScores() {
    StringWriter w = new StringWriter();
    SeriesTable.of(series()).write(OutputFormat.JSON, w);
    String json = w.toString();
    assertTrue(
        json.contains(
            "{\"period\": \"2017-09\", \"source\": \"USA\", \"target\": \"PRK\", \"n\": 0,"
                + " \"w1\": 0, \"w2\": 0, \"w3\": 0, \"w4\": 0, \"goldstein_sum\": 0,"
                + " \"goldstein_mean\": null, \"s3\": 0, \"s4\": null, \"s5\": null, \"s6\": 0,"
                + " \"low_confidence\": true}"),
        json);
  }

  @Test
  void of_emptySeries_hasOnlyTheHeader() {
    StringWriter w = new StringWriter();
    SeriesTable.of(new DyadSeries(DyadQuery.monthly("JPN", "KOR"), List.of()))
        .write(OutputFormat.CSV, w);
    assertEquals(HEADER + "\n", w.toString());
  }
}
