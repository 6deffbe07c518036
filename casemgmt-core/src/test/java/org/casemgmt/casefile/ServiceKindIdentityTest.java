package org.casemgmt.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import java.time.LocalDate;
import java.util.Locale;
import org.casemgmt.InvalidInputException;
import org.casemgmt.casefile.CaseEvent.*;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.casefile.Rejection.*;
import org.casemgmt.i18n.Labels;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.Referral;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.casemgmt.testkit.CaseFixture;
import org.casemgmt.testkit.Gen;
import org.casemgmt.testkit.Property;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One code, one meaning, inside a case file: {@link Rejection.ConflictingServiceKind}. An organisation's foster
 * placement is exclusive — a child lives with one foster family at a time — and a second provider's catalogue
 * lists the same code as not exclusive. Kinds are values, so without the rule the case would hold two kinds named
 * {@code FOSTER_PLACEMENT}, and the exclusive-overlap rule, which compares kinds, would let two placements overlap.
 */
class ServiceKindIdentityTest {

  // ---------------------------------------------------------------- a case in planning, as facts

  static final CaseId CASE = CaseId.of("CASE-K");
  static final LocalDate DAY0 = LocalDate.of(2026, 1, 5);
  static final StaffId ANNA = StaffId.of("anna");
  static final Client CLIENT = Client.of(ClientId.of("C-K"), "Giulia Neri", LocalDate.of(2014, 6, 2));
  static final Set<LifeDomain> SCOPE = HashSet.of(LifeDomain.HOUSING, LifeDomain.SAFETY, LifeDomain.SOCIAL_INCLUSION);
  static final DayWindow PERIOD = DayWindow.ofDays(DAY0, 365);
  static final NeedId HOME = NeedId.of("N-home");
  static final NeedId SAFE = NeedId.of("N-safe");
  static final NeedId FRIENDS = NeedId.of("N-friends");

  /** The organisation's own exclusive kind, and the same code as another catalogue (wrongly) defines it. */
  static final ServiceKind FOSTER = ServiceKind.exclusive("FOSTER_PLACEMENT");
  static final ServiceKind FOSTER_NOT_EXCLUSIVE = ServiceKind.of("FOSTER_PLACEMENT");
  static final ServiceKind YOUTH_CLUB = ServiceKind.of("YOUTH_CLUB");

  static final Provider FAMILIES = provider("P-families", FOSTER, ServiceKind.COUNSELLING);
  static final Provider OTHER_FAMILIES = provider("P-other", FOSTER_NOT_EXCLUSIVE, ServiceKind.COUNSELLING);
  static final Provider CLUB = provider("P-club", YOUTH_CLUB);

  static final InterventionId FIRST = InterventionId.of("I-foster-1");
  static final InterventionId SECOND = InterventionId.of("I-foster-2");

  static Provider provider(String id, ServiceKind... offers) {
    return Provider.of(ProviderId.of(id), "Provider " + id, ResourceType.THIRD_SECTOR, HashSet.of(offers));
  }

  static LocalDate day(int n) {
    return DAY0.plusDays(n);
  }

  static DayWindow days(int from, int to) {
    return DayWindow.of(day(from), day(to));
  }

  static NeedRecorded need(NeedId id, LifeDomain domain) {
    return new NeedRecorded(Need.of(id, domain, "need " + id, Priority.HIGH, IdentifiedBy.CASE_MANAGER));
  }

  static InterventionPlanned planned(InterventionId id, NeedId need, Provider provider, ServiceKind kind, int from,
      int to) {
    return new InterventionPlanned(Intervention.of(id, HashSet.of(need), HashSet.empty(), provider.id(), kind,
        days(from, to), Money.of(1000)), provider);
  }

  static Command plan(InterventionId id, NeedId need, Provider provider, ServiceKind kind,
      int from, int to) {
    return new PlanIntervention(id, HashSet.of(need), HashSet.empty(), provider, kind,
        days(from, to), Money.of(1000));
  }

  static final List<CaseEvent> PLANNING = List.of(new CaseOpened(CASE, CLIENT, ANNA, SCOPE, DAY0),
      new AssessmentStarted(), need(HOME, LifeDomain.HOUSING), need(SAFE, LifeDomain.SAFETY),
      need(FRIENDS, LifeDomain.SOCIAL_INCLUSION), new AssessmentCompleted(),
      new PlanningStarted(1, PERIOD, Priority.LOW));

  /** The first placement, exclusive, for the need of a home, over days [0, 90). */
  static final List<CaseEvent> PLACED = PLANNING.append(planned(FIRST, HOME, FAMILIES, FOSTER, 0, 90));

