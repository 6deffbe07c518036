package org.casemgmt.casefile;

import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.LocalDate;
import org.casemgmt.FreeText;
import org.casemgmt.internal.Check;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.StaffId;
import org.casemgmt.party.TeamMember;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Finding;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.Participant;
import org.casemgmt.plan.Referral;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.Resource;
import org.casemgmt.resource.Strength;

/**
 * A fact in the life of a case, in the past tense. An accepted command causes exactly one event, which
 * {@link CaseFile#decide} answers and an application persists; {@link CaseFile#replay} rebuilds the case file
 * from them, checking each against the rules again. Each is wrapped in a {@link RecordedEvent} that says which
 * case, which sequence number, who and when. Free-text fields are redacted in {@code toString}.
 *
 * <pre>{@code
 * switch (recorded.event().kind()) {
 *   case INTERVENTION_STARTED -> notifyProvider(((InterventionStarted) recorded.event()).intervention());
 *   default -> { }
 * }
 * }</pre>
 */
public sealed interface CaseEvent extends Decision {

  /** {@return the kind of the event: one constant per event type, for exhaustive {@code switch}es} */
  EventKind kind();

  /**
   * A case file was opened.
   *
   * @param caseId      the new case's identifier
   * @param client      the person it is about
   * @param caseManager the reference person who took charge: the one the command named, or whoever opened it
   * @param scope       the life domains agreed with the client
   * @param openedOn    the day it was opened
   */
  record CaseOpened(CaseId caseId, Client client, StaffId caseManager, Set<LifeDomain> scope, LocalDate openedOn)
      implements CaseEvent {
    public CaseOpened {
      Check.orThrow(Check.present("caseId", caseId), Check.present("client", client),
          Check.present("caseManager", caseManager), Check.elements("scope", scope, true),
          Check.day("openedOn", openedOn));
    }

    @Override
    public EventKind kind() {
      return EventKind.CASE_OPENED;
    }
  }

  /**
   * The case passed from one case manager to another, with no gap.
   *
   * @param from the previous case manager
   * @param to   the new case manager
   */
  record CaseHandedOver(StaffId from, StaffId to) implements CaseEvent {
    public CaseHandedOver {
      Check.orThrow(Check.present("from", from), Check.present("to", to));
    }

    @Override
    public EventKind kind() {
      return EventKind.CASE_HANDED_OVER;
    }
  }

  /**
   * A member joined the case's team.
   *
   * @param member who, in which role, for which provider, since when
   */
  record TeamMemberJoined(TeamMember member) implements CaseEvent {
    public TeamMemberJoined {
      Check.orThrow(Check.present("member", member));
    }

    @Override
    public EventKind kind() {
      return EventKind.TEAM_MEMBER_JOINED;
    }
  }

  /**
   * A member left the case's team.
   *
   * @param member who left
   * @param on     the day they left
   */
  record TeamMemberLeft(StaffId member, LocalDate on) implements CaseEvent {
    public TeamMemberLeft {
      Check.orThrow(Check.present("member", member), Check.day("on", on));
    }

    @Override
    public EventKind kind() {
      return EventKind.TEAM_MEMBER_LEFT;
    }
  }

  /**
   * The client consented to share life domains with a provider.
   *
   * @param provider the provider
   * @param domains  the domains shared from now on (those not shared before)
   * @param on       the day of the consent
   */
  record ConsentGranted(ProviderId provider, Set<LifeDomain> domains, LocalDate on) implements CaseEvent {
    public ConsentGranted {
      Check.orThrow(Check.present("provider", provider), Check.elements("domains", domains, true),
          Check.day("on", on));
    }

    @Override
    public EventKind kind() {
      return EventKind.CONSENT_GRANTED;
    }
  }

  /**
   * The client withdrew consent to share life domains with a provider.
   *
   * @param provider the provider
   * @param domains  the domains no longer shared
   * @param on       the day of the withdrawal
   */
  record ConsentWithdrawn(ProviderId provider, Set<LifeDomain> domains, LocalDate on) implements CaseEvent {
    public ConsentWithdrawn {
      Check.orThrow(Check.present("provider", provider), Check.elements("domains", domains, true),
          Check.day("on", on));
    }

    @Override
    public EventKind kind() {
      return EventKind.CONSENT_WITHDRAWN;
    }
  }

