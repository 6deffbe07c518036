package org.casemgmt.casefile;

import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.LocalDate;
import java.util.Objects;
import org.casemgmt.FreeText;
import org.casemgmt.internal.Check;
import org.casemgmt.internal.EntityMap;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.Overlap;
import org.casemgmt.plan.Participant;
import org.casemgmt.resource.ServiceKind;

/**
 * One version of a case's individual plan: its period, goals, interventions, deferred needs, budget cap,
 * the client's agreement and the approval. Re-planning makes a new version that starts as a copy of the
 * current one; earlier versions stay on the case file, unchanged.
 *
 * <p>A version is a value: it changes only through the case file's events, so every version a user can
 * see satisfies the plan's invariants. What the rules need to know about its interventions (overlaps,
 * coverage of needs, cost, the service kinds they deliver) is answered by a scan of its few interventions while
 * it has at most {@value PlanIndex#SCANNED_PLAN_LIMIT}, and by a plan index kept up to date one intervention at a
 * time past that, so no rule scans a large plan.
 */
public final class PlanVersion {

  private final int number;
  private final DayWindow period;
  private final Priority coverageThreshold;
  private final EntityMap<GoalId, Goal> goals;
  private final EntityMap<InterventionId, Intervention> interventions;
  private final EntityMap<NeedId, FreeText> deferrals;
  private final Seq<Participant> participants;
  private final Option<Money> budgetCap;
  private final Option<LocalDate> agreedOn;
  private final Option<LocalDate> approvedOn;
  /**
   * What the plan derives from its live interventions, kept up to date one intervention at a time; {@code null}
   * while the plan holds at most {@link PlanIndex#SCANNED_PLAN_LIMIT} interventions, when the queries scan them
   * instead (scanning a few is cheaper than keeping a tree up to date).
   */
  private final PlanIndex index;
  /**
   * Whether an intervention of this version, or of an earlier one it carries over, has started (a started one
   * that was cancelled still started).
   */
  private final boolean anyStarted;

  // One constructor, called by first(), next() and the named changes below. Hand-written copies rather than a
  // builder: a builder object here is not removed by the JIT (measured on the reference lifecycle).
  private PlanVersion(
      int number, DayWindow period, Priority coverageThreshold, EntityMap<GoalId, Goal> goals,
      EntityMap<InterventionId, Intervention> interventions, EntityMap<NeedId, FreeText> deferrals,
      Seq<Participant> participants, Option<Money> budgetCap, Option<LocalDate> agreedOn, Option<LocalDate> approvedOn,
      PlanIndex index, boolean anyStarted) {
    this.number = number;
    this.period = period;
    this.coverageThreshold = coverageThreshold;
    this.goals = goals;
    this.interventions = interventions;
    this.deferrals = deferrals;
    this.participants = participants;
    this.budgetCap = budgetCap;
    this.agreedOn = agreedOn;
    this.approvedOn = approvedOn;
    this.index = index;
    this.anyStarted = anyStarted;
  }

  /**
   * <b>The agreement rule.</b> The client agreed to this version as it stood: any change to what they agreed to —
   * its goals, interventions, deferrals or participants — lapses the agreement, and the plan cannot be approved
   * until they agree again. (A budget cap is the organisation's own decision and changes nothing the client agreed
   * to; a cancellation after approval is part of delivering the plan.) Every change below that touches what the
   * client agreed to takes its agreement from here.
   */
  private static Option<LocalDate> agreementAfterAChangeToWhatWasAgreed() {
    return Option.none();
  }

  static PlanVersion first(DayWindow period, Priority coverageThreshold) {
    return new PlanVersion(1, period, coverageThreshold, EntityMap.empty(), EntityMap.empty(), EntityMap.empty(),
        List.empty(), Option.none(), Option.none(), Option.none(), null, false);
  }

  /**
   * The next version: the same interventions, participants and cap; goals already achieved stay achieved, the
   * others are proposed again (their outcomes stay on record in this version); not agreed, not approved.
   * Deferrals do not carry over: deferring a need is a decision about one plan version, so the new version covers
   * or defers each open need again.
   */
  PlanVersion next(DayWindow newPeriod, Priority newThreshold) {
    EntityMap<GoalId, Goal> proposed = goals.mapValues(g -> g.isAchieved() ? g : g.reproposed());
    return new PlanVersion(number + 1, newPeriod, newThreshold, proposed, interventions, EntityMap.empty(),
        participants, budgetCap, Option.none(), Option.none(), index, anyStarted);
  }