  static CaseFixture.Given given(List<CaseEvent> history) {
    return CaseFixture.given(history.toJavaArray(CaseEvent[]::new));
  }

  static final ConflictingServiceKind FOSTER_GIVEN_NOT_EXCLUSIVE =
      new ConflictingServiceKind("FOSTER_PLACEMENT", true, false);

  // ---------------------------------------------------------------- the rule

  @Nested
  class Planning_an_intervention {

    @Test
    void conflicting_service_kind_a_second_placement_given_as_not_exclusive_is_refused() {
      given(PLACED)
          .when(plan(SECOND, SAFE, OTHER_FAMILIES, FOSTER_NOT_EXCLUSIVE, 60, 120))
          .thenRejectedWith(FOSTER_GIVEN_NOT_EXCLUSIVE);
    }

    @Test
    void a_deliberately_conflicting_kind_would_otherwise_have_let_two_placements_overlap() {
      CaseFile placed = given(PLACED).state().getOrElseThrow(AssertionError::new);
      PlanVersion plan = placed.currentPlan().getOrElseThrow(AssertionError::new);
      Intervention second = Intervention.of(SECOND, HashSet.of(SAFE), HashSet.empty(), OTHER_FAMILIES.id(),
          FOSTER_NOT_EXCLUSIVE, days(60, 120), Money.of(1000));
      // Days [60, 90) are shared, yet neither overlap check sees it: another need, and to them another kind.
      assertTrue(plan.findExclusiveClash(second).isEmpty());
      assertTrue(plan.findOverlap(second).isEmpty());
      // So the case file refuses the kind itself, before the overlap checks ...
      given(PLACED).when(plan(SECOND, SAFE, OTHER_FAMILIES, FOSTER_NOT_EXCLUSIVE, 60, 120))
          .thenRejectedWith(FOSTER_GIVEN_NOT_EXCLUSIVE);
      // ... and with the kind as the case knows it, the overlap is found.
      given(PLACED).when(plan(SECOND, SAFE, FAMILIES, FOSTER, 60, 120))
          .thenRejectedWith(new ExclusiveServiceOverlap(SECOND, FIRST, FOSTER, days(60, 90)));
    }

    @Test
    void a_residential_placement_is_exclusive_however_its_kind_is_built() {
      InterventionId first = InterventionId.of("I-res-1");
      Provider homes = provider("P-homes", ServiceKind.RESIDENTIAL_PLACEMENT);
      // The built-in code is reserved: of(...) answers the exclusive constant, and the other meaning cannot be built.
      ServiceKind fromACode = ServiceKind.of("RESIDENTIAL_PLACEMENT");
      assertThrows(InvalidInputException.class, () -> new ServiceKind("RESIDENTIAL_PLACEMENT", false));
      given(PLANNING.append(planned(first, HOME, homes, ServiceKind.RESIDENTIAL_PLACEMENT, 0, 90)))
          .when(plan(SECOND, SAFE, provider("P-homes-2", fromACode), fromACode, 60, 120))
          .thenRejectedWith(
              new ExclusiveServiceOverlap(SECOND, first, ServiceKind.RESIDENTIAL_PLACEMENT, days(60, 90)));
    }

    @Test
    void conflicting_service_kind_brought_by_the_providers_offers_alone_is_refused() {
      // The intervention is counselling; the provider's catalogue also lists the foster placement the other way.
      given(PLACED)
          .when(plan(SECOND, FRIENDS, OTHER_FAMILIES, ServiceKind.COUNSELLING, 0, 30))
          .thenRejectedWith(FOSTER_GIVEN_NOT_EXCLUSIVE);
    }

    @Test
    void conflicting_service_kind_known_only_from_a_providers_offers_is_refused() {
      // The case knows the foster placement only because a provider of its counselling offers it.
      given(PLANNING.append(planned(FIRST, FRIENDS, FAMILIES, ServiceKind.COUNSELLING, 0, 30)))
          .when(plan(SECOND, HOME, provider("P-other-2", FOSTER_NOT_EXCLUSIVE), FOSTER_NOT_EXCLUSIVE, 0, 90))
          .thenRejectedWith(FOSTER_GIVEN_NOT_EXCLUSIVE);
    }

    @Test
    void conflicting_service_kind_of_a_cancelled_intervention_is_refused() {
      given(PLACED.append(new InterventionCancelled(FIRST, DAY0, "family withdrew")))
          .when(plan(SECOND, SAFE, provider("P-other-2", FOSTER_NOT_EXCLUSIVE), FOSTER_NOT_EXCLUSIVE, 0, 90))
          .thenRejectedWith(FOSTER_GIVEN_NOT_EXCLUSIVE);
    }