  /**
   * A supervisor countersigned the plan as it stood (before approval) or the case as it stood (before closure).
   *
   * @param what {@link CommandKind#APPROVE_PLAN} or {@link CommandKind#CLOSE_CASE}
   * @param by   the supervisor who signed
   * @param on   the day of the signature
   */
  record Countersigned(CommandKind what, StaffId by, LocalDate on) implements CaseEvent {
    public Countersigned {
      Check.orThrow(Check.present("what", what), Check.present("by", by), Check.day("on", on));
    }

    @Override
    public EventKind kind() {
      return EventKind.COUNTERSIGNED;
    }
  }

  /**
   * The scope was extended with the client's consent.
   *
   * @param domains     the domains added, none of them in scope before
   * @param consentedOn the day the client consented
   */
  record ScopeExtended(Set<LifeDomain> domains, LocalDate consentedOn) implements CaseEvent {
    public ScopeExtended {
      Check.orThrow(Check.elements("domains", domains, true), Check.day("consentedOn", consentedOn));
    }

    @Override
    public EventKind kind() {
      return EventKind.SCOPE_EXTENDED;
    }
  }

  /**
   * The case was suspended.
   *
   * @param reason why (free text, redacted)
   */
  record CaseSuspended(FreeText reason) implements CaseEvent {
    public CaseSuspended {
      Check.orThrow(Check.freeText("reason", reason));
    }

    /**
     * The same event with its reason given as a plain string.
     *
     * @param reason why; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     */
    public CaseSuspended(String reason) {
      this(Check.freeText(reason));
    }

    @Override
    public EventKind kind() {
      return EventKind.CASE_SUSPENDED;
    }
  }

  /** The case was resumed in the phase it was in. */
  record CaseResumed() implements CaseEvent {
    @Override
    public EventKind kind() {
      return EventKind.CASE_RESUMED;
    }
  }

  /**
   * The case was closed. Work still open that day ended with it: interventions not yet over were cancelled
   * and pending referrals withdrawn, on the closing day.
   *
   * @param reason   why the case ended
   * @param closedOn the day it closed, also the day its open work ended
   * @param note     the closing report's summary (free text, redacted)
   */
  record CaseClosed(ClosureReason reason, LocalDate closedOn, FreeText note) implements CaseEvent {
    public CaseClosed {
      Check.orThrow(Check.present("reason", reason), Check.day("closedOn", closedOn), Check.freeText("note", note));
    }

    /**
     * The same event with its note given as a plain string.
     *
     * @param reason   why the case ended
     * @param closedOn the day it closed
     * @param note     the closing report's summary; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH}
     *                 characters
     */
    public CaseClosed(ClosureReason reason, LocalDate closedOn, String note) {
      this(reason, closedOn, Check.freeText(note));
    }

    @Override
    public EventKind kind() {
      return EventKind.CASE_CLOSED;
    }
  }

  /**
   * A closed case was reopened and went back to assessment.
   *
   * @param reason why (free text, redacted)
   */
  record CaseReopened(FreeText reason) implements CaseEvent {
    public CaseReopened {
      Check.orThrow(Check.freeText("reason", reason));
    }

    /**
     * The same event with its reason given as a plain string.
     *
     * @param reason why; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     */
    public CaseReopened(String reason) {
      this(Check.freeText(reason));
    }

    @Override
    public EventKind kind() {
      return EventKind.CASE_REOPENED;
    }
  }

  /** The assessment started. */
  record AssessmentStarted() implements CaseEvent {
    @Override
    public EventKind kind() {
      return EventKind.ASSESSMENT_STARTED;
    }
  }

  /**
   * A need was recorded.
   *
   * @param need the need as recorded, open
   */
  record NeedRecorded(Need need) implements CaseEvent {
    public NeedRecorded {
      Check.orThrow(Check.present("need", need));
    }

    @Override
    public EventKind kind() {
      return EventKind.NEED_RECORDED;
    }
  }

  /**
   * A need was revised.
   *
   * @param need        the revised need's identifier
   * @param description the new description (free text, redacted)
   * @param priority    the new priority
   */
  record NeedRevised(NeedId need, FreeText description, Priority priority) implements CaseEvent {
    public NeedRevised {
      Check.orThrow(Check.present("need", need), Check.freeText("description", description),
          Check.present("priority", priority));
    }

