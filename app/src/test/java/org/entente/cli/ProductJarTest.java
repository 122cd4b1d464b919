package org.entente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product jar as the launcher runs it (target/entente.jar, after the build step
 * src/build/UpgradeClassFiles.java): picocli's classes are Java 8 class files, so a command's
 * class-data archive holds them and a start reads none of them from the jar; the rewritten classes
 * verify and work (help, a usage error, the version). Runs after {@code package} (tag {@code
 * productjar}, its own surefire execution in app/pom.xml).
 */
@Tag("productjar")
class ProductJarTest {
  @TempDir Path tmp;

  private static Path jar() {
    Path jar = Path.of(System.getProperty("basedir", ".")).resolve("target").resolve("entente.jar");
    assumeTrue(Files.isRegularFile(jar), jar + " not built: test skipped (run it after package)");
    return jar;
  }

  private record Run(int exit, String out) {}

  private static Run java(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "java did not finish: " + cmd);
    return new Run(p.exitValue(), out);
  }

  @Test
  void picocliClasses_areJava6OrLater() throws IOException {
    int picocli = 0;
    List<String> old = new ArrayList<>();
    try (ZipFile z = new ZipFile(jar().toFile())) {
      for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
        ZipEntry e = en.nextElement();
        if (!e.getName().endsWith(".class") || !e.getName().startsWith("picocli/")) {
          continue;
        }
        picocli++;
        byte[] head;
        try (InputStream in = z.getInputStream(e)) {
          head = in.readNBytes(8);
        }
        int major = ((head[6] & 0xff) << 8) | (head[7] & 0xff);
        if (major < 50) {
          old.add(e.getName() + " (" + major + ")");
        }
      }
    }
    assertTrue(picocli > 100, "picocli's classes are in the jar: " + picocli);
    assertEquals(
        List.of(),
        old.subList(0, Math.min(3, old.size())),
        old.size() + " class files a class-data archive cannot hold");
  }

  @Test
  void aCommandsArchive_holdsPicocli() throws Exception {
    String jar = jar().toString();
    // a command's archive sits on the JDK's default one, which some JDK builds do not ship
    assumeTrue(
        java("-Xshare:on", "-version").exit() == 0,
        "this JDK has no default class-data archive (the launcher runs without archives):"
            + " test skipped");
    Path archive = tmp.resolve("version.jsa");
    Run record =
        java(
            "-XX:ArchiveClassesAtExit=" + archive,
            "-Xlog:cds=warning",
            "-Xlog:cds+dynamic=warning",
            "-jar",
            jar,
            "--version");
    assertEquals(0, record.exit(), record.out());
    assertTrue(record.out().startsWith("entente "), record.out());
    // (the JDK's own generated reflection accessors are Java 5 classes too: not ours to change)
    List<String> refused =
        record
            .out()
            .lines()
            .filter(l -> l.contains("picocli/"))
            .filter(l -> l.contains("Pre JDK 6 class") || l.contains("Failed over"))
            .toList();
    assertEquals(
        List.of(),
        refused.subList(0, Math.min(3, refused.size())),
        refused.size() + " picocli classes the archive refused");

    Run replay =
        java("-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info", "-jar", jar, "--version");
    assertEquals(0, replay.exit(), replay.out());
    long fromArchive =
        replay.out().lines().filter(l -> l.contains(" picocli.") && l.contains("shared")).count();
    List<String> fromJar =
        replay
            .out()
            .lines()
            .filter(l -> l.contains(" picocli.") && l.contains("source: file:"))
            .toList();
    assertTrue(fromArchive > 50, "picocli classes from the archive: " + fromArchive);
    assertEquals(List.of(), fromJar, "picocli classes read from the jar at start");
  }

  @Test
  void theRewrittenClasses_verifyAndWork() throws Exception {
    String jar = jar().toString();
    // the rewritten parser at work, its classes verified as they load
    Run help = java("-Xverify:all", "-jar", jar, "info", "--help");
    assertEquals(0, help.exit(), help.out());
    assertTrue(help.out().contains("--db"), help.out());
    Run mistake = java("-Xverify:all", "-jar", jar, "info", "--no-such-option");
    assertEquals(2, mistake.exit(), mistake.out());
    assertTrue(mistake.out().contains("--no-such-option"), mistake.out());
  }
}
