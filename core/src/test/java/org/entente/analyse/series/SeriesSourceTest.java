package org.entente.analyse.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.entente.analyse.AnalysisException;
import org.entente.analyse.StoreFixture;
import org.entente.store.DyadQuery.Frequency;
import org.entente.store.duckdb.DuckDbStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesSourceTest {
  @TempDir Path dir;

  @Test
  void spec_dyadOrFileColumn_isRecognised() {
    assertInstanceOf(SeriesSpec.OfDyad.class, SeriesSource.spec("rus-prk", Score.S6));
    SeriesSpec.OfFile f =
        (SeriesSpec.OfFile) SeriesSource.spec("data/my:file.csv:exports", Score.S6);
    assertEquals(Path.of("data/my:file.csv"), f.file());
    assertEquals("exports", f.column());
    assertThrows(IllegalArgumentException.class, () -> SeriesSource.spec("nonsense", Score.S6));
  }

  @Test
  void load_dyadWithFile_takesTheFilesFrequencyAndRange() throws IOException {
    Path f = Files.writeString(dir.resolve("q.csv"), "period,v\n2020-Q1,1\n2020-Q2,2\n2020-Q4,4\n");
    StoreFixture fx = new StoreFixture();
    fx.mix(YearMonth.of(2019, 5), "RUS", "PRK", 3, 0); // outside the file's range
    fx.mix(YearMonth.of(2020, 5), "RUS", "PRK", 3, 1);
    try (DuckDbStore s = fx.build()) {
      List<AnalysisSeries> out =
          new SeriesSource(s)
              .load(
                  List.of(
                      SeriesSource.spec("RUS-PRK", Score.S4),
                      SeriesSource.spec(f + ":v", Score.S4)),
                  SeriesOptions.defaults(Frequency.MONTH));
      AnalysisSeries dyad = out.get(0);
      AnalysisSeries file = out.get(1);
      assertEquals(Frequency.QUARTER, dyad.frequency());
      assertEquals(dyad.periods(), file.periods());
      assertEquals(4, dyad.length());
      assertArrayEquals(new double[] {Double.NaN, 0.5, Double.NaN, Double.NaN}, dyad.values());
      assertArrayEquals(new long[] {0, 4, 0, 0}, dyad.events());
      assertArrayEquals(new double[] {1, 2, Double.NaN, 4}, file.values());
    }
  }

  @Test
  void load_filesOfDifferentFrequencies_fail() throws IOException {
    Path a = Files.writeString(dir.resolve("a.csv"), "period,v\n2020-01,1\n");
    Path b = Files.writeString(dir.resolve("b.csv"), "period,v\n2020,1\n");
    assertThrows(
        AnalysisException.class,
        () ->
            new SeriesSource(null)
                .load(
                    List.of(
                        SeriesSource.spec(a + ":v", Score.S6),
                        SeriesSource.spec(b + ":v", Score.S6)),
                    SeriesOptions.defaults(Frequency.MONTH)));
  }
}
