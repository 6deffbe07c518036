package org.casemgmt.casefile;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.LocalDate;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.Overlap;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ServiceKind;
import org.casemgmt.testkit.Gen;
import org.casemgmt.testkit.Property;
import org.junit.jupiter.api.Test;

/**
 * A plan answers what the rules ask of its interventions — overlaps, exclusive clashes, coverage, live count,
 * cost, whether any started — by scanning them while it is small and from its index past
 * {@link PlanIndex#SCANNED_PLAN_LIMIT} interventions. These properties build plans of every size on both sides of that
 * line, the way the rules let them grow (only interventions that clash with nothing are added; some are started
 * or cancelled), and check every answer against a brute-force oracle over all the plan's interventions; the
 * last one grows a real case file's plan through {@code PlanIntervention} commands and checks that exactly the
 * clashes the oracle finds are refused, naming the intervention and the days the oracle names.
 */
class PlanIndexProperties {

  private static final LocalDate DAY0 = LocalDate.of(2026, 1, 5);
  private static final DayWindow PERIOD = DayWindow.ofDays(DAY0, 3650);
  /** Enough needs that in a large plan some are addressed by one live intervention, some by none. */
  private static final List<NeedId> NEEDS = List.range(1, 13).map(n -> NeedId.of("N-" + n));
  private static final List<ServiceKind> KINDS =
      List.of(ServiceKind.COUNSELLING, ServiceKind.HOUSING, ServiceKind.RESIDENTIAL_PLACEMENT);

  /** What a generated step proposes: an intervention for one or two needs, then maybe a start or a cancellation. */
  private record Proposal(Set<NeedId> needs, ServiceKind kind, DayWindow window, int fate) {}

  private static final Gen<Proposal> PROPOSALS = Gen.integers(0, 11).flatMap(first ->
      Gen.integers(0, 12).flatMap(second ->
          Gen.integers(0, 2).flatMap(kind ->
              Gen.integers(0, 300).flatMap(start ->
                  Gen.integers(1, 40).flatMap(length ->
                      Gen.integers(0, 5).map(fate -> new Proposal(
                          second < 12 ? HashSet.of(NEEDS.get(first), NEEDS.get(second)) : HashSet.of(NEEDS.get(first)),
                          KINDS.get(kind), DayWindow.ofDays(DAY0.plusDays(start), length), fate)))))));

  /** A plan grown from the proposals the oracle accepts, with the candidates left to ask about. */
  private record Grown(PlanVersion plan, List<Intervention> all, List<Intervention> candidates) {}

  private static Grown grow(List<Proposal> proposals) {
    PlanVersion plan = PlanVersion.first(PERIOD, Priority.LOW);
    List<Intervention> all = List.empty();
    List<Intervention> candidates = List.empty();
    int id = 0;
    for (Proposal p : proposals) {
      Intervention i = Intervention.of(InterventionId.of("I-" + ++id), p.needs(), HashSet.empty(),
          ProviderId.of("P-1"), p.kind(), p.window(), Money.of(10 * id));
      candidates = candidates.append(i);
      if (expectedOverlap(all, i).isDefined() || expectedClash(all, i).isDefined()) {
        continue; // the rules refuse it: it never enters the plan
      }
      plan = plan.withNewIntervention(i);
      all = all.append(i);
      if (p.fate() == 1 || p.fate() == 2) {
        Intervention started = i.started(p.window().start());
        plan = plan.withUpdatedIntervention(started);
        all = all.replace(i, started);
        if (p.fate() == 2) {
          Intervention cancelled = started.ended(InterventionStatus.CANCELLED, p.window().start());
          plan = plan.withCancelledIntervention(cancelled);
          all = all.replace(started, cancelled);
        }
      } else if (p.fate() == 3) {
        Intervention cancelled = i.ended(InterventionStatus.CANCELLED, p.window().start());
        plan = plan.withCancelledIntervention(cancelled);
        all = all.replace(i, cancelled);
      }
    }
    return new Grown(plan, all, candidates);
  }

  /** For the first of the candidate's needs that has one, the clashing live intervention that starts first. */
  private static Option<Overlap> expectedOverlap(List<Intervention> all, Intervention candidate) {
    for (NeedId need : List.range(0, candidate.needCount()).map(candidate::need)) {
      Option<Intervention> first = all
          .filter(i -> i.status().isLive() && i.kind().equals(candidate.kind()) && i.needs().contains(need)
              && i.window().overlaps(candidate.window()))
          .minBy((a, b) -> a.window().start().compareTo(b.window().start()));
      if (first.isDefined()) {
        Intervention i = first.getOrElseThrow(IllegalStateException::new);
        return Option.some(new Overlap(i.id(), Option.some(need), candidate.kind(),
            i.window().intersection(candidate.window()).getOrElseThrow(IllegalStateException::new)));
      }
    }
    return Option.none();
  }

  /** For an exclusive kind, the live intervention of that kind, whatever the need, that clashes and starts first. */
  private static Option<Overlap> expectedClash(List<Intervention> all, Intervention candidate) {
    if (!candidate.kind().exclusive()) {
      return Option.none();
    }
    return all
        .filter(i -> i.status().isLive() && i.kind().equals(candidate.kind())
            && i.window().overlaps(candidate.window()))
        .minBy((a, b) -> a.window().start().compareTo(b.window().start()))
        .map(i -> new Overlap(i.id(), Option.none(), candidate.kind(),
            i.window().intersection(candidate.window()).getOrElseThrow(IllegalStateException::new)));
  }

