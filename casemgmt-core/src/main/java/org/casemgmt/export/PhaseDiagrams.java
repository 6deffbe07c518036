package org.casemgmt.export;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.TreeMap;
import io.vavr.collection.TreeSet;
import java.util.Comparator;
import org.casemgmt.casefile.CommandKind;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.PhaseTable;

/**
 * Diagrams of the phase machine, drawn from the live table ({@link PhaseTable#transitions()} and
 * {@link PhaseTable#permittedWhileSuspended()}), so a picture in a manual, a wiki or a README can never
 * drift from the rules the case file enforces: regenerate it, or test that the embedded copy still equals it.
 *
 * <pre>{@code
 * Files.writeString(Path.of("phases.mmd"), PhaseDiagrams.mermaid());
 * Files.writeString(Path.of("phases.dot"), PhaseDiagrams.dot()); // dot -Tsvg phases.dot > phases.svg
 * }</pre>
 *
 * <p>What is drawn, so that the picture stays readable:
 * <ul>
 *   <li>one edge per pair of phases a command can move a case between, labelled with every command kind that
 *       can make that move (a review, say, leads from monitoring to planning, assessment or evaluation);</li>
 *   <li>commands that keep the phase (recording a need, planning an intervention, a review that continues
 *       monitoring…) are left out: the README's phase table and {@link PhaseTable#permitted} list them;</li>
 *   <li>the start: {@link CommandKind#OPEN_CASE} puts a case in {@link Phase#INTAKE};</li>
 *   <li>suspension, which keeps the phase, as one extra state with the moves a suspended case still has.</li>
 * </ul>
 *
 * <p>The output is deterministic: edges are ordered by the phases' order and labels by the command kinds'
 * order, whatever the order of the table's rows; lines end with {@code \n}.
 */
public final class PhaseDiagrams {

  /** The phase {@link org.casemgmt.casefile.CaseFile#open} puts a new case in; not a row of the table. */
  private static final Phase START = PhaseTable.initial();

  /** The name of the extra state that stands for "suspended, in whatever phase". */
  private static final String SUSPENDED = "SUSPENDED";

  private static final Comparator<Phase> PHASE_ORDER = Comparator.naturalOrder();

  private PhaseDiagrams() {}

  /**
   * The phase machine as a Mermaid {@code stateDiagram-v2}, ready to paste into a {@code ```mermaid} block
   * (GitHub, GitLab and most wikis render it).
   *
   * @return the diagram's source, ending with a newline
   */
  public static String mermaid() {
    StringBuilder out = new StringBuilder("stateDiagram-v2\n");
    out.append("  [*] --> ").append(START).append(" : ").append(CommandKind.OPEN_CASE).append('\n');
    for (Edge edge : edges()) {
      out.append("  ").append(edge.from()).append(" --> ").append(edge.to())
          .append(" : ").append(commaSeparated(edge.commands())).append('\n');
    }
    Suspension suspension = suspension();
    if (!suspension.from().isEmpty()) {
      out.append("  state \"suspended (keeps its phase)\" as ").append(SUSPENDED).append('\n');
      for (Tuple2<Phase, Set<CommandKind>> exit : suspension.exits()) {
        out.append("  ").append(SUSPENDED).append(" --> ").append(exit._1)
            .append(" : ").append(commaSeparated(exit._2)).append('\n');
      }
      out.append("  note right of ").append(SUSPENDED).append(" : ").append(suspensionNote(suspension)).append('\n');
    }
    return out.toString();
  }

  /**
   * The same diagram in Graphviz DOT. Loop-backs (moves to an earlier phase, and the reopening) are dashed.
   *
   * @return the graph's source, ending with a newline
   */
  public static String dot() {
    StringBuilder out = new StringBuilder("digraph phases {\n");
    out.append("  node [shape=box, style=rounded];\n");
    out.append("  start [shape=point];\n");
    for (Phase phase : Phase.values()) {
      out.append("  ").append(phase).append(";\n");
    }
    out.append("  start -> ").append(START).append(" [label=\"").append(CommandKind.OPEN_CASE).append("\"];\n");
    for (Edge edge : edges()) {
      out.append("  ").append(edge.from()).append(" -> ").append(edge.to())
          .append(" [label=\"").append(commaSeparated(edge.commands())).append('"')
          .append(edge.isLoopBack() ? ", style=dashed" : "")
          .append("];\n");
    }
    Suspension suspension = suspension();
    if (!suspension.from().isEmpty()) {
      out.append("  ").append(SUSPENDED)
          .append(" [label=\"suspended\\n(keeps its phase)\", style=\"rounded,dashed\"];\n");
      for (Tuple2<Phase, Set<CommandKind>> exit : suspension.exits()) {
        out.append("  ").append(SUSPENDED).append(" -> ").append(exit._1)
            .append(" [label=\"").append(commaSeparated(exit._2)).append("\"];\n");
      }
      out.append("  suspended_note [shape=note, label=\"").append(suspensionNote(suspension)).append("\"];\n");
      out.append("  suspended_note -> ").append(SUSPENDED).append(" [style=dotted, arrowhead=none];\n");
    }
    out.append("}\n");
    return out.toString();
  }