    /**
     * The same event with its description given as a plain string.
     *
     * @param need        the revised need's identifier
     * @param description the new description; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH}
     *                    characters
     * @param priority    the new priority
     */
    public NeedRevised(NeedId need, String description, Priority priority) {
      this(need, Check.freeText(description), priority);
    }

    @Override
    public EventKind kind() {
      return EventKind.NEED_REVISED;
    }
  }

  /**
   * A need was withdrawn; it stays on the record.
   *
   * @param need   the withdrawn need's identifier
   * @param reason why (free text, redacted)
   */
  record NeedWithdrawn(NeedId need, FreeText reason) implements CaseEvent {
    public NeedWithdrawn {
      Check.orThrow(Check.present("need", need), Check.freeText("reason", reason));
    }

    /**
     * The same event with its reason given as a plain string.
     *
     * @param need   the withdrawn need's identifier
     * @param reason why; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     */
    public NeedWithdrawn(NeedId need, String reason) {
      this(need, Check.freeText(reason));
    }

    @Override
    public EventKind kind() {
      return EventKind.NEED_WITHDRAWN;
    }
  }

  /**
   * One of the client's strengths was recorded.
   *
   * @param strength what the client can do, and in which life domain
   */
  record StrengthRecorded(Strength strength) implements CaseEvent {
    public StrengthRecorded {
      Check.orThrow(Check.present("strength", strength));
    }

    @Override
    public EventKind kind() {
      return EventKind.STRENGTH_RECORDED;
    }
  }

  /**
   * A resource around the client was recorded.
   *
   * @param resource who or what it is, formal or informal, under a new identifier
   */
  record ResourceRecorded(Resource resource) implements CaseEvent {
    public ResourceRecorded {
      Check.orThrow(Check.present("resource", resource));
    }

    @Override
    public EventKind kind() {
      return EventKind.RESOURCE_RECORDED;
    }
  }

  /** The assessment was concluded. */
  record AssessmentCompleted() implements CaseEvent {
    @Override
    public EventKind kind() {
      return EventKind.ASSESSMENT_COMPLETED;
    }
  }

  /**
   * Planning started with a new plan version.
   *
   * @param planVersion       the new version's number: 1, or one more than the version it replaces
   * @param period            the days it covers, {@code [start, end)}
   * @param coverageThreshold the priority from which open needs must be covered or deferred
   */
  record PlanningStarted(int planVersion, DayWindow period, Priority coverageThreshold) implements CaseEvent {
    public PlanningStarted {
      Check.orThrow(Check.atLeast("planVersion", planVersion, 1), Check.present("period", period),
          Check.present("coverageThreshold", coverageThreshold));
    }

    @Override
    public EventKind kind() {
      return EventKind.PLANNING_STARTED;
    }
  }

  /**
   * A goal was added to the plan.
   *
   * @param goal the goal, proposed
   */
  record GoalAdded(Goal goal) implements CaseEvent {
    public GoalAdded {
      Check.orThrow(Check.present("goal", goal));
    }

    @Override
    public EventKind kind() {
      return EventKind.GOAL_ADDED;
    }
  }

  /**
   * An intervention was planned.
   *
   * @param intervention the intervention, planned
   * @param provider     who delivers it, as the command described it; the case keeps it among its providers
   */
  record InterventionPlanned(Intervention intervention, Provider provider) implements CaseEvent {
    public InterventionPlanned {
      Check.orThrow(Check.present("intervention", intervention), Check.present("provider", provider));
    }

    @Override
    public EventKind kind() {
      return EventKind.INTERVENTION_PLANNED;
    }
  }

  /**
   * A need was deferred to a later plan.
   *
   * @param need   the deferred need's identifier
   * @param reason why (free text, redacted)
   */
  record NeedDeferred(NeedId need, FreeText reason) implements CaseEvent {
    public NeedDeferred {
      Check.orThrow(Check.present("need", need), Check.freeText("reason", reason));
    }

    /**
     * The same event with its reason given as a plain string.
     *
     * @param need   the deferred need's identifier
     * @param reason why; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     */
    public NeedDeferred(NeedId need, String reason) {
      this(need, Check.freeText(reason));
    }

    @Override
    public EventKind kind() {
      return EventKind.NEED_DEFERRED;
    }
  }

  /**
   * A budget cap was set for the plan, replacing any earlier one.
   *
   * @param cap the most the plan's live interventions may cost in total at approval
   */
  record BudgetCapSet(Money cap) implements CaseEvent {
    public BudgetCapSet {
      Check.orThrow(Check.present("cap", cap));
    }