  // ---------------------------------------------------------------- queries

  /** {@return the version number, from 1} */
  public int number() {
    return number;
  }

  /** {@return the period the plan covers; every intervention's window lies inside it} */
  public DayWindow period() {
    return period;
  }

  /** {@return open needs at or above this priority must be covered or deferred before approval} */
  public Priority coverageThreshold() {
    return coverageThreshold;
  }

  /** {@return the plan's goals by id} */
  public Map<GoalId, Goal> goals() {
    return goals.asMap();
  }

  /** {@return the plan's interventions by id, cancelled ones included (they stay on the record)} */
  public Map<InterventionId, Intervention> interventions() {
    return interventions.asMap();
  }

  /** {@return the interventions that are not cancelled, in id order} */
  public Seq<Intervention> liveInterventions() {
    return interventions().values().filter(i -> i.status().isLive()).sortBy(Intervention::id);
  }

  /** {@return how many interventions are not cancelled} */
  public int liveInterventionCount() {
    return index != null ? index.live() : PlanIndex.liveCount(interventions);
  }

  /** {@return whether an intervention of the plan (or of an earlier version it carries over) has started} */
  public boolean anyInterventionStarted() {
    return anyStarted;
  }

  /** {@return needs consciously deferred to a later plan, with the reason (free text)} */
  public Map<NeedId, FreeText> deferrals() {
    return deferrals.asMap();
  }

  /**
   * One goal, looked up without building the {@link #goals()} map.
   *
   * @param id the goal's id
   * @return the goal, or none if the plan has no goal of that id
   * @throws org.casemgmt.InvalidInputException if the id is missing
   */
  public Option<Goal> goal(GoalId id) {
    Check.orThrow(Check.present("id", id));
    return Option.of(goals.get(id));
  }

  /**
   * One intervention, looked up without building the {@link #interventions()} map.
   *
   * @param id the intervention's id
   * @return the intervention, cancelled or not, or none if the plan has no intervention of that id
   * @throws org.casemgmt.InvalidInputException if the id is missing
   */
  public Option<Intervention> intervention(InterventionId id) {
    Check.orThrow(Check.present("id", id));
    return Option.of(interventions.get(id));
  }

  /**
   * Whether a need was consciously deferred in this version, asked without building the {@link #deferrals()} map.
   *
   * @param need the need's id
   * @return whether the plan defers it
   * @throws org.casemgmt.InvalidInputException if the id is missing
   */
  public boolean isDeferred(NeedId need) {
    Check.orThrow(Check.present("need", need));
    return deferrals.containsKey(need);
  }

  /** The goals, for the rules and evolution (no Vavr view). */
  EntityMap<GoalId, Goal> goalMap() {
    return goals;
  }

  /** The interventions, for the rules and evolution (no Vavr view). */
  EntityMap<InterventionId, Intervention> interventionMap() {
    return interventions;
  }

  /** The deferrals, for the rules (no Vavr view). */
  EntityMap<NeedId, FreeText> deferralMap() {
    return deferrals;
  }

  /** {@return who takes part in the plan and what each commits to, in the order named} */
  public Seq<Participant> participants() {
    return participants;
  }

  /** {@return the budget cap, if one is set} */
  public Option<Money> budgetCap() {
    return budgetCap;
  }

  /** {@return the day the client agreed to this version, if they have} */
  public Option<LocalDate> agreedOn() {
    return agreedOn;
  }

  /** {@return the day this version was approved, if it was} */
  public Option<LocalDate> approvedOn() {
    return approvedOn;
  }

  /** {@return whether this version was approved} */
  public boolean isApproved() {
    return approvedOn.isDefined();
  }

  /** {@return the total cost of the interventions that are not cancelled} */
  public Money plannedCost() {
    return index != null ? index.plannedCost() : PlanIndex.plannedCost(interventions);
  }

