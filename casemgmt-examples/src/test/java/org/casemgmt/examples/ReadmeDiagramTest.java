package org.casemgmt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.casemgmt.export.PhaseDiagrams;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's phase diagram equal to the one {@link PhaseDiagrams#mermaid()} draws from the live phase
 * table: change the table, and this test prints the diagram to paste between the README's markers.
 */
class ReadmeDiagramTest {

  private static final String BEGIN = "<!-- phase-diagram:begin";
  private static final String END = "<!-- phase-diagram:end";

  @Test
  void the_readme_shows_the_diagram_drawn_from_the_phase_table() throws IOException {
    List<String> readme = readme();
    List<String> block = readme.dropUntil(l -> l.startsWith(BEGIN)).drop(1).takeUntil(l -> l.startsWith(END));
    assertTrue(block.size() > 2, "no phase diagram between " + BEGIN + " and " + END + " in the README");
    assertEquals("```mermaid", block.head(), "the diagram is not a mermaid block");
    assertEquals("```", block.last(), "the mermaid block is not closed before " + END);
    String embedded = block.drop(1).dropRight(1).map(l -> l + "\n").mkString();
    assertEquals(PhaseDiagrams.mermaid(), embedded,
        () -> "the README's phase diagram has drifted from the code; paste this between the markers:\n```mermaid\n"
            + PhaseDiagrams.mermaid() + "```");
  }

  @Test
  void the_diagram_follows_the_phase_table_section() throws IOException {
    List<String> readme = readme();
    int tableEnd = readme.indexWhere(l -> l.startsWith("<!-- phase-table:end"));
    int heading = readme.indexOf("## Phase diagram");
    int diagram = readme.indexWhere(l -> l.startsWith(BEGIN));
    assertTrue(tableEnd >= 0 && heading > tableEnd && diagram > heading, "the diagram's section is misplaced");
    assertTrue(readme.slice(tableEnd, heading).forAll(l -> !l.startsWith("## ")),
        "another section stands between the phase table and the diagram");
  }

  /** The README's lines, found from the module directory (where Maven runs tests) or the root. */
  private static List<String> readme() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("README.md");
      if (Files.exists(candidate) && Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("casemgmt-core"))) {
        return List.ofAll(Files.readAllLines(candidate, StandardCharsets.UTF_8));
      }
      dir = dir.getParent();
    }
    throw new AssertionError("README.md not found above " + Path.of("").toAbsolutePath());
  }
}
