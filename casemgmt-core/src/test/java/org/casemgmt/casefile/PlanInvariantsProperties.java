package org.casemgmt.casefile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.casemgmt.testkit.CaseGens;
import org.casemgmt.testkit.CaseInvariants;
import org.casemgmt.testkit.Gen;
import org.casemgmt.testkit.Invariant;
import org.casemgmt.testkit.ModelChecker;
import org.casemgmt.testkit.Property;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Properties of the plan: the non-overlap rule on generated windows against a brute-force oracle, and the
 * plan invariants on every plan reachable by generated command sequences.
 */
class PlanInvariantsProperties {

  private static final LocalDate DAY0 = LocalDate.of(2026, 1, 5);
  private static final Issued ANNA = Issued.by(StaffId.of("anna"), Instant.parse("2026-01-05T09:00:00Z"));
  private static final NeedId NEED = NeedId.of("N-1");

  /** Two windows in the same two months, so that overlapping, touching and distant pairs are all common. */
  private static final Gen<Tuple2<DayWindow, DayWindow>> NEARBY_PAIRS =
      CaseGens.dayWindows(DAY0, 60, 30).flatMap(a -> CaseGens.dayWindows(DAY0, 60, 30).map(b -> Tuple.of(a, b)));

  /** The days a window holds, one by one: the slowest, most obviously right definition. */
  private static List<LocalDate> days(DayWindow w) {
    return List.range(0L, w.days()).map(w.start()::plusDays);
  }

  private static boolean shareADayByBruteForce(DayWindow a, DayWindow b) {
    return days(a).exists(days(b)::contains);
  }

  @Nested
  class Overlap_detection {

    @Test
    void is_symmetric_and_agrees_with_a_brute_force_oracle() {
      Property.forAll(NEARBY_PAIRS).check(p -> {
        boolean expected = shareADayByBruteForce(p._1, p._2);
        return p._1.overlaps(p._2) == expected && p._2.overlaps(p._1) == expected
            && p._1.intersection(p._2).map(PlanInvariantsProperties::days)
                .getOrElse(List.empty()).equals(days(p._1).filter(days(p._2)::contains));
      });
    }

    @Test
    void allows_touching_windows_and_refuses_one_shared_day_in_a_real_plan() {
      Gen<Tuple2<DayWindow, Integer>> windowAndLength = CaseGens.dayWindows(DAY0, 200, 60)
          .flatMap(w -> Gen.integers(1, 60).map(n -> Tuple.of(w, n)));
      Property.forAll(windowAndLength).check(p -> {
        DayWindow first = p._1;
        DayWindow touchingAfter = DayWindow.ofDays(first.end(), p._2);
        DayWindow touchingBefore = DayWindow.of(first.start().minusDays(p._2), first.start());
        DayWindow lastDayShared = DayWindow.ofDays(first.end().minusDays(1), p._2);
        DayWindow firstDayShared = DayWindow.of(first.start().minusDays(p._2), first.start().plusDays(1));
        CaseFile plan = planWith(1, first).getOrElseThrow(r -> new AssertionError(r.rule()));
        return planOn(plan, 2, touchingAfter).isRight()
            && planOn(plan, 2, touchingBefore).isRight()
            && refusedForOneSharedDay(planOn(plan, 2, lastDayShared))
            && refusedForOneSharedDay(planOn(plan, 2, firstDayShared));
      });
    }

    private boolean refusedForOneSharedDay(Either<Rejection, CaseFile> result) {
      return result.swap().exists(r -> r instanceof Rejection.OverlappingIntervention o && o.sharedDays().days() == 1);
    }

    /** A case in planning over two years around DAY0 with one need, and one counselling intervention. */
    private Either<Rejection, CaseFile> planWith(int id, DayWindow window) {
      return CaseFile.open(ANNA, Command.OpenCase.of(CaseId.of("CASE-1"),
              Client.of(ClientId.of("C-1"), "Client 1", LocalDate.of(1980, 1, 1)), DAY0.minusDays(120),
              LifeDomain.HOUSING))
          .flatMap(c -> c.handle(ANNA, new Command.StartAssessment()))
          .flatMap(c -> c.handle(ANNA, new Command.RecordNeed(NEED, LifeDomain.HOUSING, "need", Priority.HIGH,
              IdentifiedBy.CLIENT)))
          .flatMap(c -> c.handle(ANNA, new Command.CompleteAssessment()))
          .flatMap(c -> c.handle(ANNA, Command.StartPlanning.of(DayWindow.ofDays(DAY0.minusDays(100), 730))))
          .flatMap(c -> planOn(c, id, window));
    }

