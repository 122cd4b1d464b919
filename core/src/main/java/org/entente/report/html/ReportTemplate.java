package org.entente.report.html;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Renders a {@link ReportModel} through the Mustache template {@code report.mustache} (a resource
 * beside this class). Every {@code {{value}}} is escaped with {@link Svg#esc}; only the charts'
 * markup, written by {@link SvgWriter}, goes in unescaped ({@code {{{markup}}}}). The template is
 * compiled once. Thread-safe.
 */
final class ReportTemplate {
  private static final Mustache TEMPLATE =
      new DefaultMustacheFactory("org/entente/report/html") {
        @Override
        public void encode(String value, Writer writer) {
          try {
            writer.write(Svg.esc(value));
          } catch (IOException e) {
            throw new MustacheException("cannot write the report", e);
          }
        }
      }.compile("report.mustache");

  private ReportTemplate() {}

  /** The report's HTML. */
  static String render(ReportModel model) {
    StringWriter out = new StringWriter(1 << 20);
    try {
      TEMPLATE.execute(out, model).flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
