package org.casemgmt.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.Seq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.CaseView;
import org.casemgmt.casefile.CommandKind;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.party.StaffId;
import org.casemgmt.party.TeamRole;
import org.casemgmt.plan.Intervention;
import org.junit.jupiter.api.Test;

/**
 * A simulated service with supervisors works as a team under a four-eyes policy, on the real rules: nothing is
 * refused, every approval and closure is countersigned just before it by the case's supervisor, providers'
 * representatives deliver their own interventions and see only those; and the flow of cases is the same as alone.
 */
class TeamSimulationTest {

  static final Scenario ALONE = Scenarios.smallReference(5).toBuilder().horizonDays(240).build();
  static final Scenario TEAM = ALONE.toBuilder().supervisors(3).build();

  /** Keeps every event and the files at the end. */
  static final class Recorder implements SimulationListener {
    final ArrayList<RecordedEvent> events = new ArrayList<>();
    final ArrayList<CaseFile> files = new ArrayList<>();

    @Override
    public void onEvent(RecordedEvent event) {
      events.add(event);
    }

    @Override
    public void onCaseClosed(CaseFile file) {
      files.add(file);
    }

    @Override
    public void onEnd(Seq<CaseFile> openCases) {
      openCases.forEach(files::add);
    }
  }

  @Test
  void the_team_changes_the_commands_not_the_flow() {
    SimulationResult alone = Simulation.run(ALONE);
    SimulationResult team = Simulation.run(TEAM);
    assertEquals(0, team.totalRejections(), () -> "rejections: " + team.rejections());
    assertTrue(team.commandsAccepted() > alone.commandsAccepted());
    assertEquals(alone.arrived(), team.arrived());
    assertEquals(alone.closureReasons(), team.closureReasons());
    assertEquals(alone.meanTimeInSystem(), team.meanTimeInSystem(), 1e-9);
    assertEquals(alone.meanTimePerPhase(), team.meanTimePerPhase());
    assertEquals(alone.managerUtilisation(), team.managerUtilisation(), 1e-12);
    assertEquals(alone.loopBacks(), team.loopBacks());
    assertEquals(alone.totalCost(), team.totalCost());
    assertEquals(alone.modelEvents(), team.modelEvents());
  }

  @Test
  void the_longest_review_interval_a_scenario_allows_is_one_the_projection_takes() {
    Scenario longest = ALONE.toBuilder().reviewIntervalDays(Scenario.MAX_REVIEW_INTERVAL_DAYS).horizonDays(60).build();
    assertTrue(Simulation.run(longest).arrived() > 0);
    assertEquals(Scenario.MAX_REVIEW_INTERVAL_DAYS, org.casemgmt.service.ServiceSettings.MAX_DAYS);
  }

  @Test
  void every_approval_and_closure_is_countersigned_by_the_case_s_supervisor_just_before() {
    Recorder r = new Recorder();
    Simulation.run(TEAM, r);
    Map<CaseId, RecordedEvent> previous = new HashMap<>();
    int approvals = 0;
    int closures = 0;
    for (RecordedEvent e : r.events) {
      if (e.event() instanceof CaseEvent.PlanApproved || e.event() instanceof CaseEvent.CaseClosed) {
        RecordedEvent before = previous.get(e.caseId());
        CommandKind what = e.event() instanceof CaseEvent.PlanApproved ? CommandKind.APPROVE_PLAN
            : CommandKind.CLOSE_CASE;
        assertTrue(before.event() instanceof CaseEvent.Countersigned c && c.what() == what
            && c.by().value().startsWith("SUP-") && !c.by().equals(e.actor()), () -> e.caseId() + " " + what);
        approvals += what == CommandKind.APPROVE_PLAN ? 1 : 0;
        closures += what == CommandKind.CLOSE_CASE ? 1 : 0;
      }
      previous.put(e.caseId(), e);
    }
    assertTrue(approvals > 0 && closures > 0, approvals + " approvals, " + closures + " closures");
  }

  @Test
  void representatives_deliver_their_own_interventions_and_see_only_those() {
    Recorder r = new Recorder();
    Simulation.run(TEAM, r);
    long deliveries = r.events.stream()
        .filter(e -> e.event() instanceof CaseEvent.InterventionStarted
            || e.event() instanceof CaseEvent.InterventionCompleted)
        .peek(e -> assertTrue(e.actor().value().startsWith("REP-"), () -> e.actor().value()))
        .count();
    assertTrue(deliveries > 0);
    int views = 0;
    for (CaseFile file : r.files) {
      for (StaffId member : file.team().keySet()) {
        if (file.roleOf(member).contains(TeamRole.PROVIDER_REPRESENTATIVE)) {
          CaseView view = file.viewFor(member).getOrElseThrow(AssertionError::new);
          String provider = member.value().substring("REP-".length());
          assertTrue(view.strengths().isEmpty() && view.client().isEmpty());
          for (Intervention i : view.interventions().values()) {
            assertEquals(provider, i.provider().value(), file.id() + " " + member.value());
          }
          views++;
        }
      }
    }
    assertTrue(views > 0);
  }
}