    private Either<Rejection, CaseFile> planOn(CaseFile file, int id, DayWindow window) {
      return file.handle(ANNA, new Command.PlanIntervention(InterventionId.of("I-" + id), HashSet.of(NEED),
          HashSet.empty(), Provider.of(ProviderId.of("P-" + id), "Provider", ResourceType.PUBLIC_SERVICE,
              HashSet.of(ServiceKind.COUNSELLING)), ServiceKind.COUNSELLING, window, Money.of(100)));
    }
  }

  @Nested
  class Every_reachable_plan {

    @Test
    void satisfies_the_five_plan_invariants() {
      ModelChecker.Result result = ModelChecker.forCaseFiles().withoutCaseInvariants()
          .invariant(CaseInvariants.NO_OVERLAP)
          .invariant(CaseInvariants.EXCLUSIVE_KINDS_DO_NOT_OVERLAP)
          .invariant(CaseInvariants.LIVE_INTERVENTIONS_ADDRESS_OPEN_NEEDS)
          .invariant(CaseInvariants.APPROVED_PLAN_IS_SOUND)
          .invariant(CaseInvariants.INTERVENTIONS_INSIDE_PERIOD)
          .invariant(CaseInvariants.PLANNED_COST_IS_SUM_OF_LIVE)
          .check();
      System.out.println("PlanInvariantsProperties.five plan invariants: " + result.summary());
    }

    @Test
    void is_never_altered_by_re_planning_once_it_is_an_earlier_version() {
      AtomicLong replans = new AtomicLong();
      ModelChecker.Result result = ModelChecker.forCaseFiles().withoutCaseInvariants()
          .invariant(CaseInvariants.EARLIER_PLAN_VERSIONS_UNCHANGED)
          .invariant(Invariant.of("counts new plan versions", step -> {
            if (step.after().planVersions().size() > 1
                && step.after().planVersions().size() > step.before().planVersions().size()) {
              replans.incrementAndGet();
            }
            return true;
          }))
          .check();
      System.out.println("PlanInvariantsProperties.earlier versions: " + result.summary() + ", " + replans
          + " re-plannings");
      assertTrue(replans.get() >= result.sequences() / 100, "too few re-plannings to say anything: " + replans);
    }

    /**
     * Cost to date, split as the plan counts it. {@code PlanVersion.costToDate} also counts what cancelled
     * interventions accrued before they were cancelled (money really spent), while {@code plannedCost} leaves
     * cancelled interventions out; so the bound is the planned cost of the live interventions plus what the
     * cancelled ones had accrued. The model checker found the counterexample to the stricter statement "cost to
     * date never exceeds the planned cost": start an intervention, cancel it the next day.
     */
    @Test
    void has_a_cost_to_date_never_above_the_total_cost_of_its_live_interventions_plus_what_cancelled_ones_spent() {
      ModelChecker.Result result = ModelChecker.forCaseFiles().withoutCaseInvariants()
          .invariant(Invariant.of("the cost accrued by live interventions never exceeds the planned cost",
              step -> step.after().currentPlan().forAll(plan -> daysToLookAt(step, plan).forAll(day ->
                  !plan.liveInterventions().map(i -> i.costAccruedBy(day)).foldLeft(Money.ZERO, Money::plus)
                      .exceeds(plan.plannedCost())))))
          .invariant(Invariant.of("cost to date never exceeds the planned cost plus what cancelled ones spent",
              step -> step.after().currentPlan().forAll(plan -> daysToLookAt(step, plan).forAll(day ->
                  !plan.costToDate(day).exceeds(plan.interventions().values()
                      .filter(i -> !i.status().isLive())
                      .map(i -> i.costAccruedBy(i.endedOn().getOrElse(day)))
                      .foldLeft(plan.plannedCost(), Money::plus))))))
          .check();
      System.out.println("PlanInvariantsProperties.cost to date: " + result.summary());
    }

    private List<LocalDate> daysToLookAt(org.casemgmt.testkit.CheckedStep step, PlanVersion plan) {
      return List.of(step.after().openedOn(), LocalDate.ofInstant(step.command().issued().at(), java.time.ZoneOffset.UTC),
          plan.period().start(), plan.period().end(), plan.period().end().plusYears(1));
    }
  }
}
