package org.entente.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpertPeriodsTest {

  @Test
  void rozman_fourStages_breaksNearSystemMdDates() {
    List<ExpertPeriod> r = ExpertPeriods.scheme("rozman");
    assertEquals(4, r.size());
    assertEquals(2012, r.get(0).first().getYear());
    assertNull(r.get(3).last(), "Stage Four is open-ended");
    List<YearMonth> b = ExpertPeriods.breaks("rozman");
    // SYSTEM.md: Stage Two 2014-2017, Stage Three 2018-2021, Stage Four 2022-.
    assertEquals(2014, b.get(0).getYear());
    assertTrue(b.get(1).getYear() == 2018 || b.get(1).equals(YearMonth.of(2017, 12)), b.toString());
    assertEquals(2022, b.get(2).getYear());
    r.forEach(p -> assertTrue(p.seed().contains("000_c65cb143f1c9742f"), p.name()));
  }

  @Test
  void jackson_olderEras_fromSeed004() {
    List<ExpertPeriod> j = ExpertPeriods.scheme("jackson");
    assertTrue(j.size() >= 4, j.toString());
    j.forEach(p -> assertTrue(p.seed().contains("004_a736d2815ef8c985"), p.name()));
    assertTrue(j.get(0).first().getYear() <= 1961);
  }

  @Test
  void scheme_unknown_namesTheKnownSchemes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ExpertPeriods.scheme("nobody"));
    assertTrue(e.getMessage().contains("rozman"), e.getMessage());
  }

  @Test
  void read_overlappingPeriods_rejected() {
    String doc =
        "scheme\tperiod\tfirst\tlast\tseed\tcharacterisation\n"
            + "s\tA\t2010-01\t2012-06\tseed\tx\n"
            + "s\tB\t2012-06\t\tseed\ty\n";
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ExpertPeriods.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8))));
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
  }

  @Test
  void contains_openEndedPeriod_includesLaterMonths() {
    ExpertPeriod p = new ExpertPeriod("s", "A", YearMonth.of(2022, 1), null, "seed", "x");
    assertTrue(p.contains(YearMonth.of(2030, 5)));
    assertTrue(!p.contains(YearMonth.of(2021, 12)));
  }
}