  // ---------------------------------------------------------------- the graph, derived from the table

  /**
   * A move between two different phases and the command kinds that can make it.
   *
   * @param from     the phase left
   * @param to       the phase entered
   * @param commands the kinds, in declaration order
   */
  private record Edge(Phase from, Phase to, Set<CommandKind> commands) {

    /** A move back to an earlier phase, or out of closure: the loop-backs practice needs. */
    boolean isLoopBack() {
      return to.compareTo(from) < 0;
    }
  }

  /**
   * What suspension looks like in the table.
   *
   * @param from    the phases in which a case may be suspended
   * @param resumes the commands a suspended case accepts that bring it back to its own phase
   * @param exits   the other commands a suspended case accepts, by the phase they lead to
   */
  private record Suspension(Set<Phase> from, Set<CommandKind> resumes, Seq<Tuple2<Phase, Set<CommandKind>>> exits) {}

  /** Every phase-changing move of the table, grouped by (from, to), in phase order. */
  private static Seq<Edge> edges() {
    TreeMap<Tuple2<Phase, Phase>, Set<CommandKind>> byMove = TreeMap.empty(
        Comparator.comparing((Tuple2<Phase, Phase> move) -> move._1, PHASE_ORDER)
            .thenComparing(move -> move._2, PHASE_ORDER));
    for (PhaseTable.Transition t : PhaseTable.transitions()) {
      for (Phase to : t.to()) {
        if (to != t.from()) {
          byMove = byMove.put(Tuple.of(t.from(), to), TreeSet.of(t.command()), Set::union);
        }
      }
    }
    return byMove.map(entry -> new Edge(entry._1._1, entry._1._2, entry._2)).toList();
  }

  /**
   * Suspension from the table: where {@link CommandKind#SUSPEND_CASE} is permitted, and where each command of
   * {@link PhaseTable#permittedWhileSuspended()} leads from those phases. A command that leads every suspended
   * phase back to itself is a resumption; the others are exits.
   */
  private static Suspension suspension() {
    Set<Phase> suspendable = TreeSet.ofAll(PHASE_ORDER, PhaseTable.transitions()
        .filter(t -> t.command() == CommandKind.SUSPEND_CASE)
        .map(PhaseTable.Transition::from));
    Set<CommandKind> resumes = TreeSet.empty();
    TreeMap<Phase, Set<CommandKind>> exits = TreeMap.empty(PHASE_ORDER);
    for (CommandKind kind : TreeSet.ofAll(PhaseTable.permittedWhileSuspended())) {
      boolean resumesOnly = true;
      for (Phase phase : suspendable) {
        for (Phase to : PhaseTable.targets(phase, kind)) {
          if (to != phase) {
            resumesOnly = false;
            exits = exits.put(to, TreeSet.of(kind), Set::union);
          }
        }
      }
      if (resumesOnly) {
        resumes = resumes.add(kind);
      }
    }
    return new Suspension(suspendable, resumes, exits.toList());
  }

  /** The note beside the suspended state: how a case gets there and back. */
  private static String suspensionNote(Suspension suspension) {
    Set<Phase> open = TreeSet.of(PHASE_ORDER, Phase.values()).filter(Phase::isOpen);
    String where = suspension.from().equals(open) ? "any open phase" : commaSeparated(suspension.from());
    String back = suspension.resumes().isEmpty()
        ? ""
        : ", " + commaSeparated(suspension.resumes()) + " back to it";
    return CommandKind.SUSPEND_CASE + " from " + where + back;
  }

  private static String commaSeparated(Iterable<? extends Enum<?>> values) {
    return List.ofAll(values).map(Enum::name).mkString(", ");
  }
}