    @Override
    public EventKind kind() {
      return EventKind.BUDGET_CAP_SET;
    }
  }

  /**
   * The client agreed to the plan as it stood.
   *
   * @param agreedOn the day of the agreement
   */
  record PlanAgreed(LocalDate agreedOn) implements CaseEvent {
    public PlanAgreed {
      Check.orThrow(Check.day("agreedOn", agreedOn));
    }

    @Override
    public EventKind kind() {
      return EventKind.PLAN_AGREED;
    }
  }

  /**
   * The plan was approved; its proposed goals became active.
   *
   * @param approvedOn the day of approval
   */
  record PlanApproved(LocalDate approvedOn) implements CaseEvent {
    public PlanApproved {
      Check.orThrow(Check.day("approvedOn", approvedOn));
    }

    @Override
    public EventKind kind() {
      return EventKind.PLAN_APPROVED;
    }
  }

  /** The approved plan went into implementation. */
  record ImplementationStarted() implements CaseEvent {
    @Override
    public EventKind kind() {
      return EventKind.IMPLEMENTATION_STARTED;
    }
  }

  /**
   * An intervention started.
   *
   * @param intervention the started intervention's identifier
   * @param on           the day it started, inside its window
   */
  record InterventionStarted(InterventionId intervention, LocalDate on) implements CaseEvent {
    public InterventionStarted {
      Check.orThrow(Check.present("intervention", intervention), Check.day("on", on));
    }

    @Override
    public EventKind kind() {
      return EventKind.INTERVENTION_STARTED;
    }
  }

  /**
   * An intervention was suspended.
   *
   * @param intervention the suspended intervention's identifier
   * @param on           the day it was suspended
   */
  record InterventionSuspended(InterventionId intervention, LocalDate on) implements CaseEvent {
    public InterventionSuspended {
      Check.orThrow(Check.present("intervention", intervention), Check.day("on", on));
    }

    @Override
    public EventKind kind() {
      return EventKind.INTERVENTION_SUSPENDED;
    }
  }

  /**
   * A suspended intervention resumed.
   *
   * @param intervention the resumed intervention's identifier
   * @param on           the day it resumed
   */
  record InterventionResumed(InterventionId intervention, LocalDate on) implements CaseEvent {
    public InterventionResumed {
      Check.orThrow(Check.present("intervention", intervention), Check.day("on", on));
    }

    @Override
    public EventKind kind() {
      return EventKind.INTERVENTION_RESUMED;
    }
  }

  /**
   * An intervention was delivered.
   *
   * @param intervention the completed intervention's identifier
   * @param on           the day it was completed
   */
  record InterventionCompleted(InterventionId intervention, LocalDate on) implements CaseEvent {
    public InterventionCompleted {
      Check.orThrow(Check.present("intervention", intervention), Check.day("on", on));
    }

    @Override
    public EventKind kind() {
      return EventKind.INTERVENTION_COMPLETED;
    }
  }

  /**
   * An intervention was cancelled; it stays on the record and frees its window and its cost.
   *
   * @param intervention the cancelled intervention's identifier
   * @param on           the day it was cancelled
   * @param reason       why (free text, redacted)
   */
  record InterventionCancelled(InterventionId intervention, LocalDate on, FreeText reason) implements CaseEvent {
    public InterventionCancelled {
      Check.orThrow(Check.present("intervention", intervention), Check.day("on", on),
          Check.freeText("reason", reason));
    }

    /**
     * The same event with its reason given as a plain string.
     *
     * @param intervention the cancelled intervention's identifier
     * @param on           the day it was cancelled
     * @param reason       why; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     */
    public InterventionCancelled(InterventionId intervention, LocalDate on, String reason) {
      this(intervention, on, Check.freeText(reason));
    }

    @Override
    public EventKind kind() {
      return EventKind.INTERVENTION_CANCELLED;
    }
  }

  /**
   * A monitoring review was recorded; its decision moved the case on.
   *
   * @param on       the day of the review
   * @param findings what was found per intervention (may be empty)
   * @param decision where the case goes next (see {@link PhaseTable#afterReview})
   */
  record ReviewRecorded(LocalDate on, Map<InterventionId, Finding> findings, ReviewDecision decision)
      implements CaseEvent {
    public ReviewRecorded {
      Check.orThrow(Check.day("on", on), Check.entries("findings", findings), Check.present("decision", decision));
    }

    @Override
    public EventKind kind() {
      return EventKind.REVIEW_RECORDED;
    }
  }

