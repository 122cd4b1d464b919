package org.entente.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for the HTML report, drawn in Java so that the report needs no script and no
 * network: a time chart (lines, shaded bands, a labelled strip and event markers), the system
 * network, a band of coloured segments and a triangle. Coordinates are in SVG user units; every
 * text is XML-escaped. Stateless and thread-safe.
 */
final class Svg {
  static final String POS = "#1a9850";
  static final String NEG = "#c0392b";
  static final String ZERO = "#a0a7ae";

  private Svg() {}

  /** XML/HTML escaping of text and attribute values. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String n(double d) {
    if (!Double.isFinite(d)) {
      return String.format(Locale.ROOT, "%.1f", d);
    }
    // What String.format(Locale.ROOT, "%.1f", d) prints, without a Formatter per number (a chart
    // has thousands; they took about a tenth of the report's time): Formatter rounds the shortest
    // decimal that reads back to d (Double.toString) half up, and keeps the sign of a negative
    // value that rounds to zero.
    String t =
        new java.math.BigDecimal(Double.toString(d))
            .setScale(1, java.math.RoundingMode.HALF_UP)
            .toPlainString();
    return (d < 0 || (d == 0 && 1 / d < 0)) && t.charAt(0) != '-' ? "-" + t : t;
  }

  /** Colour of a score in [-1, 1]: grey within ±tau or undefined, else green or red by strength. */
  static String scoreColour(double s, double tau) {
    if (Double.isNaN(s) || Math.abs(s) <= tau) {
      return ZERO;
    }
    double t = 0.35 + 0.65 * Math.min(1, Math.abs(s));
    int[] z = {160, 167, 174};
    int[] c = s > 0 ? new int[] {26, 152, 80} : new int[] {192, 57, 43};
    return String.format(
        Locale.ROOT,
        "rgb(%d,%d,%d)",
        Math.round(z[0] + (c[0] - z[0]) * t),
        Math.round(z[1] + (c[1] - z[1]) * t),
        Math.round(z[2] + (c[2] - z[2]) * t));
  }

  /** One line of a time chart: x in fractional years, NaN y leaves a gap. */
  record Line(String name, String colour, double[] x, double[] y, boolean dashed) {}

  /** A shaded stretch of a time chart, optionally labelled. */
  record Band(double x0, double x1, String colour, String label) {}

  /** An event marker: x in fractional years, a row (0..rows-1), a colour, a title and a link. */
  record Marker(double x, int row, String colour, String title, String href) {}

  /** An SVG chart's markup, as written by {@link SvgWriter} (every text and attribute escaped). */
  record Chart(String markup) {
    @Override
    public String toString() {
      return markup;
    }
  }