  /**
   * Whether some live intervention addresses the need. (Approval also counts a need as covered when a provider
   * accepted a referral for it; this answers for the plan's own interventions only.)
   *
   * @param need the need's id
   * @return true if an intervention of this version that is not cancelled addresses it
   * @throws org.casemgmt.InvalidInputException if the need is missing
   */
  public boolean covers(NeedId need) {
    Check.notNull(need, "need");
    return index != null ? index.covers(need) : PlanIndex.covers(interventions, need);
  }

  /** {@return the set of needs addressed by at least one live intervention} */
  public Set<NeedId> coveredNeeds() {
    return index != null ? index.coveredNeeds() : PlanIndex.coveredNeeds(interventions);
  }

  /**
   * The sum of the cost accrued by the given day over all interventions (see {@link Intervention#costAccruedBy}).
   *
   * @param asOf the day to look at
   * @return what the plan's interventions, cancelled ones included, have cost up to that day
   * @throws org.casemgmt.InvalidInputException if the day is missing or unsupported (see
   *     {@link org.casemgmt.plan.DayWindow})
   */
  public Money costToDate(LocalDate asOf) {
    Check.orThrow(Check.day("asOf", asOf));
    Money sum = Money.ZERO;
    for (java.util.Iterator<Intervention> all = interventions.valuesIterator(); all.hasNext(); ) {
      sum = sum.plus(all.next().costAccruedBy(asOf));
    }
    return sum;
  }

  /**
   * The first live intervention that clashes with a candidate under the non-overlap rule: same need and same
   * service kind with a shared day. Looks only at the neighbours by start day, in {@code O(log n)} per need.
   *
   * @param candidate an intervention that is not yet in the plan
   * @return the clash (the existing intervention, the need, the kind and the shared days), or none if the
   *     candidate overlaps nothing
   * @throws org.casemgmt.InvalidInputException if the candidate is missing
   */
  public Option<Overlap> findOverlap(Intervention candidate) {
    Check.notNull(candidate, "candidate");
    return index != null ? index.findOverlap(candidate) : PlanIndex.findOverlap(interventions, candidate);
  }

  /**
   * The first live intervention of the same exclusive kind that shares a day with the candidate, whatever the need.
   *
   * @param candidate an intervention that is not yet in the plan
   * @return the clash (the existing intervention, the kind and the shared days), or none if the candidate's kind
   *     is not exclusive or nothing of that kind shares a day with it
   * @throws org.casemgmt.InvalidInputException if the candidate is missing
   */
  public Option<Overlap> findExclusiveClash(Intervention candidate) {
    Check.notNull(candidate, "candidate");
    return index != null ? index.findExclusiveClash(candidate)
        : PlanIndex.findExclusiveClash(interventions, candidate);
  }

  /**
   * Whether an intervention of this version — cancelled or not, carried over from an earlier version or not —
   * delivers a kind with the code of {@code kind} and the other exclusivity: one code with two meanings.
   */
  boolean deliversConflictingKind(ServiceKind kind) {
    return index != null ? index.deliversConflictingKind(kind) : PlanIndex.deliversConflictingKind(interventions, kind);
  }

  // ---------------------------------------------------------------- changes (applied by events only)

  PlanVersion withGoal(Goal goal) {
    return new PlanVersion(number, period, coverageThreshold, goals.put(goal.id(), goal), interventions, deferrals,
        participants, budgetCap, agreementAfterAChangeToWhatWasAgreed(), approvedOn, index, anyStarted);
  }

  /** The same goals in another lifecycle (activated at approval, evaluated): not a change the client agrees to. */
  PlanVersion withGoals(EntityMap<GoalId, Goal> newGoals) {
    return new PlanVersion(number, period, coverageThreshold, newGoals, interventions, deferrals, participants,
        budgetCap, agreedOn, approvedOn, index, anyStarted);
  }

  /** Adds a planned intervention. */
  PlanVersion withNewIntervention(Intervention intervention) {
    EntityMap<InterventionId, Intervention> all = interventions.put(intervention.id(), intervention);
    PlanIndex grown = index != null ? index.with(intervention)
        : all.size() > PlanIndex.SCANNED_PLAN_LIMIT ? PlanIndex.of(all.valuesIterator()) : null;
    return new PlanVersion(number, period, coverageThreshold, goals, all, deferrals, participants, budgetCap,
        agreementAfterAChangeToWhatWasAgreed(), approvedOn, grown, anyStarted || intervention.startedOn().isDefined());
  }