    @Test
    void conflicting_service_kind_of_an_intervention_whose_provider_no_longer_offers_it_is_refused() {
      // The same provider comes back offering counselling only: the placement is still on the record.
      Provider familiesNow = provider("P-families", ServiceKind.COUNSELLING);
      given(PLACED.append(planned(InterventionId.of("I-talk"), FRIENDS, familiesNow, ServiceKind.COUNSELLING, 0, 30)))
          .when(plan(SECOND, SAFE, provider("P-other-2", FOSTER_NOT_EXCLUSIVE), FOSTER_NOT_EXCLUSIVE, 0, 90))
          .thenRejectedWith(FOSTER_GIVEN_NOT_EXCLUSIVE);
    }

    @Test
    void conflicting_service_kind_known_from_an_earlier_plan_version_is_refused() {
      // An approvable first plan: a goal, the other needs deferred, the client's agreement.
      List<CaseEvent> replanning = PLACED.appendAll(List.of(
          new GoalAdded(Goal.of(GoalId.of("G-home"), HashSet.of(HOME), "a home", "placed", day(90))),
          new NeedDeferred(SAFE, "later"), new NeedDeferred(FRIENDS, "later"), new PlanAgreed(DAY0),
          new PlanApproved(DAY0),
          new ImplementationStarted(), new InterventionStarted(FIRST, day(0)),
          new ReviewRecorded(day(30), HashMap.empty(), ReviewDecision.ADJUST_PLAN)));
      assertEquals(2, given(replanning).state().flatMap(CaseFile::currentPlan).map(PlanVersion::number).getOrElse(0));
      given(replanning)
          .when(plan(SECOND, SAFE, provider("P-other-2", FOSTER_NOT_EXCLUSIVE), FOSTER_NOT_EXCLUSIVE, 90, 120))
          .thenRejectedWith(FOSTER_GIVEN_NOT_EXCLUSIVE);
    }

    @Test
    void conflicting_service_kind_is_found_in_a_large_indexed_plan_cancelled_ones_included() {
      // More than PlanIndex.SCANNED_PLAN_LIMIT interventions: the plan answers from its index, not by a scan.
      List<CaseEvent> large = PLACED;
      for (int i = 0; i < PlanIndex.SCANNED_PLAN_LIMIT + 4; i++) {
        large = large.append(planned(InterventionId.of("I-club-" + i), FRIENDS, CLUB, YOUTH_CLUB, 10 * i, 10 * i + 10));
      }
      large = large.append(new InterventionCancelled(FIRST, DAY0, "family withdrew"));
      CaseFile file = given(large).state().getOrElseThrow(AssertionError::new);
      PlanVersion plan = file.currentPlan().getOrElseThrow(AssertionError::new);
      assertTrue(plan.deliversConflictingKind(FOSTER_NOT_EXCLUSIVE));
      assertTrue(!plan.deliversConflictingKind(FOSTER) && !plan.deliversConflictingKind(YOUTH_CLUB));
      assertTrue(plan.deliversConflictingKind(ServiceKind.exclusive("YOUTH_CLUB")));
      given(large)
          .when(plan(SECOND, SAFE, provider("P-other-2", FOSTER_NOT_EXCLUSIVE), FOSTER_NOT_EXCLUSIVE, 0, 90))
          .thenRejectedWith(FOSTER_GIVEN_NOT_EXCLUSIVE);
    }

    @Test
    void the_kind_as_the_case_knows_it_another_code_or_a_built_in_kind_is_accepted() {
      given(PLACED).when(plan(SECOND, SAFE, provider("P-more", FOSTER), FOSTER, 90, 120))
          .thenEmits(planned(SECOND, SAFE, provider("P-more", FOSTER), FOSTER, 90, 120));
      given(PLACED).when(plan(SECOND, FRIENDS, CLUB, YOUTH_CLUB, 0, 30))
          .thenEmits(planned(SECOND, FRIENDS, CLUB, YOUTH_CLUB, 0, 30));
      given(PLACED).when(plan(SECOND, FRIENDS, FAMILIES, ServiceKind.COUNSELLING, 0, 30))
          .thenEmits(planned(SECOND, FRIENDS, FAMILIES, ServiceKind.COUNSELLING, 0, 30));
    }