  /**
   * A time chart: lines over shaded bands on a y range, an optional strip of labelled bands below
   * (an expert periodisation) and an optional strip of event markers in rows.
   */
  static Chart timeChart(
      String title,
      double x0,
      double x1,
      double y0,
      double y1,
      List<Line> lines,
      List<Band> bands,
      String stripLabel,
      List<Band> strip,
      List<String> markerRows,
      List<Marker> markers) {
    int w = 900;
    int left = 120;
    int right = 20;
    int top = 24;
    int plotH = 200;
    int stripH = strip == null ? 0 : 26;
    int rowH = 13;
    int markersH = markerRows == null ? 0 : markerRows.size() * rowH + 6;
    int h = top + plotH + 24 + (stripH > 0 ? stripH + 6 : 0) + markersH + 6;
    double pw = w - left - right;
    java.util.function.DoubleUnaryOperator sx = x -> left + (x - x0) / (x1 - x0) * pw;
    java.util.function.DoubleUnaryOperator sy = y -> top + (y1 - y) / (y1 - y0) * plotH;
    SvgWriter b = new SvgWriter(w, h, title);
    b.element("text", title, "x", left, "y", 14, "class", "t");
    for (Band band : bands) {
      double a = Math.max(x0, band.x0());
      double z = Math.min(x1, band.x1());
      if (z > a) {
        rect(
            b,
            sx.applyAsDouble(a),
            top,
            sx.applyAsDouble(z) - sx.applyAsDouble(a),
            plotH,
            band.colour());
      }
    }
    // axes and grid
    for (double y : new double[] {y0, (y0 + y1) / 2, 0, y1}) {
      if (y < y0 || y > y1) {
        continue;
      }
      double py = sy.applyAsDouble(y);
      line(b, left, py, w - right, py, y == 0 ? "#888" : "#e3e6ea", 1, false);
      b.element("text", trim(y), "x", left - 6, "y", py + 4, "class", "a", "text-anchor", "end");
    }
    int step = Math.max(1, (int) Math.ceil((x1 - x0) / 12));
    for (int year = (int) Math.ceil(x0); year <= x1; year += step) {
      double px = sx.applyAsDouble(year);
      line(b, px, top + plotH, px, top + plotH + 4, "#888", 1, false);
      b.element(
          "text",
          String.valueOf(year),
          "x",
          px,
          "y",
          top + plotH + 16,
          "class",
          "a",
          "text-anchor",
          "middle");
    }
    for (Line l : lines) {
      StringBuilder d = new StringBuilder();
      boolean pen = false;
      for (int i = 0; i < l.x().length; i++) {
        if (Double.isNaN(l.y()[i]) || l.x()[i] < x0 || l.x()[i] > x1) {
          pen = false;
          continue;
        }
        d.append(pen ? " L" : " M")
            .append(n(sx.applyAsDouble(l.x()[i])))
            .append(' ')
            .append(n(sy.applyAsDouble(clamp(l.y()[i], y0, y1))));
        pen = true;
      }
      b.titled(
          "path",
          l.name(),
          "d",
          d.toString().trim(),
          "fill",
          "none",
          "stroke",
          l.colour(),
          "stroke-width",
          "1.8",
          "stroke-dasharray",
          l.dashed() ? "5 3" : null);
    }
    int y = top + plotH + 24;
    if (strip != null) {
      b.element("text", stripLabel, "x", left - 6, "y", y + 17, "class", "a", "text-anchor", "end");
      for (Band band : strip) {
        double a = Math.max(x0, band.x0());
        double z = Math.min(x1, band.x1());
        if (z > a) {
          double px = sx.applyAsDouble(a);
          double pw2 = sx.applyAsDouble(z) - px;
          rect(b, px, y, pw2, stripH, band.colour());
          b.element(
              "text",
              band.label(),
              "x",
              px + pw2 / 2,
              "y",
              y + 17,
              "class",
              "a",
              "text-anchor",
              "middle");
        }
      }
      y += stripH + 6;
    }
    if (markerRows != null) {
      for (int r = 0; r < markerRows.size(); r++) {
        b.element(
            "text",
            markerRows.get(r),
            "x",
            left - 6,
            "y",
            y + r * rowH + 10,
            "class",
            "s",
            "text-anchor",
            "end");
      }
      for (Marker m : markers) {
        if (m.x() < x0 || m.x() > x1) {
          continue;
        }
        if (m.href() != null) {
          b.start("a", "href", m.href());
        }
        b.titled(
            "circle",
            m.title(),
            "cx",
            sx.applyAsDouble(m.x()),
            "cy",
            y + m.row() * rowH + 6.5,
            "r",
            4,
            "fill",
            m.colour());
        if (m.href() != null) {
          b.end();
        }
      }
    }
    return b.finish();
  }

  /** The system network: nodes at fixed positions, edges coloured by score, width by volume. */
  static Chart network(
      String title, List<String> nodes, List<double[]> positions, List<Edge> edges, double tau) {
    int w = 440;
    int h = 300;
    SvgWriter b = new SvgWriter(w, h, title);
    b.element("text", title, "x", 10, "y", 16, "class", "t");
    for (Edge e : edges) {
      double[] p = positions.get(nodes.indexOf(e.a()));
      double[] q = positions.get(nodes.indexOf(e.b()));
      boolean none = e.n() == 0;
      double width = none ? 1 : 1.5 + 2.2 * Math.log(1 + e.n()) / Math.log(2);
      b.titled(
          "line",
          e.a() + "-" + e.b() + ": " + e.n() + " events, S4 " + trim(e.score()),
          "x1",
          p[0],
          "y1",
          p[1],
          "x2",
          q[0],
          "y2",
          q[1],
          "stroke",
          none ? "#d0d4d8" : scoreColour(e.score(), tau),
          "stroke-width",
          width,
          "stroke-dasharray",
          none ? "4 3" : null);
    }
    for (int i = 0; i < nodes.size(); i++) {
      double[] p = positions.get(i);
      b.empty(
          "circle",
          "cx",
          p[0],
          "cy",
          p[1],
          "r",
          19,
          "fill",
          "#34495e",
          "stroke",
          "#fff",
          "stroke-width",
          2);
      b.element(
          "text", nodes.get(i), "x", p[0], "y", p[1] + 4, "class", "n", "text-anchor", "middle");
    }
    return b.finish();
  }