  private static final Gen<List<Proposal>> PLANS = Gen.listOf(PROPOSALS, 0, 3 * PlanIndex.SCANNED_PLAN_LIMIT);

  @Test
  void answers_every_overlap_and_exclusive_clash_as_a_brute_force_oracle_on_both_sides_of_the_index() {
    Property.forAll(PLANS).tries(300).check(proposals -> {
      Grown g = grow(proposals);
      return g.candidates().forAll(c -> g.plan().findOverlap(c).equals(expectedOverlap(g.all(), c))
          && g.plan().findExclusiveClash(c).equals(expectedClash(g.all(), c)));
    });
  }

  @Test
  void answers_coverage_count_cost_and_start_as_a_brute_force_oracle_on_both_sides_of_the_index() {
    Property.forAll(PLANS).tries(300).check(proposals -> {
      Grown g = grow(proposals);
      PlanVersion plan = g.plan();
      List<Intervention> live = g.all().filter(i -> i.status().isLive());
      Set<NeedId> covered = live.flatMap(Intervention::needs).toSet();
      Money cost = live.foldLeft(Money.ZERO, (sum, i) -> sum.plus(i.cost()));
      return plan.liveInterventionCount() == live.size()
          && plan.plannedCost().equals(cost)
          && plan.coveredNeeds().equals(covered)
          && NEEDS.forAll(n -> plan.covers(n) == covered.contains(n))
          && plan.anyInterventionStarted() == g.all().exists(i -> i.startedOn().isDefined())
          && plan.withOpenWorkCancelled(DAY0.plusDays(400)).liveInterventionCount()
              == live.count(i -> i.status() == InterventionStatus.COMPLETED);
    });
  }

  @Test
  void the_generated_plans_reach_past_the_index_threshold() {
    // Otherwise the two properties above would test the scan only.
    Property.forAll(PLANS).tries(300).findCounterexample(proposals -> grow(proposals).plan().interventions().size()
            <= PlanIndex.SCANNED_PLAN_LIMIT + 4)
        .getOrElseThrow(() -> new AssertionError("no generated plan holds more than SCANNED_PLAN_LIMIT + 4 interventions"));
  }

  private static final java.time.Instant AT = java.time.Instant.parse("2026-01-05T09:00:00Z");
  private static final Issued ANNA = Issued.by(org.casemgmt.party.StaffId.of("anna"), AT);

  /** A case in planning over the ten-year period, with the twelve needs open. */
  private static CaseFile planning() {
    Either<Rejection, CaseFile> file = CaseFile.open(ANNA, Command.OpenCase.of(CaseId.of("C"),
            org.casemgmt.party.Client.of(org.casemgmt.party.ClientId.of("P"), "Client", LocalDate.of(1980, 1, 1)),
            DAY0, org.casemgmt.need.LifeDomain.HOUSING))
        .flatMap(c -> c.handle(ANNA, new Command.StartAssessment()));
    for (NeedId need : NEEDS) {
      file = file.flatMap(c -> c.handle(ANNA, new Command.RecordNeed(need, org.casemgmt.need.LifeDomain.HOUSING,
          "need", Priority.HIGH, org.casemgmt.need.IdentifiedBy.CLIENT)));
    }
    return file.flatMap(c -> c.handle(ANNA, new Command.CompleteAssessment()))
        .flatMap(c -> c.handle(ANNA, Command.StartPlanning.of(PERIOD)))
        .getOrElseThrow(r -> new AssertionError(r.rule()));
  }

  @Test
  void a_plan_growing_past_the_index_threshold_through_real_commands_refuses_exactly_the_clashes_the_oracle_finds() {
    CaseFile start = planning();
    Property.forAll(PLANS).tries(200).check(proposals -> {
      CaseFile file = start;
      List<Intervention> accepted = List.empty();
      int id = 0;
      for (Proposal p : proposals) {
        Intervention i = Intervention.of(InterventionId.of("I-" + ++id), p.needs(), HashSet.empty(),
            ProviderId.of("P-1"), p.kind(), p.window(), Money.of(10));
        Option<Overlap> overlap = expectedOverlap(accepted, i);
        Option<Overlap> clash = expectedClash(accepted, i);
        Either<Rejection, CaseFile> result = file.handle(ANNA, new Command.PlanIntervention(i.id(), p.needs(),
            HashSet.empty(), org.casemgmt.resource.Provider.of(ProviderId.of("P-1"), "Provider",
                org.casemgmt.resource.ResourceType.PUBLIC_SERVICE, HashSet.ofAll(KINDS)),
            p.kind(), p.window(), Money.of(10)));
        Overlap same = overlap.getOrNull();
        Overlap exclusive = clash.getOrNull();
        boolean agrees = same != null
            ? result.swap().exists(r -> r instanceof Rejection.OverlappingIntervention o
                && o.existing().equals(same.existing()) && o.sharedDays().equals(same.sharedDays()))
            : exclusive != null
                ? result.swap().exists(r -> r instanceof Rejection.ExclusiveServiceOverlap o
                    && o.existing().equals(exclusive.existing()) && o.sharedDays().equals(exclusive.sharedDays()))
                : result.isRight();
        if (!agrees) {
          return false;
        }
        if (result.isRight()) {
          file = result.getOrNull();
          accepted = accepted.append(i);
        }
      }
      int planned = accepted.size();
      return file.currentPlan().exists(plan -> plan.interventions().size() == planned
          && plan.liveInterventionCount() == planned);
    });
  }
}
