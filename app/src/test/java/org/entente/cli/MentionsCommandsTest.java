package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GDELT 2.0 Mentions end to end (issue 9 §1): a slot's export then its mentions, ingested with the
 * six-state filter; {@code info} reports them and {@code series --weight allmentions} weighs each
 * event by its mentions, refusing a range with an event that has none.
 */
class MentionsCommandsTest {
  @TempDir Path dir;

  /** A raw Mentions row for {@code event}, in update 2024-06-20 00:00, from {@code url}. */
  private static String mention(long event, String url) {
    return String.join(
        "\t",
        Long.toString(event),
        "20240619000000",
        "20240620000000",
        "1",
        "example.org",
        url,
        "2",
        "-1",
        "40",
        "33",
        "1",
        "80",
        "1800",
        "1.5",
        "",
        "");
  }

  @Test
  void exportThenMentions_infoAndAllMentionsWeights() throws Exception {
    String db = dir.resolve("m.duckdb").toString();
    Path export = dir.resolve("20240619000000.export.CSV");
    Files.writeString(
        export,
        CliHarness.gdelt2(1, "20240619", "RUS", "PRK", "036", 4.0, 1)
            + "\n"
            + CliHarness.gdelt2(2, "20240619", "PRK", "RUS", "190", -10.0, 4)
            + "\n"
            + CliHarness.gdelt2(3, "20240619", "FRA", "DEU", "036", 4.0, 1)
            + "\n");
    Path mentions = dir.resolve("20240620000000.mentions.CSV");
    Files.writeString(
        mentions,
        String.join(
                "\n",
                mention(1, "https://a.example/1"),
                mention(1, "https://b.example/1"),
                mention(1, "https://c.example/1"),
                mention(2, "https://a.example/2"),
                mention(3, "https://a.example/3"))
            + "\n");
    CliHarness.Result in =
        CliHarness.run(
            "ingest",
            "--db",
            db,
            "--actors",
            "RUS,PRK,CHN,USA,KOR,JPN",
            export.toString(),
            mentions.toString());
    assertEquals(0, in.exit(), in.out() + in.err());
    assertTrue(
        in.out()
            .matches(
                "(?s).*20240620000000\\.mentions\\.CSV\\s+gdelt2-mentions\\s+loaded\\s+5\\s+4\\s+0\\s+0\\s+1\\b.*"),
        in.out());
    CliHarness.Result info = CliHarness.run("info", "--db", db);
    assertEquals(0, info.exit(), info.err());
    assertTrue(
        info.out().contains("gdelt2 mentions: 4 rows of 2 events (2 of them in the store)"),
        info.out());
    CliHarness.Result s =
        CliHarness.run(
            "series",
            "--db",
            db,
            "--dyad",
            "RUS-PRK",
            "--weight",
            "allmentions",
            "--format",
            "json");
    assertEquals(0, s.exit(), s.err());
    JsonNode june = new ObjectMapper().readTree(s.out()).get("rows").get(0);
    // event 1 (quad 1, g +4) weighs its 3 mentions, event 2 (quad 4, g -10) its 1
    assertEquals(3.0, june.get("w1").asDouble());
    assertEquals(1.0, june.get("w4").asDouble());
    assertEquals(2.0, june.get("goldstein_sum").asDouble(), 1e-12);
    // a later event without mentions: the same query is refused, never weighed 0
    Path later = dir.resolve("20240701000000.export.CSV");
    Files.writeString(later, CliHarness.gdelt2(4, "20240701", "RUS", "PRK", "036", 4.0, 1) + "\n");
    assertEquals(0, CliHarness.run("ingest", "--db", db, later.toString()).exit());
    CliHarness.Result refused =
        CliHarness.run("series", "--db", db, "--dyad", "RUS-PRK", "--weight", "allmentions");
    assertEquals(2, refused.exit(), refused.out());
    assertTrue(refused.err().contains("1 of the 3 events of RUS-PRK"), refused.err());
  }
}