  /** An edge of the network. */
  record Edge(String a, String b, long n, double score) {}

  /** One segment of a band. */
  record Segment(String label, String colour, String title) {}

  /** A band of coloured segments, one per period, with the period labels thinned below. */
  static Chart band(String title, List<Segment> segments) {
    int w = 900;
    int h = 64;
    int left = 10;
    SvgWriter b = new SvgWriter(w, h, title);
    b.element("text", title, "x", left, "y", 12, "class", "t");
    double sw = (w - 2.0 * left) / Math.max(1, segments.size());
    int every = Math.max(1, (int) Math.ceil(segments.size() / 15.0));
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      double x = left + i * sw;
      b.titled(
          "rect",
          s.label() + ": " + s.title(),
          "x",
          x,
          "y",
          18,
          "width",
          sw + 0.3,
          "height",
          26,
          "fill",
          s.colour());
      if (i % every == 0) {
        b.element(
            "text", s.label(), "x", x + sw / 2, "y", 58, "class", "a", "text-anchor", "middle");
      }
    }
    return b.finish();
  }

  /** A triangle: three vertices, signed sides and the pivot or outcast marked. */
  static Chart triangle(
      String title,
      List<String> vertices,
      int[] signs,
      String[] sideLabels,
      String pivot,
      String outcast) {
    int w = 360;
    int h = 270;
    double[][] p = {{60, 230}, {300, 230}, {180, 50}};
    SvgWriter b = new SvgWriter(w, h, title);
    b.element("text", title, "x", 10, "y", 16, "class", "t");
    int[][] sides = {{0, 1}, {1, 2}, {2, 0}};
    for (int k = 0; k < 3; k++) {
      double[] a = p[sides[k][0]];
      double[] z = p[sides[k][1]];
      String colour = signs[k] > 0 ? POS : signs[k] < 0 ? NEG : ZERO;
      line(b, a[0], a[1], z[0], z[1], colour, signs[k] == 0 ? 2 : 5, signs[k] == 0);
      double mx = (a[0] + z[0]) / 2;
      double my = (a[1] + z[1]) / 2 + (k == 0 ? 18 : 0);
      b.element("text", sideLabels[k], "x", mx, "y", my, "class", "a", "text-anchor", "middle");
    }
    for (int i = 0; i < 3; i++) {
      String v = vertices.get(i);
      String role = v.equals(pivot) ? "pivot" : v.equals(outcast) ? "outcast" : "";
      String fill =
          role.equals("outcast") ? "#aab2ba" : role.equals("pivot") ? "#4575b4" : "#5b6c8f";
      b.empty(
          "circle",
          "cx",
          p[i][0],
          "cy",
          p[i][1],
          "r",
          24,
          "fill",
          fill,
          "stroke",
          role.isEmpty() ? "#fff" : "#111",
          "stroke-width",
          role.isEmpty() ? 2 : 3,
          "stroke-dasharray",
          role.equals("outcast") ? "4 3" : null);
      b.element("text", v, "x", p[i][0], "y", p[i][1] + 4, "class", "n", "text-anchor", "middle");
      if (!role.isEmpty()) {
        b.element(
            "text",
            role,
            "x",
            p[i][0],
            "y",
            p[i][1] + (i == 2 ? -30 : 40),
            "class",
            "t",
            "text-anchor",
            "middle");
      }
    }
    return b.finish();
  }

  /** One actor's positions per round (index = round) in a rounds chart. */
  record Track(String name, String colour, double[] y, boolean dashed) {}

  /** A region of the scale of a rounds chart, shaded. */
  record Region(double from, double to, String colour, String label) {}

  /**
   * Positions per round: a line with a marker on every point per path, over the scale's regions
   * shaded, with the scale's end labels at the top and bottom of the y axis.
   */
  static Chart roundsChart(
      String title,
      double y0,
      double y1,
      String minLabel,
      String maxLabel,
      List<Region> regions,
      List<Track> paths) {
    int w = 900;
    int left = 60;
    int right = 210;
    int top = 40;
    int plotH = 240;
    int h = top + plotH + 50;
    int n = paths.stream().mapToInt(p -> p.y().length).max().orElse(1);
    double pw = w - left - right;
    java.util.function.IntToDoubleFunction sx =
        k -> left + (n <= 1 ? 0.5 : (double) k / (n - 1)) * pw;
    java.util.function.DoubleUnaryOperator sy = y -> top + (y1 - y) / (y1 - y0) * plotH;
    SvgWriter b = new SvgWriter(w, h, title);
    b.element("text", title, "x", left, "y", 14, "class", "t");
    for (Region r : regions) {
      double ya = sy.applyAsDouble(Math.min(y1, r.to()));
      double yb = sy.applyAsDouble(Math.max(y0, r.from()));
      rect(b, left, ya, pw, yb - ya, r.colour());
      b.element(
          "text",
          trim(r.from()) + "–" + trim(r.to()) + " " + shortLabel(r.label(), 34),
          "x",
          left + pw + 6,
          "y",
          (ya + yb) / 2 + 3,
          "class",
          "s");
    }
    for (int i = 0; i <= 4; i++) {
      double y = y0 + (y1 - y0) * i / 4;
      double py = sy.applyAsDouble(y);
      line(b, left, py, left + pw, py, "#d9dee3", 0.6, false);
      b.element("text", trim(y), "x", left - 6, "y", py + 4, "class", "a", "text-anchor", "end");
    }
    b.element(
        "text",
        "▲ " + trim(y1) + " = " + shortLabel(maxLabel, 110),
        "x",
        left,
        "y",
        top - 6,
        "class",
        "a");
    b.element(
        "text",
        "▼ " + trim(y0) + " = " + shortLabel(minLabel, 110),
        "x",
        left,
        "y",
        (double) (top + plotH + 30),
        "class",
        "a");
    for (int k = 0; k < n; k++) {
      if (n <= 12 || k % Math.ceil(n / 12.0) == 0 || k == n - 1) {
        b.element(
            "text",
            String.valueOf(k),
            "x",
            sx.applyAsDouble(k),
            "y",
            (double) (top + plotH + 14),
            "class",
            "a",
            "text-anchor",
            "middle");
      }
    }
    b.element(
        "text",
        "round",
        "x",
        left + pw,
        "y",
        (double) (top + plotH + 30),
        "class",
        "a",
        "text-anchor",
        "end");
    for (Track p : paths) {
      StringBuilder pts = new StringBuilder();
      for (int k = 0; k < p.y().length; k++) {
        pts.append(k == 0 ? "" : " ")
            .append(n(sx.applyAsDouble(k)))
            .append(',')
            .append(n(sy.applyAsDouble(p.y()[k])));
      }
      b.titled(
          "polyline",
          p.name(),
          "fill",
          "none",
          "stroke",
          p.colour(),
          "stroke-width",
          p.dashed() ? "1.5" : "2",
          "stroke-dasharray",
          p.dashed() ? "5 3" : null,
          "points",
          pts.toString());
      for (int k = 0; k < p.y().length; k++) {
        b.titled(
            "circle",
            p.name() + ", round " + k + ": " + trim(p.y()[k]),
            "cx",
            sx.applyAsDouble(k),
            "cy",
            sy.applyAsDouble(p.y()[k]),
            "r",
            p.dashed() ? "2.5" : "3.5",
            "fill",
            p.colour(),
            "stroke",
            "#fff",
            "stroke-width",
            "0.8");
      }
    }
    return b.finish();
  }

  /** TEXT cut at its first colon, then to at most MAX characters with an ellipsis. */
  static String shortLabel(String text, int max) {
    String s = text == null ? "" : text;
    int colon = s.indexOf(':');
    if (colon > 0) {
      s = s.substring(0, colon);
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static void rect(SvgWriter b, double x, double y, double w, double h, String fill) {
    b.empty("rect", "x", x, "y", y, "width", w, "height", h, "fill", fill);
  }

  private static void line(
      SvgWriter b,
      double x1,
      double y1,
      double x2,
      double y2,
      String colour,
      double width,
      boolean dashed) {
    b.empty(
        "line",
        "x1",
        x1,
        "y1",
        y1,
        "x2",
        x2,
        "y2",
        y2,
        "stroke",
        colour,
        "stroke-width",
        width,
        "stroke-dasharray",
        dashed ? "4 3" : null);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** A number with at most two decimals, "–" for NaN. */
  static String trim(double d) {
    if (Double.isNaN(d)) {
      return "–";
    }
    return org.entente.report.Table.number(Math.round(d * 100) / 100.0);
  }

  /** Values of a list as an array. */
  static double[] array(List<Double> v) {
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i);
    }
    return out;
  }

  static List<Double> list() {
    return new ArrayList<>();
  }
}
