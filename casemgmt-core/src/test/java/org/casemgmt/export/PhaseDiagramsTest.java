package org.casemgmt.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.CommandKind;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.PhaseTable;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The diagrams are read back into moves and compared with the table, move by move, so a diagram that forgets
 * a loop-back, invents a move or mislabels one fails here, not in a reader's head.
 */
class PhaseDiagramsTest {

  /** One drawn move: from, to, one command kind that makes it. */
  private record Move(String from, String to, CommandKind command) {}

  private static final Pattern MERMAID_EDGE = Pattern.compile("^  (\\S+) --> (\\S+) : (.+)$");
  private static final Pattern DOT_EDGE = Pattern.compile("^  (\\S+) -> (\\S+) \\[label=\"([^\"]*)\".*\\];$");

  /** The phase-changing moves of the table, computed here without the diagram code's grouping. */
  private static Set<Move> tableMoves() {
    return PhaseTable.transitions()
        .flatMap(t -> t.to().filter(to -> to != t.from()).map(to -> new Move(t.from().name(), to.name(), t.command())))
        .toSet();
  }

  private static Set<Move> moves(String diagram, Pattern edge) {
    return List.of(diagram.split("\n"))
        .map(edge::matcher)
        .filter(Matcher::matches)
        .flatMap(m -> List.of(m.group(3).split(", "))
            .map(kind -> new Move(m.group(1), m.group(2), CommandKind.valueOf(kind))))
        .toSet();
  }

  private static Set<Move> phaseMoves(Set<Move> drawn) {
    Set<String> phases = List.of(Phase.values()).map(Phase::name).toSet();
    return drawn.filter(m -> phases.contains(m.from()) && phases.contains(m.to()));
  }

  @Nested
  class The_mermaid_diagram {

    private final String mermaid = PhaseDiagrams.mermaid();

    @Test
    void is_a_state_diagram_that_ends_with_a_newline() {
      assertTrue(mermaid.startsWith("stateDiagram-v2\n"), mermaid);
      assertTrue(mermaid.endsWith("\n"));
    }

    @Test
    void draws_every_phase_changing_move_of_the_table_and_no_other() {
      Set<Move> drawn = phaseMoves(moves(mermaid, MERMAID_EDGE));
      assertEquals(tableMoves(), drawn, () -> "missing " + tableMoves().removeAll(drawn)
          + ", invented " + drawn.removeAll(tableMoves()));
    }

    @Test
    void draws_each_pair_of_phases_once_and_no_self_loop() {
      List<String> edges = List.of(mermaid.split("\n")).filter(l -> MERMAID_EDGE.matcher(l).matches())
          .map(l -> l.substring(0, l.indexOf(" : ")));
      assertEquals(edges.size(), edges.distinct().size(), edges::toString);
      assertTrue(edges.forAll(e -> !e.trim().split(" --> ")[0].equals(e.trim().split(" --> ")[1])), edges::toString);
    }

    @Test
    void draws_the_loop_backs_practice_needs() {
      Set<Move> drawn = moves(mermaid, MERMAID_EDGE);
      assertTrue(drawn.contains(new Move("MONITORING", "PLANNING", CommandKind.RECORD_REVIEW)));
      assertTrue(drawn.contains(new Move("MONITORING", "ASSESSMENT", CommandKind.RECORD_REVIEW)));
      assertTrue(drawn.contains(new Move("EVALUATION", "PLANNING", CommandKind.REPLAN)));
      assertTrue(drawn.contains(new Move("CLOSED", "ASSESSMENT", CommandKind.REOPEN_CASE)));
    }

    @Test
    void starts_in_the_phase_a_new_case_is_opened_in() {
      Issued issued = Issued.by(StaffId.of("sw-01"), Instant.parse("2026-03-02T09:00:00Z"));
      Client client = Client.of(ClientId.of("C-D"), "Test Person", LocalDate.of(1980, 1, 1));
      Phase opened = CaseFile.open(issued,
              Command.OpenCase.of(CaseId.of("CASE-D"), client, LocalDate.of(2026, 3, 2), LifeDomain.HOUSING))
          .map(CaseFile::phase)
          .getOrElseThrow(r -> new AssertionError(r.rule()));
      assertTrue(moves(mermaid, MERMAID_EDGE).contains(new Move("[*]", opened.name(), CommandKind.OPEN_CASE)), mermaid);
    }

    @Test
    void shows_what_a_suspended_case_still_accepts() {
      Set<Move> fromSuspended = moves(mermaid, MERMAID_EDGE).filter(m -> m.from().equals("SUSPENDED"));
      assertEquals(HashSet.of(new Move("SUSPENDED", "CLOSED", CommandKind.CLOSE_CASE)), fromSuspended);
      String note = List.of(mermaid.split("\n")).find(l -> l.startsWith("  note right of SUSPENDED : "))
          .getOrElseThrow(() -> new AssertionError("no note on suspension: " + mermaid));
      assertTrue(note.contains(CommandKind.SUSPEND_CASE.name()), note);
      PhaseTable.permittedWhileSuspended().filter(k -> !fromSuspended.exists(m -> m.command() == k))
          .forEach(resume -> assertTrue(note.contains(resume.name()), () -> note + " does not name " + resume));
    }

    @Test
    void is_the_same_text_every_time() {
      assertEquals(mermaid, PhaseDiagrams.mermaid());
    }
  }

  @Nested
  class The_dot_graph {

    private final String dot = PhaseDiagrams.dot();

    @Test
    void draws_the_same_moves_as_the_mermaid_diagram() {
      Set<Move> inDot = moves(dot, DOT_EDGE).map(m -> m.from().equals("start") ? new Move("[*]", m.to(), m.command()) : m);
      assertEquals(moves(PhaseDiagrams.mermaid(), MERMAID_EDGE), inDot);
      assertEquals(tableMoves(), phaseMoves(inDot));
    }

    @Test
    void is_well_formed_enough_for_graphviz() {
      assertTrue(dot.startsWith("digraph phases {\n") && dot.endsWith("}\n"), dot);
      List<String> body = List.of(dot.split("\n")).drop(1).dropRight(1);
      assertTrue(body.forAll(l -> l.startsWith("  ") && l.endsWith(";")), dot);
      assertTrue(body.forAll(l -> l.chars().filter(c -> c == '"').count() % 2 == 0), dot);
      assertEquals(1, dot.chars().filter(c -> c == '{').count(), "one graph, no subgraph");
      assertEquals(1, dot.chars().filter(c -> c == '}').count(), "one graph, no subgraph");
    }

    @Test
    void dashes_exactly_the_moves_back_to_an_earlier_phase() {
      List<String> dashed = List.of(dot.split("\n"))
          .filter(l -> DOT_EDGE.matcher(l).matches() && l.contains("style=dashed"));
      Set<Move> expected = tableMoves().filter(m -> Phase.valueOf(m.to()).compareTo(Phase.valueOf(m.from())) < 0);
      assertEquals(expected.map(m -> m.from() + " -> " + m.to()),
          dashed.map(l -> l.trim().substring(0, l.trim().indexOf(" ["))).toSet());
    }

    @Test
    void is_the_same_text_every_time() {
      assertEquals(dot, PhaseDiagrams.dot());
    }
  }
}
