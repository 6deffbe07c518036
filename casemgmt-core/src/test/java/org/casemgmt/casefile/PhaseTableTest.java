package org.casemgmt.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.LinkedHashSet;
import org.junit.jupiter.api.Test;

/** The table's own queries; that cases only move along it is proved by CaseFileProperties. */
class PhaseTableTest {

  @Test
  void every_case_starts_in_intake() {
    assertEquals(Phase.INTAKE, PhaseTable.initial());
  }

  @Test
  void resuming_keeps_an_open_phase_and_is_no_move_for_a_closed_case() {
    assertTrue(PhaseTable.allows(Phase.PLANNING, CommandKind.RESUME_CASE, Phase.PLANNING));
    assertFalse(PhaseTable.allows(Phase.PLANNING, CommandKind.RESUME_CASE, Phase.ASSESSMENT));
    assertFalse(PhaseTable.allows(Phase.CLOSED, CommandKind.RESUME_CASE, Phase.CLOSED));
    assertEquals(LinkedHashSet.of(Phase.MONITORING), PhaseTable.targets(Phase.MONITORING, CommandKind.RESUME_CASE));
    assertTrue(PhaseTable.targets(Phase.CLOSED, CommandKind.RESUME_CASE).isEmpty());
  }

  @Test
  void a_suspended_case_accepts_resuming_closing_and_a_hand_over_only() {
    for (CommandKind kind : CommandKind.values()) {
      boolean expected = kind == CommandKind.RESUME_CASE || kind == CommandKind.CLOSE_CASE
          || kind == CommandKind.HAND_OVER;
      assertEquals(expected, PhaseTable.isPermitted(Phase.ASSESSMENT, true, kind), kind.name());
    }
    assertEquals(PhaseTable.permittedWhileSuspended(), PhaseTable.permitted(Phase.EVALUATION, true));
    assertEquals(LinkedHashSet.of(Phase.CLOSED), PhaseTable.reachable(Phase.EVALUATION, true));
  }

  @Test
  void targets_and_allows_agree_with_the_rows() {
    for (PhaseTable.Transition row : PhaseTable.transitions()) {
      for (Phase to : Phase.values()) {
        assertEquals(row.to().contains(to), PhaseTable.allows(row.from(), row.command(), to), row + " " + to);
      }
      assertEquals(row.to(), PhaseTable.targets(row.from(), row.command()));
      assertEquals(row.to().exists(p -> p != row.from()), row.changesPhase());
    }
    assertFalse(PhaseTable.allows(Phase.INTAKE, CommandKind.APPROVE_PLAN, Phase.INTAKE));
    assertTrue(PhaseTable.targets(Phase.INTAKE, CommandKind.APPROVE_PLAN).isEmpty());
  }
}
