package org.entente.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An input file to ingest, wherever it lies: a local file, or a file on a Hadoop file system that
 * an engine lists ({@link EventStore#inputs}).
 */
public interface InputFile {
  /** The file as the manifest records it: an absolute local path or a full URI. */
  String path();

  /** The file's own name (its last path element). */
  String name();

  /**
   * Its size in bytes.
   *
   * @throws IOException if it cannot be read
   */
  long size() throws IOException;

  /**
   * Opens it for reading from the start.
   *
   * @throws IOException if it cannot be read
   */
  InputStream open() throws IOException;

  /** The file on this machine's file system, if it lies there. */
  default java.util.Optional<Path> localPath() {
    return java.util.Optional.empty();
  }

  /** A local file. */
  static InputFile local(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return new InputFile() {
      @Override
      public String path() {
        return abs.toString();
      }

      @Override
      public String name() {
        return file.getFileName().toString();
      }

      @Override
      public long size() throws IOException {
        return Files.size(file);
      }

      @Override
      public java.util.Optional<Path> localPath() {
        return java.util.Optional.of(abs);
      }

      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(file, StandardOpenOption.READ);
      }

      @Override
      public String toString() {
        return path();
      }
    };
  }
}
