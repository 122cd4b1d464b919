package org.entente.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.entente.ingest.CsvFields;

/**
 * Reads an actor table: UTF-8 text with a header row and one actor per row, comma-separated (RFC
 * 4180 quoting) or, when the header has a TAB and no comma, TAB-separated. Lines may end in LF,
 * CRLF or a lone CR (the classic-Mac files of the 2014 replication). Blank lines are skipped.
 *
 * <p>Columns are found by name in any case, with aliases: name ({@code actor}, {@code name}, {@code
 * stakeholder}, {@code player}), capability ({@code capability}, {@code resources}, {@code power},
 * {@code clout}), position ({@code position}, {@code pos}), salience ({@code salience}, {@code
 * importance}, {@code sal}). Other columns are ignored.
 *
 * <p>Salience: {@link SalienceScale#AUTO} divides by 100 when any salience exceeds 1. Every error
 * is an {@link ActorInputException} naming the source, the line and the field. Thread-safe.
 */
public final class ActorReader {
  private static final Map<String, List<String>> ALIASES =
      Map.of(
          "name", List.of("actor", "name", "stakeholder", "player"),
          "capability", List.of("capability", "resources", "power", "clout"),
          "position", List.of("position", "pos"),
          "salience", List.of("salience", "importance", "sal"));
  private static final List<String> FIELDS = List.of("name", "capability", "position", "salience");

  private ActorReader() {}

  /**
   * Reads {@code file}.
   *
   * @throws ActorInputException when the file is not a valid actor table
   * @throws UncheckedIOException when it cannot be read
   */
  public static List<Actor> read(Path file, SalienceScale scale) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ActorInputException(file + ": not valid UTF-8", e);
    }
    return parse(file.toString(), text, scale);
  }

  /**
   * Parses {@code text}; {@code source} names it in error messages.
   *
   * @throws ActorInputException when the text is not a valid actor table
   */
  public static List<Actor> parse(String source, String text, SalienceScale scale) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String[] lines = text.split("\r\n|\r|\n", -1);
    int headerLine = -1;
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        headerLine = i;
        break;
      }
    }
    if (headerLine < 0) {
      throw new ActorInputException(source + ": empty file (a header row is required)");
    }
    boolean tabs = lines[headerLine].contains("\t") && !lines[headerLine].contains(",");
    List<String> header = split(source, headerLine + 1, lines[headerLine], tabs);
    int[] col = new int[FIELDS.size()];
    for (int f = 0; f < FIELDS.size(); f++) {
      // every column naming the field: two (capability and power) leave open which one is meant
      List<String> also = new ArrayList<>();
      col[f] = -1;
      for (int i = 0; i < header.size(); i++) {
        if (ALIASES.get(FIELDS.get(f)).contains(header.get(i).trim().toLowerCase(Locale.ROOT))) {
          also.add(header.get(i).trim());
          col[f] = col[f] < 0 ? i : col[f];
        }
      }
      if (also.size() > 1) {
        throw new ActorInputException(
            source
                + ": line "
                + (headerLine + 1)
                + ": columns "
                + String.join(" and ", also)
                + " both give the "
                + FIELDS.get(f)
                + "; keep one");
      }
      if (col[f] < 0) {
        throw new ActorInputException(
            source
                + ": line "
                + (headerLine + 1)
                + ": no "
                + FIELDS.get(f)
                + " column (accepted names: "
                + String.join(", ", ALIASES.get(FIELDS.get(f)))
                + "; header was: "
                + String.join(",", header)
                + ")");
      }
    }
    List<String> names = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    for (int i = headerLine + 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      int line = i + 1;
      List<String> f = split(source, line, lines[i], tabs);
      int needed = Arrays.stream(col).max().getAsInt() + 1;
      if (f.size() < needed) {
        throw new ActorInputException(
            source + ": line " + line + ": " + f.size() + " fields, expected " + header.size());
      }
      String name = f.get(col[0]).trim();
      if (name.isEmpty()) {
        throw new ActorInputException(source + ": line " + line + ": field name is empty");
      }
      double[] v = new double[3];
      for (int k = 1; k < 4; k++) {
        v[k - 1] = number(source, line, header.get(col[k]), f.get(col[k]));
      }
      if (v[0] < 0) {
        throw new ActorInputException(
            source + ": line " + line + ": field " + header.get(col[1]) + " must be >= 0");
      }
      if (v[2] < 0) {
        throw new ActorInputException(
            source + ": line " + line + ": field " + header.get(col[3]) + " must be >= 0");
      }
      int earlier = names.indexOf(name);
      if (earlier >= 0) {
        throw new ActorInputException(
            source
                + ": line "
                + line
                + ": field "
                + header.get(col[0])
                + ": actor '"
                + name
                + "' is already on line "
                + lineNumbers.get(earlier));
      }
      names.add(name);
      values.add(v);
      lineNumbers.add(line);
    }
    if (names.isEmpty()) {
      throw new ActorInputException(source + ": no actor rows after the header");
    }
    boolean percent =
        switch (scale) {
          case PERCENT -> true;
          case UNIT -> false;
          case AUTO -> values.stream().anyMatch(v -> v[2] > 1);
        };
    double max = percent ? 100 : 1;
    List<Actor> out = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      double[] v = values.get(i);
      if (v[2] > max) {
        throw new ActorInputException(
            source
                + ": line "
                + lineNumbers.get(i)
                + ": field "
                + header.get(col[3])
                + " is "
                + v[2]
                + ", above "
                + (percent ? "100" : "1 (use salience scale 100 or auto for 0..100 inputs)"));
      }
      out.add(new Actor(names.get(i), v[0], v[1], percent ? v[2] / 100 : v[2]));
    }
    return List.copyOf(out);
  }

  private static List<String> split(String source, int line, String text, boolean tabs) {
    if (tabs) {
      return Arrays.asList(text.split("\t", -1));
    }
    List<String> f = CsvFields.texts(text);
    if (f == null) {
      throw new ActorInputException(source + ": line " + line + ": unterminated quoted field");
    }
    return f;
  }

  /** {@code text} as a finite number; else an error naming source, line and field. */
  static double number(String source, int line, String field, String text) {
    String t = text.trim();
    try {
      double d = Double.parseDouble(t);
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ActorInputException(
        source + ": line " + line + ": field " + field + " is not a number: '" + t + "'");
  }
}
