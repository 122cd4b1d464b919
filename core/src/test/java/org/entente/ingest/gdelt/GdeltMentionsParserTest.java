package org.entente.ingest.gdelt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.entente.ingest.RecordingSink;
import org.entente.ingest.SharedData;
import org.entente.model.Mention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GdeltMentionsParserTest {
  /** A raw Mentions row (GDELT 2.0 Event Codebook column order) with one column replaced. */
  private static String row(int column, String value) {
    String[] f = {
      "869295811",
      "20190826190000",
      "20190826191500",
      "1",
      "yna.co.kr",
      "https://en.yna.co.kr/view/AEN20190826",
      "3",
      "120",
      "-1",
      "135",
      "1",
      "90",
      "2411",
      "-2.25352112676056",
      "",
      ""
    };
    if (column >= 0) {
      f[column] = value;
    }
    return String.join("\t", f);
  }

  @Test
  void tsv_rawRow_readsEveryColumn() {
    RecordingSink s = RecordingSink.feed(GdeltMentionsParser.tsv(), row(-1, null) + "\n", 1);
    assertEquals(1, s.mentions.size(), s.rejects.toString());
    Mention m = s.mentions.get(0);
    assertEquals(869295811L, m.globalEventId());
    assertEquals(LocalDateTime.of(2019, 8, 26, 19, 0), m.eventTime());
    assertEquals(LocalDateTime.of(2019, 8, 26, 19, 15), m.mentionTime());
    assertEquals(1, m.mentionType());
    assertEquals("yna.co.kr", m.sourceName());
    assertEquals("https://en.yna.co.kr/view/AEN20190826", m.identifier());
    assertEquals(3, m.sentenceId());
    assertEquals(
        List.of(120, -1, 135), List.of(m.actor1Offset(), m.actor2Offset(), m.actionOffset()));
    assertEquals(Boolean.TRUE, m.inRawText());
    assertEquals(90, m.confidence());
    assertEquals(2411, m.docLength());
    assertEquals(-2.25352112676056, m.docTone());
    assertNull(m.translation(), "blank translation info: an English document");
  }

  @ParameterizedTest(name = "column {0} = ''{1}'' → {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0|12a|bad event id",
        "0|0|bad event id",
        "0|١٢٣|bad event id",
        "1|2019082619|bad time",
        "2|20191326191500|impossible time",
        "2|20190826181500|mention before its event",
        "3|7|bad mention type",
        "3||bad mention type",
        "6|x|not a number",
        "8|-2|not a number",
        "10|2|not a flag",
        "11|101|bad confidence",
        "13|0x1p3|not a number",
        "13|NaN|not a number"
      })
  void tsv_badField_isRejectedWithItsReason(int column, String value, String reason) {
    RecordingSink s =
        RecordingSink.feed(
            GdeltMentionsParser.tsv(), row(column, value == null ? "" : value) + "\n", 7);
    RecordingSink.Reject r = s.rejects.get(0);
    assertEquals(1, s.total());
    assertEquals(reason, r.reason());
    assertEquals(7, r.line());
    assertTrue(r.detail().contains(GdeltMentionsParser.NAMES[column]), r.detail());
  }

  @Test
  void tsv_wrongColumnCount_isRejectedAndTheNextRowParses() {
    RecordingSink s =
        RecordingSink.feed(
            GdeltMentionsParser.tsv(),
            "1\t2\n" + row(-1, null) + "\n" + row(-1, null) + "\tx\n",
            1);
    assertEquals(1, s.mentions.size());
    assertEquals(List.of(1L, 3L), s.rejects.stream().map(RecordingSink.Reject::line).toList());
    assertEquals("bad column count", s.rejects.get(0).reason());
  }

  @Test
  void looksLike_tellsMentionsFromEvents() {
    assertTrue(GdeltMentionsParser.looksLikeRow(row(-1, null)));
    assertFalse(GdeltMentionsParser.looksLikeRow(row(1, "2019")));
    assertFalse(GdeltMentionsParser.looksLikeRow("1\t2\t3"));
    assertTrue(
        GdeltMentionsParser.looksLikeHeader("GLOBALEVENTID,EventTimeDate,MentionTimeDate,X"));
    assertFalse(GdeltMentionsParser.looksLikeHeader("GLOBALEVENTID,SQLDATE,EventCode"));
  }

  @Test
  void csv_headerWithoutARequiredColumn_isRefusedNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> GdeltMentionsParser.csv("globaleventid,eventtimedate,mentiontype"));
    assertTrue(e.getMessage().contains("MentionTimeDate"), e.getMessage());
  }

  @Test
  void csv_realSample_everyRowIsAMention() throws Exception {
    // ../shared/data/gdelt-v2-samples-gdeltPyR/mentionssamp.csv (gdeltPyR, pandas-written, 1,635
    // rows of the translingual mentions of 2017-07-01 23:45; PROVENANCE.md there)
    Path p = SharedData.file("gdelt-v2-samples-gdeltPyR", "mentionssamp.csv");
    List<String> lines = Files.readAllLines(p);
    GdeltMentionsParser parser = GdeltMentionsParser.csv(lines.get(0));
    RecordingSink s =
        RecordingSink.feed(parser, String.join("\n", lines.subList(1, lines.size())) + "\n", 2);
    assertEquals(List.of(), s.rejects);
    assertEquals(1635, s.mentions.size());
    Mention first = s.mentions.get(0);
    // the file's first data row, field by field
    assertEquals(555924816L, first.globalEventId());
    assertEquals(LocalDateTime.of(2016, 7, 1, 21, 0), first.eventTime());
    assertEquals(LocalDateTime.of(2017, 7, 1, 23, 45), first.mentionTime());
    assertEquals("china.org.cn", first.sourceName());
    assertEquals(
        List.of(4, -1, 996, 988),
        List.of(
            first.sentenceId(), first.actor1Offset(), first.actor2Offset(), first.actionOffset()));
    assertEquals(100, first.confidence());
    assertEquals(2579, first.docLength());
    assertEquals(0.83565459610028, first.docTone());
    assertEquals("srclc:ara;eng:GT-ARA 1.0", first.translation());
    assertTrue(
        s.mentions.stream()
            .allMatch(m -> m.translation() != null && m.translation().startsWith("srclc:")),
        "the sample is the translingual stream: every row names its source language");
  }
}
