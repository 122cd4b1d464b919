package org.entente.report.html;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small typed SVG writer: elements with attributes and text, where every attribute value and
 * every text is XML-escaped ({@link Svg#esc}), so no caller writes markup by hand. Attributes are
 * given as name-value pairs; a {@code null} value leaves the attribute out, a {@code Double} is
 * written with one decimal ({@link Svg#n}), anything else as its {@code toString}. Element and
 * attribute names are constants of the calling code. Not thread-safe; one per chart.
 */
final class SvgWriter {
  private final StringBuilder b = new StringBuilder();
  private final Deque<String> open = new ArrayDeque<>();

  /** Opens the root {@code <svg>} element of a W×H chart labelled {@code title}. */
  SvgWriter(int w, int h, String title) {
    start(
        "svg",
        "xmlns",
        "http://www.w3.org/2000/svg",
        "viewBox",
        "0 0 " + w + " " + h,
        "width",
        "100%",
        "role",
        "img",
        "aria-label",
        title);
  }

  /** Opens element {@code name}; close it with {@link #end}. */
  SvgWriter start(String name, Object... attributes) {
    tag(name, attributes);
    b.append('>');
    open.push(name);
    return this;
  }

  /** An element without content: {@code <name .../>}. */
  SvgWriter empty(String name, Object... attributes) {
    tag(name, attributes);
    b.append("/>");
    return this;
  }

  /** An element holding only {@code text}. */
  SvgWriter element(String name, String text, Object... attributes) {
    return start(name, attributes).text(text).end();
  }

  /** An element with a {@code <title>} (the tooltip) as its only child. */
  SvgWriter titled(String name, String title, Object... attributes) {
    return start(name, attributes).element("title", title).end();
  }

  /** Text content, escaped. */
  SvgWriter text(String text) {
    b.append(Svg.esc(text));
    return this;
  }

  /** Closes the innermost open element. */
  SvgWriter end() {
    b.append("</").append(open.pop()).append('>');
    return this;
  }

  /** The chart's markup, closing every element still open. */
  Svg.Chart finish() {
    while (!open.isEmpty()) {
      end();
    }
    return new Svg.Chart(b.toString());
  }

  private void tag(String name, Object... attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name-value pairs: " + name);
    }
    b.append('<').append(name);
    for (int i = 0; i < attributes.length; i += 2) {
      Object v = attributes[i + 1];
      if (v != null) {
        String text = v instanceof Double d ? Svg.n(d) : v.toString();
        b.append(' ').append(attributes[i]).append("=\"").append(Svg.esc(text)).append('"');
      }
    }
  }
}
