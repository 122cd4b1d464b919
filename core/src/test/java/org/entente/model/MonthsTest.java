package org.entente.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one month grammar of --from/--to and the API's from/to. */
class MonthsTest {
  @Test
  void monthsAndYears_inTheEventYears() {
    assertEquals(YearMonth.of(2020, 3), Months.parse("2020-03", false));
    assertEquals(YearMonth.of(2020, 1), Months.parse("2020", false));
    assertEquals(YearMonth.of(2020, 12), Months.parse("2020", true));
    assertEquals(YearMonth.of(1900, 1), Months.parse(" 1900-01 ", false));
    assertEquals(YearMonth.of(2100, 12), Months.parse("2100", true));
    assertNull(Months.parse(null, false));
    assertNull(Months.parse("  ", true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0001-01", "0999", "1899-12", "2101", "9999-12"})
  void yearsNoEventCanHave_areRefusedSayingSo(String s) {
    // the CLI took 0001-01 and printed the period "1"; 9999-12 gave 95,760 rows of zeros
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Months.parse(s, false));
    assertTrue(e.getMessage().contains("outside the years events can have (1900 to 2100)"), s);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2020-13",
        "2020-00",
        "2020-1",
        "20-01",
        "2020/01",
        "+2020-01",
        "２０２０",
        "2020-0１",
        "x"
      })
  void otherText_isNotAMonth(String s) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Months.parse(s, false));
    assertTrue(e.getMessage().startsWith("'" + s + "' is not a month"), e.getMessage());
  }
}