  /** Replaces an intervention by its next state (started, suspended, completed); the window never changes. */
  PlanVersion withUpdatedIntervention(Intervention intervention) {
    return new PlanVersion(number, period, coverageThreshold, goals, interventions.put(intervention.id(), intervention),
        deferrals, participants, budgetCap, agreedOn, approvedOn, index,
        anyStarted || intervention.startedOn().isDefined());
  }

  /**
   * This version with every intervention not yet over (planned, active or suspended) cancelled on a day, as
   * closing the case does; the index, if the plan is large enough to have one, is rebuilt once from what remains
   * live.
   */
  PlanVersion withOpenWorkCancelled(LocalDate on) {
    EntityMap<InterventionId, Intervention> all = interventions.mapValues(i -> {
      InterventionStatus status = i.status();
      return status == InterventionStatus.PLANNED || status == InterventionStatus.ACTIVE
          || status == InterventionStatus.SUSPENDED ? i.ended(InterventionStatus.CANCELLED, on) : i;
    });
    return all == interventions ? this : new PlanVersion(number, period, coverageThreshold, goals, all, deferrals,
        participants, budgetCap, agreedOn, approvedOn, index == null ? null : PlanIndex.of(all.valuesIterator()),
        anyStarted);
  }

  /**
   * Records a cancellation: the intervention stays on the record but frees its window and its cost. Before
   * approval it changes what the client agreed to; after approval it is part of the plan's delivery.
   */
  PlanVersion withCancelledIntervention(Intervention cancelled) {
    return new PlanVersion(number, period, coverageThreshold, goals, interventions.put(cancelled.id(), cancelled),
        deferrals, participants, budgetCap,
        approvedOn.isDefined() ? agreedOn : agreementAfterAChangeToWhatWasAgreed(), approvedOn,
        index == null ? null : index.without(cancelled), anyStarted);
  }

  PlanVersion withDeferral(NeedId need, FreeText reason) {
    return new PlanVersion(number, period, coverageThreshold, goals, interventions, deferrals.put(need, reason),
        participants, budgetCap, agreementAfterAChangeToWhatWasAgreed(), approvedOn, index, anyStarted);
  }

  PlanVersion withParticipant(Participant participant) {
    return new PlanVersion(number, period, coverageThreshold, goals, interventions, deferrals,
        participants.append(participant), budgetCap, agreementAfterAChangeToWhatWasAgreed(), approvedOn, index,
        anyStarted);
  }

  /** A budget cap is the organisation's own decision: the client's agreement stands. */
  PlanVersion withBudgetCap(Money cap) {
    return new PlanVersion(number, period, coverageThreshold, goals, interventions, deferrals, participants,
        Option.some(cap), agreedOn, approvedOn, index, anyStarted);
  }

  PlanVersion agreed(LocalDate on) {
    return new PlanVersion(number, period, coverageThreshold, goals, interventions, deferrals, participants, budgetCap,
        Option.some(on), approvedOn, index, anyStarted);
  }

  PlanVersion approved(LocalDate on) {
    return new PlanVersion(number, period, coverageThreshold, goals, interventions, deferrals, participants, budgetCap,
        agreedOn, Option.some(on), index, anyStarted);
  }

  // ---------------------------------------------------------------- value semantics (the index is derived)

  @Override
  public boolean equals(Object other) {
    return other instanceof PlanVersion that
        && number == that.number
        && period.equals(that.period)
        && coverageThreshold == that.coverageThreshold
        && goals.equals(that.goals)
        && interventions.equals(that.interventions)
        && deferrals.equals(that.deferrals)
        && participants.equals(that.participants)
        && budgetCap.equals(that.budgetCap)
        && agreedOn.equals(that.agreedOn)
        && approvedOn.equals(that.approvedOn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, period, goals, interventions, deferrals, participants, budgetCap, agreedOn, approvedOn);
  }

  @Override
  public String toString() {
    return "PlanVersion[number=" + number + ", period=" + period + ", goals=" + goals.size()
        + ", interventions=" + interventions.size() + ", deferrals=" + deferrals.size() + ", participants="
        + participants.size() + ", plannedCost=" + plannedCost() + ", budgetCap=" + budgetCap + ", agreedOn="
        + agreedOn + ", approvedOn=" + approvedOn + "]";
  }
}
