package org.entente.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.entente.ingest.InputFiles;
import org.entente.store.InputFile;
import org.entente.store.StoreException;

/**
 * The input files of an ingest on any Hadoop file system (local paths, {@code hdfs://}, {@code
 * s3a://}): a file named as an argument is always taken; a directory contributes its files
 * (recursively, sorted) and a glob its matches, both without hidden files and files that hold no
 * data by their name ({@link InputFiles#notDataReason}), as the local ingest does.
 */
final class HadoopInputs {
  private HadoopInputs() {}

  /**
   * @throws IllegalArgumentException naming an argument that matches nothing
   */
  static List<InputFile> list(List<String> args, Configuration conf) {
    Map<String, InputFile> out = new LinkedHashMap<>();
    for (String arg : args) {
      try {
        Path p = new Path(arg);
        FileSystem fs = p.getFileSystem(conf);
        FileStatus[] found = fs.globStatus(p);
        if (found == null || found.length == 0) {
          throw new IllegalArgumentException("no such file or directory: " + arg);
        }
        boolean named = found.length == 1 && !arg.matches(".*[*?\\[{].*");
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus s : found) {
          if (s.isDirectory()) {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(s.getPath(), true);
            List<FileStatus> in = new ArrayList<>();
            while (it.hasNext()) {
              in.add(it.next());
            }
            in.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
            for (FileStatus f : in) {
              if (takes(f.getPath())) {
                files.add(f);
              }
            }
          } else if (named || takes(s.getPath())) {
            files.add(s);
          }
        }
        for (FileStatus f : files) {
          out.putIfAbsent(f.getPath().toString(), input(fs, f));
        }
      } catch (IOException e) {
        throw new StoreException("cannot list " + arg + ": " + e.getMessage(), e);
      }
    }
    return new ArrayList<>(out.values());
  }

  /** Whether a file found in a directory or glob may hold data (not hidden, not notes). */
  private static boolean takes(Path p) {
    String rel = p.toUri().getPath();
    return !rel.contains("/.")
        && !rel.contains("/_")
        && InputFiles.notDataReason(p.getName()) == null;
  }

  private static InputFile input(FileSystem fs, FileStatus f) {
    Path p = f.getPath();
    long size = f.getLen();
    String path = "file".equals(p.toUri().getScheme()) ? p.toUri().getPath() : p.toString();
    return new InputFile() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public String name() {
        return p.getName();
      }

      @Override
      public long size() {
        return size;
      }

      @Override
      public InputStream open() throws IOException {
        return fs.open(p);
      }

      @Override
      public String toString() {
        return path;
      }
    };
  }
}