    @Test
    void a_refusal_for_another_rule_comes_first_when_the_provider_does_not_offer_the_service() {
      given(PLACED).when(plan(SECOND, SAFE, CLUB, FOSTER_NOT_EXCLUSIVE, 60, 120))
          .thenRejectedWith(new ServiceNotOffered(CLUB.id(), FOSTER_NOT_EXCLUSIVE));
    }
  }

  @Nested
  class Requesting_a_referral {

    final ReferralId first = ReferralId.of("REF-1");

    Command request(String id, NeedId need, Provider provider, ServiceKind service) {
      return new RequestReferral(ReferralId.of(id), HashSet.of(need), provider, service, day(2));
    }

    @Test
    void conflicting_service_kind_in_a_referral_after_an_intervention_is_refused() {
      given(PLACED)
          .when(request("REF-1", SAFE, OTHER_FAMILIES, FOSTER_NOT_EXCLUSIVE))
          .thenRejectedWith(FOSTER_GIVEN_NOT_EXCLUSIVE);
    }

    @Test
    void conflicting_service_kind_known_from_a_referral_is_refused_in_an_intervention() {
      given(PLANNING.append(new ReferralRequested(
          Referral.requested(first, HashSet.of(HOME), FAMILIES, FOSTER, day(1)))))
          .when(plan(SECOND, SAFE, OTHER_FAMILIES, FOSTER_NOT_EXCLUSIVE, 0, 90))
          .thenRejectedWith(FOSTER_GIVEN_NOT_EXCLUSIVE);
    }

    @Test
    void conflicting_service_kind_offered_by_a_referrals_provider_is_refused() {
      // The referral asks for counselling; its provider also offers the foster placement, exclusive.
      given(PLANNING.append(new ReferralRequested(
          Referral.requested(first, HashSet.of(FRIENDS), FAMILIES, ServiceKind.COUNSELLING, day(1)))))
          .when(request("REF-2", HOME, provider("P-other-2", FOSTER_NOT_EXCLUSIVE), FOSTER_NOT_EXCLUSIVE))
          .thenRejectedWith(FOSTER_GIVEN_NOT_EXCLUSIVE);
    }

    @Test
    void a_referral_for_the_kind_as_the_case_knows_it_is_accepted() {
      given(PLACED).when(request("REF-1", SAFE, provider("P-more", FOSTER), FOSTER))
          .thenEmits(new ReferralRequested(Referral.requested(first, HashSet.of(SAFE), provider("P-more", FOSTER),
              FOSTER, day(2))));
    }
  }

  // ---------------------------------------------------------------- the property

  /** The kinds the generated steps draw from: two organisation codes each way round, and two built-in kinds. */
  static final List<ServiceKind> POOL = List.of(FOSTER, FOSTER_NOT_EXCLUSIVE, YOUTH_CLUB,
      ServiceKind.exclusive("YOUTH_CLUB"), ServiceKind.COUNSELLING, ServiceKind.RESIDENTIAL_PLACEMENT);
  static final List<NeedId> NEEDS = List.of(HOME, SAFE, FRIENDS);

  /** A step: plan an intervention with one of four provider ids offering some kinds, or cancel a live one. */
  record Step(int provider, Set<ServiceKind> offers, ServiceKind service, NeedId need, int start, boolean cancel) {}

  static final Gen<Step> STEPS = Gen.integers(0, 3).flatMap(provider ->
      Gen.setOf(Gen.elements(POOL.toJavaArray(ServiceKind[]::new)), 1, 3)
          // A provider offering one code both ways cannot be built: keep the first meaning drawn.
          .map(offers -> offers.toList().distinctBy(ServiceKind::code).toLinkedSet()).flatMap(offers ->
              Gen.elements(offers.toJavaArray(ServiceKind[]::new)).flatMap(service ->
                  Gen.elements(NEEDS.toJavaArray(NeedId[]::new)).flatMap(need ->
                      Gen.integers(0, 33).flatMap(start ->
                          Gen.integers(0, 7).map(fate -> new Step(provider, offers, service, need, 10 * start,
                              fate == 0)))))));

  /** What running a sequence of steps found: whether the case agreed with the oracle, and what it went through. */
  record Run(boolean agrees, int conflictsRefused, int largestPlan) {}

