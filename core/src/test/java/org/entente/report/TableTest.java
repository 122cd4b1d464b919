package org.entente.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableTest {

  private static String render(Table t, OutputFormat f) {
    StringWriter w = new StringWriter();
    t.write(f, w);
    return w.toString();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "-0.6666666666666666, -0.666667",
    "-3.5, -3.5",
    "2.0, 2",
    "0.0, 0",
    "-0.0, 0",
    "-1.0E-7, 0",
    "1.0E20, 100000000000000000000",
    "0.1234565, 0.123456", // half-even at six decimals
    "1.25E-6, 0.000001"
  })
  void number_doubles_printWithAtMostSixDecimals(double d, String expected) {
    assertEquals(expected, Table.number(d));
  }

  @Test
  void write_csv_quotesWhereNeededAndLeavesNaNAndNullEmpty() {
    Table t = new Table(List.of("a", "b", "c", "d"));
    t.add("x,y", Double.NaN, null, true);
    t.add("say \"hi\"", 1.5, 3L, false);
    t.add("two\nlines", -0.0, "plain", null);
    assertEquals(
        "a,b,c,d\n"
            + "\"x,y\",,,true\n"
            + "\"say \"\"hi\"\"\",1.5,3,false\n"
            + "\"two\nlines\",0,plain,\n",
        render(t, OutputFormat.CSV));
  }

  @Test
  void write_json_isAnArrayOfObjectsWithNullForNaN() {
    Table t = new Table(List.of("period", "s4", "n"));
    t.add("2017-08", Double.NaN, 0L);
    t.add("2017-09", -0.5, 2L);
    assertEquals(
        "[\n  {\"period\": \"2017-08\", \"s4\": null, \"n\": 0},\n"
            + "  {\"period\": \"2017-09\", \"s4\": -0.5, \"n\": 2}\n]\n",
        render(t, OutputFormat.JSON));
    assertEquals("[]\n", render(new Table(List.of("x")), OutputFormat.JSON));
  }

  @Test
  void write_text_alignsColumnsAndShowsMissingAsDash() {
    Table t = new Table(List.of("period", "n", "s4"));
    t.add("2017-08", 6L, -0.6666666);
    t.add("2017-09", 0L, Double.NaN);
    assertEquals(
        "period   n  s4\n" // headers are left-aligned, the last column is not padded
            + "-------  -  ---------\n"
            + "2017-08  6  -0.666667\n"
            + "2017-09  0          -\n",
        render(t, OutputFormat.TABLE));
  }

  @Test
  void write_text_controlCharactersInACell_areShownAsSpaces_csvKeepsThem() {
    Table t = new Table(List.of("date", "title"));
    t.add("2024-06-19", "Treaty\rsigned\nin\tPyongyang");
    assertEquals(
        "date        title\n----------  "
            + "-".repeat("Treaty signed in Pyongyang".length())
            + "\n"
            + "2024-06-19  Treaty signed in Pyongyang\n",
        render(t, OutputFormat.TABLE));
    assertTrue(render(t, OutputFormat.CSV).contains("\"Treaty\rsigned\nin\tPyongyang\""));
  }

  @Test
  void add_wrongNumberOfValues_throws() {
    Table t = new Table(List.of("a", "b"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.add("x"));
    assertEquals("row has 1 values for 2 columns", e.getMessage());
    assertEquals(0, t.size());
  }

  @Test
  void outputFormat_parse_acceptsNamesAndRejectsOthers() {
    assertEquals(OutputFormat.TABLE, OutputFormat.parse("text"));
    assertEquals(OutputFormat.CSV, OutputFormat.parse("CSV"));
    assertEquals(OutputFormat.JSON, OutputFormat.parse("json"));
    assertThrows(IllegalArgumentException.class, () -> OutputFormat.parse("xml"));
  }
}
