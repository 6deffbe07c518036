package org.casemgmt.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.SplittableRandom;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.service.DurationSummary;
import org.casemgmt.service.ServiceProjection;
import org.casemgmt.service.ServiceSettings;
import org.junit.jupiter.api.Test;

/**
 * The simulation's summary is the service projection's: over random scenarios (with and without supervisors), the
 * figures the simulator gives — folded inside the run through a transient projection that is handed each case file
 * as it goes — are exactly what the public projection answers for the events the run streams, folded one by one.
 */
class SummaryByProjectionProperties {

  private static final int SCENARIOS = 10;

  @Test
  void the_summary_is_what_the_public_projection_answers_for_the_streamed_events() {
    SplittableRandom seeds = new SplittableRandom(20261208L);
    for (int s = 0; s < SCENARIOS; s++) {
      long seed = seeds.nextLong();
      SplittableRandom r = new SplittableRandom(seed);
      Scenario scenario = Scenarios.random(r, 120).toBuilder().supervisors(r.nextInt(3)).build();
      ArrayList<RecordedEvent> events = new ArrayList<>();
      SimulationResult result = Simulation.run(scenario, new SimulationListener() {
        @Override
        public void onEvent(RecordedEvent event) {
          events.add(event);
        }
      });
      Instant origin = Instant.ofEpochMilli(Run.EPOCH_DAY * 86_400_000L);
      ServiceSettings settings = ServiceSettings.of(scenario.reviewIntervalDays(), scenario.reviewIntervalDays())
          .withWaitingList(StaffId.of("intake")).withObservedFrom(origin).withClosedCasesKept(false);
      for (int m = 1; m <= scenario.managers(); m++) {
        settings = settings.withCapacity(StaffId.of("CM-" + m), scenario.caseload());
      }
      ServiceProjection p = ServiceProjection.empty(settings);
      for (RecordedEvent e : events) {
        p = p.apply(e);
      }
      Instant end = origin.plusMillis(Math.round(scenario.horizonDays() * 86_400_000.0));
      String context = "scenario seed " + seed + ": " + scenario;
      assertEquals(0, p.lateEvents(), context);
      assertEquals(result.arrived(), p.opened(), context);
      assertEquals(result.closed(), p.closed(), context);
      assertEquals(result.openAtEnd(), p.openCount(), context);
      DurationSummary inSystem = p.timeInSystem();
      assertEquals(result.meanTimeInSystem(), inSystem.meanDays(), 0.0, context);
      assertEquals(result.p90TimeInSystem(), inSystem.p90Days(), 0.0, context);
      assertEquals(result.meanTimePerPhase(), p.timeInPhase().mapValues(DurationSummary::meanDays), context);
      assertEquals(result.meanWaitForManager(), p.waitForManager().meanDays(), 0.0, context);
      assertEquals(result.managerUtilisation(), p.utilisation(end), 0.0, context);
      assertEquals(result.meanCasesInSystem(), p.meanOpenCases(end), 0.0, context);
      assertEquals(result.closureReasons(), p.closures(), context);
      assertEquals(result.totalCost(), p.committedCost(), context);
      assertEquals(result.loopBacks().get(LoopBack.REPLAN).getOrElse(0L), p.loopBacks().replans(), context);
      assertEquals(result.loopBacks().get(LoopBack.ADJUST_PLAN).getOrElse(0L),
          p.loopBacks().reviews().get(ReviewDecision.ADJUST_PLAN).getOrElse(0L), context);
      assertEquals(result.commandsAccepted(), p.eventCount(), context);
      assertTrue(p.costs(LocalDate.ofInstant(end, java.time.ZoneOffset.UTC)).nonEmpty() || result.totalCost()
          .amount().signum() == 0, context);
    }
  }
}
