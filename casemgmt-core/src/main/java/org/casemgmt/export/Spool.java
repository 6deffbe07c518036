package org.casemgmt.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text that must be written after text still to come: the OCEL log's objects, which follow all its events in the
 * file but are complete case by case while the events are still being written. Up to {@link #IN_MEMORY} characters
 * are kept in memory (a small log never touches the disk); past that, everything goes to a temporary file, which
 * {@link #copyTo} reads back and deletes. So the heap holds at most the memory part, whatever the log's size.
 */
final class Spool {

  /** Characters kept in memory before spilling to a file: 4 Mi characters, 8 MB. */
  static final int IN_MEMORY = 4 * 1024 * 1024;

  private final int limit;
  private final StringBuilder memory = new StringBuilder();
  private Path file;
  private Writer toFile;

  /** A spool that keeps {@link #IN_MEMORY} characters in memory. */
  Spool() {
    this(IN_MEMORY);
  }

  /** A spool that keeps up to {@code limit} characters in memory (the tests spill a small one). */
  Spool(int limit) {
    this.limit = limit;
  }

  /** Appends text, spilling to the temporary file when the memory part would grow past its limit. */
  void append(CharSequence text) {
    try {
      if (toFile == null && memory.length() + text.length() > limit) {
        file = Files.createTempFile("casemgmt-ocel-objects", ".json");
        toFile = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        toFile.append(memory);
        memory.setLength(0);
        memory.trimToSize();
      }
      if (toFile != null) {
        toFile.append(text);
      } else {
        memory.append(text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@return whether the spool has spilled to a temporary file that is not deleted yet} */
  boolean spilled() {
    return file != null;
  }

  /** Writes everything spooled to {@code out}, in order, then empties the spool and deletes its file. */
  void copyTo(Writer out) {
    try {
      if (toFile == null) {
        out.append(memory);
        memory.setLength(0);
        return;
      }
      toFile.close();
      toFile = null;
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        in.transferTo(out);
      } finally {
        Files.deleteIfExists(file);
        file = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
