package org.casemgmt.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.InvalidHistory;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.PlanVersion;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.plan.Intervention;
import org.junit.jupiter.api.Test;

/**
 * Properties of simulated histories over random scenarios: every history replays to the state the simulator
 * held, and the case files satisfy the invariants. Failures print the scenario's seed; re-run one with
 * {@code -Dcasemgmt.simulation.seed=N}.
 */
class SimulationProperties {

  private static final long SEED = Long.getLong("casemgmt.simulation.seed", 20260101L);
  private static final int SCENARIOS = 12;

  /** Collects every case's history and final state. */
  static final class Recorder implements SimulationListener {
    final Map<CaseId, ArrayList<RecordedEvent>> histories = new LinkedHashMap<>();
    final Map<CaseId, CaseFile> finals = new LinkedHashMap<>();
    long closed;

    @Override
    public void onEvent(RecordedEvent event) {
      histories.computeIfAbsent(event.caseId(), id -> new ArrayList<>()).add(event);
    }

    @Override
    public void onCaseClosed(CaseFile file) {
      closed++;
      finals.put(file.id(), file);
    }

    @Override
    public void onEnd(Seq<CaseFile> openCases) {
      openCases.forEach(f -> finals.put(f.id(), f));
    }
  }

  @Test
  void every_simulated_history_replays_to_the_state_the_simulator_held_and_the_invariants_hold() {
    SplittableRandom seeds = new SplittableRandom(SEED);
    java.util.EnumMap<LoopBack, Long> loopBacks = new java.util.EnumMap<>(LoopBack.class);
    long earlyClosures = 0;
    for (int s = 0; s < SCENARIOS; s++) {
      long scenarioSeed = seeds.nextLong();
      Scenario scenario = Scenarios.random(new SplittableRandom(scenarioSeed), 150);
      Recorder recorder = new Recorder();
      SimulationResult result = Simulation.run(scenario, recorder);
      String context = "scenario seed " + scenarioSeed + ": " + scenario;
      result.loopBacks().forEach((kind, n) -> loopBacks.merge(kind, n, Long::sum));
      earlyClosures += result.closureReasons().get(org.casemgmt.casefile.ClosureReason.CLIENT_WITHDREW).getOrElse(0L);
      assertEquals(result.arrived(), recorder.finals.size(), context);
      assertEquals(result.closed(), recorder.closed, context);
      assertEquals(result.commandsAccepted(), recorder.histories.values().stream().mapToLong(ArrayList::size).sum(),
          context);
      for (Map.Entry<CaseId, CaseFile> entry : recorder.finals.entrySet()) {
        Seq<RecordedEvent> history = List.ofAll(recorder.histories.get(entry.getKey()));
        CaseFile held = entry.getValue();
        Either<InvalidHistory, CaseFile> replayed = CaseFile.replay(history);
        assertTrue(replayed.isRight(), () -> context + ", case " + entry.getKey() + ": " + replayed);
        assertEquals(held, replayed.getOrNull(), () -> context + ", case " + entry.getKey());
        checkInvariants(held, history, context);
      }
    }
    // The property is about every path: the random scenarios must have taken each loop-back and closed early.
    assertEquals(LoopBack.values().length, loopBacks.size(), loopBacks::toString);
    assertTrue(earlyClosures > 0);
  }

  /** Phase and version consistency, and the plan's central invariant, checked independently of the rules. */
  static void checkInvariants(CaseFile file, Seq<RecordedEvent> history, String context) {
    String where = context + ", case " + file.id();
    assertEquals(history.size(), file.version(), where);
    for (int i = 0; i < history.size(); i++) {
      assertEquals(i + 1, history.get(i).sequence(), where);
      assertEquals(file.id(), history.get(i).caseId(), where);
      if (i > 0) {
        assertTrue(!history.get(i).at().isBefore(history.get(i - 1).at()), () -> where + ": time goes backwards");
      }
    }
    assertTrue(history.head().event() instanceof CaseEvent.CaseOpened, where);
    assertEquals(file.isClosed(), file.closure().isDefined(), where);
    assertEquals(file.isClosed(), file.closingReport().isDefined(), where);
    assertEquals(file.isClosed(), history.last().event() instanceof CaseEvent.CaseClosed, where);
    if (file.phase().compareTo(Phase.PLANNING) >= 0 && file.phase() != Phase.CLOSED) {
      assertTrue(file.currentPlan().isDefined(), where);
    }
    for (PlanVersion plan : file.planVersions()) {
      Seq<Intervention> live = plan.liveInterventions();
      for (Intervention a : live) {
        for (Intervention b : live) {
          boolean sameKey = a.kind().equals(b.kind()) && a.needs().exists(b.needs()::contains);
          boolean clash = sameKey || a.kind().exclusive() && a.kind().equals(b.kind());
          assertTrue(a == b || !clash || !a.window().overlaps(b.window()),
              () -> where + ": " + a.id() + " overlaps " + b.id() + " in plan " + plan.number());
        }
      }
    }
  }
}