  static Run run(CaseFile planning, List<Step> steps) {
    Issued anna = Issued.by(ANNA, CaseFixture.START);
    // The oracle: the offers of each provider id as last accepted, and the kinds of the interventions accepted.
    java.util.Map<Integer, Set<ServiceKind>> offered = new java.util.HashMap<>();
    List<ServiceKind> delivered = List.empty();
    List<InterventionId> live = List.empty();
    CaseFile file = planning;
    int id = 0;
    int conflicts = 0;
    for (Step step : steps) {
      if (step.cancel()) {
        if (!live.isEmpty()) {
          InterventionId cancelled = live.get(step.start() % live.size());
          file = file.handle(anna, new CancelIntervention(cancelled, DAY0, "replanned"))
              .getOrElseThrow(r -> new AssertionError(r.rule()));
          live = live.remove(cancelled);
        }
        continue;
      }
      List<ServiceKind> known = List.ofAll(offered.values()).flatMap(k -> k).appendAll(delivered);
      Set<String> conflicting = step.offers().filter(b -> known.exists(k -> PlanIndex.conflicting(k, b)))
          .map(ServiceKind::code);
      Provider provider = Provider.of(ProviderId.of("P-" + step.provider()), "Provider", ResourceType.THIRD_SECTOR,
          step.offers());
      InterventionId intervention = InterventionId.of("I-" + ++id);
      Either<Rejection, CaseFile> outcome = file.handle(anna, new PlanIntervention(intervention,
          HashSet.of(step.need()), HashSet.empty(), provider, step.service(), DayWindow.ofDays(day(step.start()), 30),
          Money.of(100)));
      Rejection refused = outcome.swap().getOrNull();
      boolean agrees = !conflicting.isEmpty()
          ? refused instanceof ConflictingServiceKind c && conflicting.contains(c.code())
              && c.knownExclusive() != c.givenExclusive()
          // Without a conflict, only the overlap rules may refuse it.
          : refused == null || refused instanceof OverlappingIntervention || refused instanceof ExclusiveServiceOverlap;
      if (!agrees) {
        return new Run(false, conflicts, 0);
      }
      conflicts += conflicting.isEmpty() ? 0 : 1;
      if (refused == null) {
        file = outcome.get();
        offered.put(step.provider(), step.offers());
        delivered = delivered.append(step.service());
        live = live.append(intervention);
      }
      // The case's own knowledge never gives a code two meanings.
      List<ServiceKind> held = file.providers().values().flatMap(Provider::offers).toList()
          .appendAll(file.currentPlan().toList().flatMap(p -> p.interventions().values()).map(Intervention::kind));
      if (held.exists(a -> held.exists(b -> PlanIndex.conflicting(a, b)))) {
        return new Run(false, conflicts, 0);
      }
    }
    return new Run(true, conflicts, file.currentPlan().map(p -> p.interventions().size()).getOrElse(0));
  }

  static final Gen<List<Step>> SEQUENCES = Gen.listOf(STEPS, 0, 60);

  @Test
  void whatever_the_commands_a_code_keeps_one_meaning_and_only_a_conflicting_kind_is_refused_for_it() {
    CaseFile planning = given(PLANNING).state().getOrElseThrow(AssertionError::new);
    Property.forAll(SEQUENCES).maxSize(60).tries(200).check(steps -> run(planning, steps).agrees());
  }

  @Test
  void the_generated_sequences_meet_conflicts_and_reach_past_the_index_threshold() {
    // Otherwise the property above would test the easy cases, or the plan's scan only.
    CaseFile planning = given(PLANNING).state().getOrElseThrow(AssertionError::new);
    Property.forAll(SEQUENCES).maxSize(60).tries(200)
        .findCounterexample(steps -> {
          Run r = run(planning, steps);
          return r.conflictsRefused() == 0 || r.largestPlan() <= PlanIndex.SCANNED_PLAN_LIMIT;
        })
        .getOrElseThrow(() -> new AssertionError("no sequence both meets a conflict and grows a large plan"));
  }

  @Test
  void the_rejection_reads_in_english_and_italian() {
    assertEquals("This command gives the service kind FOSTER_PLACEMENT as not exclusive, but the case already knows it"
            + " as exclusive (one at a time for the client): one code means one kind of service. Correct the kind"
            + " where it is defined, in the organisation's service catalogue.",
        Labels.explain(FOSTER_GIVEN_NOT_EXCLUSIVE, Locale.ENGLISH));
    assertTrue(Labels.explain(FOSTER_GIVEN_NOT_EXCLUSIVE, Locale.ITALIAN)
        .startsWith("Questo comando indica il tipo di servizio FOSTER_PLACEMENT come non esclusivo"));
  }

  @Test
  void the_rejection_carries_a_code_never_prose() {
    assertThrows(InvalidInputException.class, () -> new ConflictingServiceKind("two words", true, false));
    assertThrows(InvalidInputException.class, () -> new ConflictingServiceKind(null, true, false));
    assertEquals("ConflictingServiceKind", FOSTER_GIVEN_NOT_EXCLUSIVE.rule());
  }
}
