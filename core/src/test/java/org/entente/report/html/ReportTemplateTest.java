package org.entente.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's template escapes every value; only chart markup from SvgWriter goes in as is. */
class ReportTemplateTest {

  @Test
  void render_valuesWithMarkup_areEscaped() {
    ReportModel.Entry entry =
        new ReportModel.Entry(
            "x1\"><script>",
            "2024-06-19",
            "RUS–PRK",
            "057",
            "<script>alert(1)</script>",
            "a & b",
            "treaty",
            null,
            "javascript:alert('x')");
    ReportModel m =
        new ReportModel(
            new ReportModel.Header("<b>store</b>.duckdb", 3, null, "2025-06-01", null),
            null,
            null,
            null,
            List.of(),
            null,
            new ReportModel.Timeline(1, List.of(entry)),
            null);
    String html = ReportTemplate.render(m);
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<b>store"), html);
    assertTrue(html.contains("&lt;b&gt;store&lt;/b&gt;.duckdb: 3 events · generated 2025-06-01"));
    assertTrue(html.contains("<tr id=\"ev-x1&quot;&gt;&lt;script&gt;\">"), "attribute escaped");
    assertTrue(html.contains("<td>javascript:alert(&#39;x&#39;)</td>"), "not a link: " + html);
    assertTrue(html.contains("a &amp; b"));
  }

  @Test
  void render_chart_goesInAsWrittenBySvgWriter() {
    Svg.Chart chart =
        new SvgWriter(10, 10, "a \"title\" <x>").element("text", "1 < 2", "x", 1.25).finish();
    assertEquals(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" width=\"100%\""
            + " role=\"img\" aria-label=\"a &quot;title&quot; &lt;x&gt;\"><text x=\"1.3\">1 &lt;"
            + " 2</text></svg>",
        chart.markup());
    ReportModel.Card card =
        new ReportModel.Card(
            "P1",
            "P1",
            "supported",
            "supported",
            "claim",
            "000",
            "leadlag",
            "op",
            "rule",
            "reason",
            chart,
            null,
            "{}");
    String html =
        ReportTemplate.render(
            new ReportModel(
                new ReportModel.Header("s", 0, null, "2025-06-01", "<i>gdelt2</i>"),
                null,
                null,
                null,
                List.of(card),
                new ReportModel.BySource(
                    List.of("chronology", "<i>gdelt2</i>"),
                    List.of(
                        new ReportModel.BySourceRow(
                            "P1",
                            List.of(
                                new ReportModel.BySourceCell("supported", "supported", "q = 0.01"),
                                new ReportModel.BySourceCell(
                                    "insufficient-data",
                                    "insufficient data",
                                    "not informed by source '<i>gdelt2</i>'"))))),
                null,
                null));
    assertTrue(html.contains("source &lt;i&gt;gdelt2&lt;/i&gt; (sources are never pooled)"), html);
    assertTrue(
        html.contains(
            "<tr><td>P1</td><td title=\"q = 0.01\"><span class=\"verdict supported\">supported</span></td>"),
        html);
    assertTrue(html.contains("<th>&lt;i&gt;gdelt2&lt;/i&gt;</th>"), html);
    assertTrue(html.contains("<figure>" + chart.markup() + "</figure>"), html);
    assertFalse(html.contains("No chart"));
  }
}