  /** The final evaluation started. */
  record EvaluationStarted() implements CaseEvent {
    @Override
    public EventKind kind() {
      return EventKind.EVALUATION_STARTED;
    }
  }

  /**
   * The outcome of a goal was evaluated.
   *
   * @param goal        the evaluated goal's identifier
   * @param achievement how far it was reached
   */
  record OutcomeRecorded(GoalId goal, GoalAchievement achievement) implements CaseEvent {
    public OutcomeRecorded {
      Check.orThrow(Check.present("goal", goal), Check.present("achievement", achievement));
    }

    @Override
    public EventKind kind() {
      return EventKind.OUTCOME_RECORDED;
    }
  }

  /**
   * The evaluation sent the case back to planning, with a new plan version.
   *
   * @param reason why (free text, redacted)
   * @param period the new version's period, or none if it kept the previous one
   */
  record ReplanningStarted(FreeText reason, Option<DayWindow> period) implements CaseEvent {
    public ReplanningStarted {
      Check.orThrow(Check.freeText("reason", reason), Check.option("period", period));
    }

    /**
     * Re-planning over the previous period.
     *
     * @param reason why (free text, redacted)
     */
    public ReplanningStarted(FreeText reason) {
      this(reason, Option.none());
    }

    /**
     * Re-planning over the previous period, the reason given as a plain string.
     *
     * @param reason why; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     */
    public ReplanningStarted(String reason) {
      this(Check.freeText(reason), Option.none());
    }

    @Override
    public EventKind kind() {
      return EventKind.REPLANNING_STARTED;
    }
  }

  /**
   * A participant was named in the plan.
   *
   * @param participant who and their commitment
   */
  record ParticipantAdded(Participant participant) implements CaseEvent {
    public ParticipantAdded {
      Check.orThrow(Check.present("participant", participant));
    }

    @Override
    public EventKind kind() {
      return EventKind.PARTICIPANT_ADDED;
    }
  }

  /**
   * The client was referred to an external provider.
   *
   * @param referral the referral, requested
   */
  record ReferralRequested(Referral referral) implements CaseEvent {
    public ReferralRequested {
      Check.orThrow(Check.present("referral", referral));
    }

    @Override
    public EventKind kind() {
      return EventKind.REFERRAL_REQUESTED;
    }
  }

  /**
   * The provider accepted a referral.
   *
   * @param referral the accepted referral's identifier
   * @param on       the day of the answer
   */
  record ReferralAccepted(ReferralId referral, LocalDate on) implements CaseEvent {
    public ReferralAccepted {
      Check.orThrow(Check.present("referral", referral), Check.day("on", on));
    }

    @Override
    public EventKind kind() {
      return EventKind.REFERRAL_ACCEPTED;
    }
  }

  /**
   * The provider declined a referral.
   *
   * @param referral the declined referral's identifier
   * @param on       the day of the answer
   * @param reason   why (free text, redacted)
   */
  record ReferralDeclined(ReferralId referral, LocalDate on, FreeText reason) implements CaseEvent {
    public ReferralDeclined {
      Check.orThrow(Check.present("referral", referral), Check.day("on", on), Check.freeText("reason", reason));
    }

    /**
     * The same event with its reason given as a plain string.
     *
     * @param referral the declined referral's identifier
     * @param on       the day of the answer
     * @param reason   why; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     */
    public ReferralDeclined(ReferralId referral, LocalDate on, String reason) {
      this(referral, on, Check.freeText(reason));
    }

    @Override
    public EventKind kind() {
      return EventKind.REFERRAL_DECLINED;
    }
  }

  /**
   * The service of an accepted referral ended.
   *
   * @param referral   the ended referral's identifier
   * @param on         the day it ended
   * @param successful whether it reached its aim
   * @param reason     why not, when it did not (free text, redacted)
   */
  record ReferralCompleted(ReferralId referral, LocalDate on, boolean successful, Option<FreeText> reason)
      implements CaseEvent {
    public ReferralCompleted {
      Check.orThrow(Check.present("referral", referral), Check.day("on", on),
          Check.optionalFreeText("reason", reason, Check.LONG_TEXT));
    }

    @Override
    public EventKind kind() {
      return EventKind.REFERRAL_COMPLETED;
    }
  }
}
