package org.casemgmt.examples;

import io.vavr.collection.List;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading the repository's README and files from the tests that keep the README honest. */
public final class ReadmeText {

  private ReadmeText() {}

  /** Finds a file of the repository from the module directory (where Maven runs tests) or the root. */
  public static Path repositoryFile(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve(relative);
      if (Files.exists(candidate) && Files.exists(dir.resolve("pom.xml"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new AssertionError(relative + " not found above " + Path.of("").toAbsolutePath());
  }

  /** {@return the file's lines, read as UTF-8} */
  public static java.util.List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  /** The lines strictly between the first line starting with {@code begin} and the next starting with {@code end}. */
  public static List<String> between(java.util.List<String> lines, String begin, String end) {
    return List.ofAll(lines)
        .dropUntil(l -> l.trim().startsWith(begin))
        .drop(1)
        .takeUntil(l -> l.trim().startsWith(end));
  }

  /** The lines without the indentation they all share, blank lines emptied. */
  public static List<String> unindented(List<String> lines) {
    int indent = lines.filter(l -> !l.isBlank())
        .map(l -> l.length() - l.stripLeading().length())
        .min()
        .getOrElse(0);
    return lines.map(l -> l.isBlank() ? "" : l.substring(indent));
  }
}
