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
    return String.format(Locale.ROOT, "%.1f", d);
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

  /**
   * A time chart: lines over shaded bands on a y range, an optional strip of labelled bands below
   * (an expert periodisation) and an optional strip of event markers in rows.
   */
  static String timeChart(
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
    StringBuilder b = open(w, h, title);
    b.append("<text x=\"")
        .append(left)
        .append("\" y=\"14\" class=\"t\">")
        .append(esc(title))
        .append("</text>");
    for (Band band : bands) {
      double a = Math.max(x0, band.x0());
      double z = Math.min(x1, band.x1());
      if (z > a) {
        b.append(
            rect(
                sx.applyAsDouble(a),
                top,
                sx.applyAsDouble(z) - sx.applyAsDouble(a),
                plotH,
                band.colour()));
      }
    }
    // axes and grid
    for (double y : new double[] {y0, (y0 + y1) / 2, 0, y1}) {
      if (y < y0 || y > y1) {
        continue;
      }
      double py = sy.applyAsDouble(y);
      b.append(line(left, py, w - right, py, y == 0 ? "#888" : "#e3e6ea", 1, false));
      b.append("<text x=\"")
          .append(left - 6)
          .append("\" y=\"")
          .append(n(py + 4))
          .append("\" class=\"a\" text-anchor=\"end\">")
          .append(esc(trim(y)))
          .append("</text>");
    }
    int step = Math.max(1, (int) Math.ceil((x1 - x0) / 12));
    for (int year = (int) Math.ceil(x0); year <= x1; year += step) {
      double px = sx.applyAsDouble(year);
      b.append(line(px, top + plotH, px, top + plotH + 4, "#888", 1, false));
      b.append("<text x=\"")
          .append(n(px))
          .append("\" y=\"")
          .append(top + plotH + 16)
          .append("\" class=\"a\" text-anchor=\"middle\">")
          .append(year)
          .append("</text>");
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
      b.append("<path d=\"")
          .append(d.toString().trim())
          .append("\" fill=\"none\" stroke=\"")
          .append(l.colour())
          .append("\" stroke-width=\"1.8\"")
          .append(l.dashed() ? " stroke-dasharray=\"5 3\"" : "")
          .append("><title>")
          .append(esc(l.name()))
          .append("</title></path>");
    }
    int y = top + plotH + 24;
    if (strip != null) {
      b.append("<text x=\"")
          .append(left - 6)
          .append("\" y=\"")
          .append(y + 17)
          .append("\" class=\"a\" text-anchor=\"end\">")
          .append(esc(stripLabel))
          .append("</text>");
      for (Band band : strip) {
        double a = Math.max(x0, band.x0());
        double z = Math.min(x1, band.x1());
        if (z > a) {
          double px = sx.applyAsDouble(a);
          double pw2 = sx.applyAsDouble(z) - px;
          b.append(rect(px, y, pw2, stripH, band.colour()));
          b.append("<text x=\"")
              .append(n(px + pw2 / 2))
              .append("\" y=\"")
              .append(y + 17)
              .append("\" class=\"a\" text-anchor=\"middle\">")
              .append(esc(band.label()))
              .append("</text>");
        }
      }
      y += stripH + 6;
    }
    if (markerRows != null) {
      for (int r = 0; r < markerRows.size(); r++) {
        b.append("<text x=\"")
            .append(left - 6)
            .append("\" y=\"")
            .append(y + r * rowH + 10)
            .append("\" class=\"s\" text-anchor=\"end\">")
            .append(esc(markerRows.get(r)))
            .append("</text>");
      }
      for (Marker m : markers) {
        if (m.x() < x0 || m.x() > x1) {
          continue;
        }
        String dot =
            "<circle cx=\""
                + n(sx.applyAsDouble(m.x()))
                + "\" cy=\""
                + n(y + m.row() * rowH + 6.5)
                + "\" r=\"4\" fill=\""
                + m.colour()
                + "\"><title>"
                + esc(m.title())
                + "</title></circle>";
        b.append(m.href() == null ? dot : "<a href=\"" + esc(m.href()) + "\">" + dot + "</a>");
      }
    }
    return b.append("</svg>").toString();
  }

  /** The system network: nodes at fixed positions, edges coloured by score, width by volume. */
  static String network(
      String title, List<String> nodes, List<double[]> positions, List<Edge> edges, double tau) {
    int w = 440;
    int h = 300;
    StringBuilder b = open(w, h, title);
    b.append("<text x=\"10\" y=\"16\" class=\"t\">").append(esc(title)).append("</text>");
    for (Edge e : edges) {
      double[] p = positions.get(nodes.indexOf(e.a()));
      double[] q = positions.get(nodes.indexOf(e.b()));
      boolean none = e.n() == 0;
      double width = none ? 1 : 1.5 + 2.2 * Math.log(1 + e.n()) / Math.log(2);
      b.append("<line x1=\"")
          .append(n(p[0]))
          .append("\" y1=\"")
          .append(n(p[1]))
          .append("\" x2=\"")
          .append(n(q[0]))
          .append("\" y2=\"")
          .append(n(q[1]))
          .append("\" stroke=\"")
          .append(none ? "#d0d4d8" : scoreColour(e.score(), tau))
          .append("\" stroke-width=\"")
          .append(n(width))
          .append('"')
          .append(none ? " stroke-dasharray=\"4 3\"" : "")
          .append("><title>")
          .append(esc(e.a() + "-" + e.b() + ": " + e.n() + " events, S4 " + trim(e.score())))
          .append("</title></line>");
    }
    for (int i = 0; i < nodes.size(); i++) {
      double[] p = positions.get(i);
      b.append("<circle cx=\"")
          .append(n(p[0]))
          .append("\" cy=\"")
          .append(n(p[1]))
          .append("\" r=\"19\" fill=\"#34495e\" stroke=\"#fff\" stroke-width=\"2\"/>");
      b.append("<text x=\"")
          .append(n(p[0]))
          .append("\" y=\"")
          .append(n(p[1] + 4))
          .append("\" class=\"n\" text-anchor=\"middle\">")
          .append(esc(nodes.get(i)))
          .append("</text>");
    }
    return b.append("</svg>").toString();
  }

  /** An edge of the network. */
  record Edge(String a, String b, long n, double score) {}

  /** One segment of a band. */
  record Segment(String label, String colour, String title) {}

  /** A band of coloured segments, one per period, with the period labels thinned below. */
  static String band(String title, List<Segment> segments) {
    int w = 900;
    int h = 64;
    int left = 10;
    StringBuilder b = open(w, h, title);
    b.append("<text x=\"")
        .append(left)
        .append("\" y=\"12\" class=\"t\">")
        .append(esc(title))
        .append("</text>");
    double sw = (w - 2.0 * left) / Math.max(1, segments.size());
    int every = Math.max(1, (int) Math.ceil(segments.size() / 15.0));
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      double x = left + i * sw;
      b.append("<rect x=\"")
          .append(n(x))
          .append("\" y=\"18\" width=\"")
          .append(n(sw + 0.3))
          .append("\" height=\"26\" fill=\"")
          .append(s.colour())
          .append("\"><title>")
          .append(esc(s.label() + ": " + s.title()))
          .append("</title></rect>");
      if (i % every == 0) {
        b.append("<text x=\"")
            .append(n(x + sw / 2))
            .append("\" y=\"58\" class=\"a\" text-anchor=\"middle\">")
            .append(esc(s.label()))
            .append("</text>");
      }
    }
    return b.append("</svg>").toString();
  }

  /** A triangle: three vertices, signed sides and the pivot or outcast marked. */
  static String triangle(
      String title,
      List<String> vertices,
      int[] signs,
      String[] sideLabels,
      String pivot,
      String outcast) {
    int w = 360;
    int h = 270;
    double[][] p = {{60, 230}, {300, 230}, {180, 50}};
    StringBuilder b = open(w, h, title);
    b.append("<text x=\"10\" y=\"16\" class=\"t\">").append(esc(title)).append("</text>");
    int[][] sides = {{0, 1}, {1, 2}, {2, 0}};
    for (int k = 0; k < 3; k++) {
      double[] a = p[sides[k][0]];
      double[] z = p[sides[k][1]];
      String colour = signs[k] > 0 ? POS : signs[k] < 0 ? NEG : ZERO;
      b.append(line(a[0], a[1], z[0], z[1], colour, signs[k] == 0 ? 2 : 5, signs[k] == 0));
      double mx = (a[0] + z[0]) / 2;
      double my = (a[1] + z[1]) / 2 + (k == 0 ? 18 : 0);
      b.append("<text x=\"")
          .append(n(mx))
          .append("\" y=\"")
          .append(n(my))
          .append("\" class=\"a\" text-anchor=\"middle\">")
          .append(esc(sideLabels[k]))
          .append("</text>");
    }
    for (int i = 0; i < 3; i++) {
      String v = vertices.get(i);
      String role = v.equals(pivot) ? "pivot" : v.equals(outcast) ? "outcast" : "";
      String fill =
          role.equals("outcast") ? "#aab2ba" : role.equals("pivot") ? "#4575b4" : "#5b6c8f";
      b.append("<circle cx=\"")
          .append(n(p[i][0]))
          .append("\" cy=\"")
          .append(n(p[i][1]))
          .append("\" r=\"24\" fill=\"")
          .append(fill)
          .append("\" stroke=\"")
          .append(role.isEmpty() ? "#fff" : "#111")
          .append("\" stroke-width=\"")
          .append(role.isEmpty() ? 2 : 3)
          .append('"')
          .append(role.equals("outcast") ? " stroke-dasharray=\"4 3\"" : "")
          .append("/>");
      b.append("<text x=\"")
          .append(n(p[i][0]))
          .append("\" y=\"")
          .append(n(p[i][1] + 4))
          .append("\" class=\"n\" text-anchor=\"middle\">")
          .append(esc(v))
          .append("</text>");
      if (!role.isEmpty()) {
        b.append("<text x=\"")
            .append(n(p[i][0]))
            .append("\" y=\"")
            .append(n(p[i][1] + (i == 2 ? -30 : 40)))
            .append("\" class=\"t\" text-anchor=\"middle\">")
            .append(role)
            .append("</text>");
      }
    }
    return b.append("</svg>").toString();
  }

  /** One actor's positions per round (index = round) in a rounds chart. */
  record Track(String name, String colour, double[] y, boolean dashed) {}

  /** A region of the scale of a rounds chart, shaded. */
  record Region(double from, double to, String colour, String label) {}

  /**
   * Positions per round: a line with a marker on every point per path, over the scale's regions
   * shaded, with the scale's end labels at the top and bottom of the y axis.
   */
  static String roundsChart(
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
    StringBuilder b = open(w, h, title);
    b.append("<text x=\"").append(left).append("\" y=\"14\" class=\"t\">").append(esc(title));
    b.append("</text>");
    for (Region r : regions) {
      double ya = sy.applyAsDouble(Math.min(y1, r.to()));
      double yb = sy.applyAsDouble(Math.max(y0, r.from()));
      b.append(rect(left, ya, pw, yb - ya, r.colour()));
      b.append("<text x=\"")
          .append(n(left + pw + 6))
          .append("\" y=\"")
          .append(n((ya + yb) / 2 + 3))
          .append("\" class=\"s\">")
          .append(esc(trim(r.from()) + "–" + trim(r.to()) + " " + shortLabel(r.label(), 34)))
          .append("</text>");
    }
    for (int i = 0; i <= 4; i++) {
      double y = y0 + (y1 - y0) * i / 4;
      double py = sy.applyAsDouble(y);
      b.append(line(left, py, left + pw, py, "#d9dee3", 0.6, false));
      b.append("<text x=\"")
          .append(left - 6)
          .append("\" y=\"")
          .append(n(py + 4))
          .append("\" class=\"a\" text-anchor=\"end\">")
          .append(esc(trim(y)))
          .append("</text>");
    }
    b.append("<text x=\"").append(left).append("\" y=\"").append(top - 6);
    b.append("\" class=\"a\">▲ ").append(esc(trim(y1) + " = " + shortLabel(maxLabel, 110)));
    b.append("</text><text x=\"").append(left).append("\" y=\"").append(n(top + plotH + 30));
    b.append("\" class=\"a\">▼ ").append(esc(trim(y0) + " = " + shortLabel(minLabel, 110)));
    b.append("</text>");
    for (int k = 0; k < n; k++) {
      if (n <= 12 || k % Math.ceil(n / 12.0) == 0 || k == n - 1) {
        b.append("<text x=\"")
            .append(n(sx.applyAsDouble(k)))
            .append("\" y=\"")
            .append(n(top + plotH + 14))
            .append("\" class=\"a\" text-anchor=\"middle\">")
            .append(k)
            .append("</text>");
      }
    }
    b.append("<text x=\"")
        .append(n(left + pw))
        .append("\" y=\"")
        .append(n(top + plotH + 30))
        .append("\" class=\"a\" text-anchor=\"end\">round</text>");
    for (Track p : paths) {
      StringBuilder pts = new StringBuilder();
      for (int k = 0; k < p.y().length; k++) {
        pts.append(k == 0 ? "" : " ")
            .append(n(sx.applyAsDouble(k)))
            .append(',')
            .append(n(sy.applyAsDouble(p.y()[k])));
      }
      b.append("<polyline fill=\"none\" stroke=\"")
          .append(p.colour())
          .append("\" stroke-width=\"")
          .append(p.dashed() ? "1.5" : "2")
          .append('"')
          .append(p.dashed() ? " stroke-dasharray=\"5 3\"" : "")
          .append(" points=\"")
          .append(pts)
          .append("\"><title>")
          .append(esc(p.name()))
          .append("</title></polyline>");
      for (int k = 0; k < p.y().length; k++) {
        b.append("<circle cx=\"")
            .append(n(sx.applyAsDouble(k)))
            .append("\" cy=\"")
            .append(n(sy.applyAsDouble(p.y()[k])))
            .append("\" r=\"")
            .append(p.dashed() ? "2.5" : "3.5")
            .append("\" fill=\"")
            .append(p.colour())
            .append("\" stroke=\"#fff\" stroke-width=\"0.8\"><title>")
            .append(esc(p.name() + ", round " + k + ": " + trim(p.y()[k])))
            .append("</title></circle>");
      }
    }
    return b.append("</svg>").toString();
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

  private static StringBuilder open(int w, int h, String title) {
    return new StringBuilder()
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(w)
        .append(' ')
        .append(h)
        .append("\" width=\"100%\" role=\"img\" aria-label=\"")
        .append(esc(title))
        .append("\">");
  }

  private static String rect(double x, double y, double w, double h, String fill) {
    return "<rect x=\""
        + n(x)
        + "\" y=\""
        + n(y)
        + "\" width=\""
        + n(w)
        + "\" height=\""
        + n(h)
        + "\" fill=\""
        + fill
        + "\"/>";
  }

  private static String line(
      double x1, double y1, double x2, double y2, String colour, double width, boolean dashed) {
    return "<line x1=\""
        + n(x1)
        + "\" y1=\""
        + n(y1)
        + "\" x2=\""
        + n(x2)
        + "\" y2=\""
        + n(y2)
        + "\" stroke=\""
        + colour
        + "\" stroke-width=\""
        + n(width)
        + "\""
        + (dashed ? " stroke-dasharray=\"4 3\"" : "")
        + "/>";
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
