package org.casemgmt.casefile;

import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.internal.Check;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.NeedStatus;
import org.casemgmt.party.StaffId;
import org.casemgmt.party.TeamRole;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.InterventionStatus;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReferralStatus;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceId;
import org.casemgmt.resource.ServiceKind;

/**
 * Why a case file refused a command. There is one type per rule, each carrying the ids, dates and amounts a
 * caller needs to explain the refusal — never prose, never personal data. A refused command changes nothing.
 *
 * <pre>{@code
 * caseFile.handle(anna, command).peekLeft(rejection -> {
 *   if (rejection instanceof Rejection.OverlappingIntervention o) {
 *     show("Overlaps " + o.existing() + " on " + o.sharedDays());
 *   }
 * });
 * }</pre>
 */
public sealed interface Rejection extends Decision {

  /** {@return the name of the broken rule, e.g. {@code "OverlappingIntervention"}; stable, safe to log and count} */
  default String rule() {
    return getClass().getSimpleName();
  }

  // ---------------------------------------------------------------- the phase machine and the whole case

  /**
   * The command is not permitted in the case's phase (or while it is suspended).
   *
   * @param command   the refused kind
   * @param phase     the case's phase
   * @param suspended whether the case is suspended
   * @param permitted what the case accepts now
   * @param reachable the phases reachable from here
   */
  record CommandNotPermitted(CommandKind command, Phase phase, boolean suspended, Set<CommandKind> permitted,
      Set<Phase> reachable) implements Rejection {
    public CommandNotPermitted {
      Check.orThrow(Check.present("command", command), Check.present("phase", phase),
          Check.present("permitted", permitted), Check.present("reachable", reachable));
    }
  }

  /**
   * The issuer expected another version: someone else changed the case meanwhile.
   *
   * @param caseId   the case whose version differs
   * @param expected the version the issuer saw
   * @param actual   the case's version
   */
  record VersionConflict(CaseId caseId, long expected, long actual) implements Rejection {
    public VersionConflict {
      Check.orThrow(Check.present("caseId", caseId));
    }
  }

  /**
   * A case file cannot be opened twice.
   *
   * @param caseId the case already open
   */
  record CaseAlreadyOpened(CaseId caseId) implements Rejection {
    public CaseAlreadyOpened {
      Check.orThrow(Check.present("caseId", caseId));
    }
  }

  /**
   * The command is issued before the case was opened.
   *
   * @param at       when the command was issued
   * @param openedAt when the case was opened
   */
  record IssuedBeforeOpening(Instant at, Instant openedAt) implements Rejection {
    public IssuedBeforeOpening {
      Check.orThrow(Check.present("at", at), Check.present("openedAt", openedAt));
    }
  }

  /**
   * The command is issued before the case's latest step: time moves forward within a case, so a resumption comes
   * after its suspension and every step after the one it follows.
   *
   * @param at     when the command was issued
   * @param lastAt when the latest event of the case was recorded
   */
  record IssuedBeforeLastStep(Instant at, Instant lastAt) implements Rejection {
    public IssuedBeforeLastStep {
      Check.orThrow(Check.present("at", at), Check.present("lastAt", lastAt));
    }
  }

  /**
   * A day given in the command falls before the day the case was opened.
   *
   * @param day      the command's day that is too early
   * @param openedOn the day the case was opened
   */
  record DayBeforeOpening(LocalDate day, LocalDate openedOn) implements Rejection {
    public DayBeforeOpening {
      Check.orThrow(Check.present("day", day), Check.present("openedOn", openedOn));
    }
  }

  /**
   * The actor may not issue this command: they are not on the case's team, or the case's {@link Permissions}
   * do not let their role issue it (or not on this intervention or referral, which is another provider's). Checked
   * before every other rule.
   *
   * @param actor   who issued the command
   * @param role    their role on the team; none if they are not on it
   * @param command the refused kind
   */
  record NotAuthorized(StaffId actor, Option<TeamRole> role, CommandKind command) implements Rejection {
    public NotAuthorized {
      Check.orThrow(Check.present("actor", actor), Check.option("role", role), Check.present("command", command));
    }
  }

  /**
   * The person to add to the team is on it already.
   *
   * @param member who
   * @param role   the role they already have
   */
  record AlreadyOnTeam(StaffId member, TeamRole role) implements Rejection {
    public AlreadyOnTeam {
      Check.orThrow(Check.present("member", member), Check.present("role", role));
    }
  }

  /**
   * The person to take off the team is not a member of it (the case manager is not: a case is handed over, not
   * left).
   *
   * @param member who
   */
  record NotOnTeam(StaffId member) implements Rejection {
    public NotOnTeam {
      Check.orThrow(Check.present("member", member));
    }
  }

  /**
   * A member would leave the team before the day they joined it.
   *
   * @param member who
   * @param on     the day given for leaving
   * @param joined the day they joined
   */
  record DayBeforeJoining(StaffId member, LocalDate on, LocalDate joined) implements Rejection {
    public DayBeforeJoining {
      Check.orThrow(Check.present("member", member), Check.day("on", on), Check.day("joined", joined));
    }
  }

  /**
   * The client already shares every one of these life domains with the provider.
   *
   * @param provider the provider
   * @param domains  the domains asked for, all shared already
   */
  record AlreadyShared(ProviderId provider, Set<LifeDomain> domains) implements Rejection {
    public AlreadyShared {
      Check.orThrow(Check.present("provider", provider), Check.present("domains", domains));
    }
  }

  /**
   * The client does not share these life domains with the provider: there is no consent to withdraw, or (where the
   * table limits referrals to consent, {@link Permissions#referralsWithinConsent()}) a referral would carry needs in
   * them.
   *
   * @param provider the provider
   * @param domains  the domains not shared with it
   */
  record NotShared(ProviderId provider, Set<LifeDomain> domains) implements Rejection {
    public NotShared {
      Check.orThrow(Check.present("provider", provider), Check.present("domains", domains));
    }
  }

  /**
   * Only a plan's approval and a case's closure are countersigned, and a plan only once there is one.
   *
   * @param what the kind asked to be countersigned
   */
  record NothingToCountersign(CommandKind what) implements Rejection {
    public NothingToCountersign {
      Check.orThrow(Check.present("what", what));
    }
  }

  /**
   * The case manager cannot countersign their own case: four eyes means someone else's.
   *
   * @param signer the case manager who tried
   */
  record OwnCountersignature(StaffId signer) implements Rejection {
    public OwnCountersignature {
      Check.orThrow(Check.present("signer", signer));
    }
  }

  /**
   * The organisation's policy wants this countersigned first: there is no countersignature, or the plan changed
   * since it was signed, or (for a closure) the case recorded something after it.
   *
   * @param what    the kind that needs a countersignature
   * @param version the case's version now
   */
  record CountersignatureMissing(CommandKind what, long version) implements Rejection {
    public CountersignatureMissing {
      Check.orThrow(Check.present("what", what), Check.atLeast("version", version, 1));
    }
  }

  /**
   * The case is handed over to the person who already holds it.
   *
   * @param caseManager the current case manager
   */
  record AlreadyCaseManager(StaffId caseManager) implements Rejection {
    public AlreadyCaseManager {
      Check.orThrow(Check.present("caseManager", caseManager));
    }
  }

  /**
   * The scope already includes every domain to add.
   *
   * @param domains the domains asked for, all already in scope
   */
  record AlreadyInScope(Set<LifeDomain> domains) implements Rejection {
    public AlreadyInScope {
      Check.orThrow(Check.present("domains", domains));
    }
  }

  /**
   * The closure reason is not allowed in the case's situation: {@code GOALS_ACHIEVED} only from evaluation.
   *
   * @param reason the closure reason the command gave
   * @param phase  the case's phase, where that reason is not allowed
   */
  record ClosureReasonNotAllowed(ClosureReason reason, Phase phase) implements Rejection {
    public ClosureReasonNotAllowed {
      Check.orThrow(Check.present("reason", reason), Check.present("phase", phase));
    }
  }

  /**
   * "No needs identified" while needs are open.
   *
   * @param openNeeds the needs still open, which contradict the reason
   */
  record OpenNeedsRemain(Set<NeedId> openNeeds) implements Rejection {
    public OpenNeedsRemain {
      Check.orThrow(Check.present("openNeeds", openNeeds));
    }
  }

  /**
   * Closing with "goals achieved" while some goal is not evaluated or not achieved: re-plan, or close for
   * another reason.
   *
   * @param notEvaluated goals without an outcome
   * @param notAchieved  goals whose outcome is not "achieved"
   */
  record GoalsNotAchieved(Set<GoalId> notEvaluated, Set<GoalId> notAchieved) implements Rejection {
    public GoalsNotAchieved {
      Check.orThrow(Check.present("notEvaluated", notEvaluated), Check.present("notAchieved", notAchieved));
    }
  }

  // ---------------------------------------------------------------- assessment

  /**
   * The need's life domain is outside the case's agreed scope; extend the scope with consent first.
   *
   * @param need   the need the command would record
   * @param domain its domain, not in scope
   * @param scope  the case's scope
   */
  record NeedOutsideScope(NeedId need, LifeDomain domain, Set<LifeDomain> scope) implements Rejection {
    public NeedOutsideScope {
      Check.orThrow(Check.present("need", need), Check.present("domain", domain), Check.present("scope", scope));
    }
  }

  /**
   * A strength is recorded in a life domain outside the case's agreed scope.
   *
   * @param domain the strength's domain, not in scope
   * @param scope  the case's scope
   */
  record DomainOutsideScope(LifeDomain domain, Set<LifeDomain> scope) implements Rejection {
    public DomainOutsideScope {
      Check.orThrow(Check.present("domain", domain), Check.present("scope", scope));
    }
  }

  /**
   * A need with this id is already recorded.
   *
   * @param need the id already in use
   */
  record DuplicateNeed(NeedId need) implements Rejection {
    public DuplicateNeed {
      Check.orThrow(Check.present("need", need));
    }
  }

  /**
   * No need with this id is recorded.
   *
   * @param need the id the command names
   */
  record UnknownNeed(NeedId need) implements Rejection {
    public UnknownNeed {
      Check.orThrow(Check.present("need", need));
    }
  }

  /**
   * The need is not open (it was withdrawn).
   *
   * @param need   the need the command names
   * @param status its status, not open
   */
  record NeedNotOpen(NeedId need, NeedStatus status) implements Rejection {
    public NeedNotOpen {
      Check.orThrow(Check.present("need", need), Check.present("status", status));
    }
  }

  /**
   * The need cannot be withdrawn while interventions that are not over (planned, active or suspended)
   * address it; cancel them first (delivered ones stay on the record and do not block).
   *
   * @param need          the need the command would withdraw
   * @param interventions the interventions addressing it that are not over
   */
  record NeedStillAddressed(NeedId need, Set<InterventionId> interventions) implements Rejection {
    public NeedStillAddressed {
      Check.orThrow(Check.present("need", need), Check.present("interventions", interventions));
    }
  }

  /**
   * A resource with this id is already recorded.
   *
   * @param resource the id already in use
   */
  record DuplicateResource(ResourceId resource) implements Rejection {
    public DuplicateResource {
      Check.orThrow(Check.present("resource", resource));
    }
  }

  /** The assessment was concluded; needs change again only after a reassessment. */
  record AssessmentAlreadyCompleted() implements Rejection {}

  /** The assessment cannot be concluded without an open need (close with "no needs identified" instead). */
  record NoOpenNeeds() implements Rejection {}

  /** Planning needs a concluded assessment. */
  record AssessmentNotCompleted() implements Rejection {}

  // ---------------------------------------------------------------- planning

  /**
   * A goal with this id is already in the plan.
   *
   * @param goal the id already in use
   */
  record DuplicateGoal(GoalId goal) implements Rejection {
    public DuplicateGoal {
      Check.orThrow(Check.present("goal", goal));
    }
  }

  /**
   * No goal with this id is in the plan.
   *
   * @param goal the id the command names
   */
  record UnknownGoal(GoalId goal) implements Rejection {
    public UnknownGoal {
      Check.orThrow(Check.present("goal", goal));
    }
  }

  /**
   * An intervention with this id is already in the plan.
   *
   * @param intervention the id already in use
   */
  record DuplicateIntervention(InterventionId intervention) implements Rejection {
    public DuplicateIntervention {
      Check.orThrow(Check.present("intervention", intervention));
    }
  }

  /**
   * No intervention with this id is in the plan.
   *
   * @param intervention the id the command names
   */
  record UnknownIntervention(InterventionId intervention) implements Rejection {
    public UnknownIntervention {
      Check.orThrow(Check.present("intervention", intervention));
    }
  }

  /**
   * The provider does not offer this kind of service.
   *
   * @param provider the provider the command names
   * @param kind     the kind asked for, not among its offers
   */
  record ServiceNotOffered(ProviderId provider, ServiceKind kind) implements Rejection {
    public ServiceNotOffered {
      Check.orThrow(Check.present("provider", provider), Check.present("kind", kind));
    }
  }

  /**
   * The intervention's window does not lie inside the plan's period.
   *
   * @param intervention the intervention being planned, or a live one a new plan period would leave out
   * @param window       its window, which reaches outside the period
   * @param period       the plan's period, or the new period asked for
   */
  record WindowOutsidePlanPeriod(InterventionId intervention, DayWindow window, DayWindow period)
      implements Rejection {
    public WindowOutsidePlanPeriod {
      Check.orThrow(Check.present("intervention", intervention), Check.present("window", window),
          Check.present("period", period));
    }
  }

  /**
   * Two interventions of the same kind for the same need would share days: redundant, uncoordinated help
   * (seed 001).
   *
   * @param proposed   the intervention refused
   * @param existing   the live intervention it clashes with
   * @param need       the need both address
   * @param kind       the kind both deliver
   * @param sharedDays the days both windows share
   */
  record OverlappingIntervention(InterventionId proposed, InterventionId existing, NeedId need, ServiceKind kind,
      DayWindow sharedDays) implements Rejection {
    public OverlappingIntervention {
      Check.orThrow(Check.present("proposed", proposed), Check.present("existing", existing),
          Check.present("need", need), Check.present("kind", kind), Check.present("sharedDays", sharedDays));
    }
  }

  /**
   * Two services of an exclusive kind (e.g. a residential placement) would overlap for the client.
   *
   * @param proposed   the intervention refused
   * @param existing   the live intervention it clashes with
   * @param kind       the exclusive kind
   * @param sharedDays the days both windows share
   */
  record ExclusiveServiceOverlap(InterventionId proposed, InterventionId existing, ServiceKind kind,
      DayWindow sharedDays) implements Rejection {
    public ExclusiveServiceOverlap {
      Check.orThrow(Check.present("proposed", proposed), Check.present("existing", existing),
          Check.present("kind", kind), Check.present("sharedDays", sharedDays));
    }
  }

  /**
   * One code, one meaning: the command brings a service kind — its service, or one its provider offers — whose
   * code the case already knows with the other exclusivity, from a provider's offers, an intervention or a
   * referral. Kinds are compared as values, so the two would count as different kinds, and two services the
   * client can receive only one at a time could overlap unseen. Correct the kind where it is defined, in the
   * organisation's {@link org.casemgmt.resource.ServiceCatalogue}.
   *
   * @param code           the kind's code, e.g. {@code "NIGHT_SHELTER"}
   * @param knownExclusive whether the kind the case knows is exclusive
   * @param givenExclusive whether the kind the command brings is exclusive (always the other way round)
   */
  record ConflictingServiceKind(String code, boolean knownExclusive, boolean givenExclusive) implements Rejection {
    /** Throws {@link org.casemgmt.InvalidInputException} unless the code is an identifier: a code, never prose. */
    public ConflictingServiceKind {
      Check.orThrow(Check.identifier("code", code));
    }
  }

  /**
   * The plan was approved; it changes only in a new version.
   *
   * @param planVersion the approved version
   */
  record PlanAlreadyApproved(int planVersion) implements Rejection {}

  /**
   * The plan has no goal.
   *
   * @param planVersion the number of the version that cannot be approved
   */
  record PlanHasNoGoals(int planVersion) implements Rejection {}

  /**
   * The plan has no live intervention.
   *
   * @param planVersion the number of the version that cannot be approved
   */
  record PlanHasNoInterventions(int planVersion) implements Rejection {}

  /**
   * Open needs at or above the threshold are neither covered by a live intervention, nor by a referral a provider
   * accepted, nor deferred.
   *
   * @param needs the open needs the plan leaves uncovered
   */
  record UncoveredNeeds(Set<NeedId> needs) implements Rejection {
    public UncoveredNeeds {
      Check.orThrow(Check.present("needs", needs));
    }
  }

  /**
   * The client's agreement to this plan version is not recorded (or lapsed with a later change).
   *
   * @param planVersion the number of the version without an agreement
   */
  record AgreementMissing(int planVersion) implements Rejection {}

  /**
   * A plan is approved on or after the day the client agreed to it, not before.
   *
   * @param planVersion the number of the version being approved
   * @param approvedOn  the approval day given
   * @param agreedOn    the day the client agreed
   */
  record ApprovalBeforeAgreement(int planVersion, LocalDate approvedOn, LocalDate agreedOn) implements Rejection {
    public ApprovalBeforeAgreement {
      Check.orThrow(Check.present("approvedOn", approvedOn), Check.present("agreedOn", agreedOn));
    }
  }

  /**
   * A monitoring review is dated on or after the previous one, so "last reviewed" never moves back.
   *
   * @param on           the review's day
   * @param lastReviewOn the previous review's day
   */
  record ReviewBeforeLastReview(LocalDate on, LocalDate lastReviewOn) implements Rejection {
    public ReviewBeforeLastReview {
      Check.orThrow(Check.present("on", on), Check.present("lastReviewOn", lastReviewOn));
    }
  }

  /**
   * The plan's cost exceeds its budget cap.
   *
   * @param plannedCost the total cost of the live interventions
   * @param cap         the budget cap it exceeds
   */
  record BudgetExceeded(Money plannedCost, Money cap) implements Rejection {
    public BudgetExceeded {
      Check.orThrow(Check.present("plannedCost", plannedCost), Check.present("cap", cap));
    }
  }

  /**
   * Implementation needs an approved plan.
   *
   * @param planVersion the current version
   */
  record PlanNotApproved(int planVersion) implements Rejection {}

  // ---------------------------------------------------------------- implementation, monitoring, evaluation

  /**
   * The intervention is not in a status that allows the command.
   *
   * @param intervention the intervention the command names
   * @param status       its status now
   * @param required     the statuses that would allow it
   */
  record InterventionNotInStatus(InterventionId intervention, InterventionStatus status,
      Set<InterventionStatus> required) implements Rejection {
    public InterventionNotInStatus {
      Check.orThrow(Check.present("intervention", intervention), Check.present("status", status),
          Check.present("required", required));
    }
  }

  /**
   * An intervention cannot start before its window.
   *
   * @param intervention the intervention the command would start
   * @param on           the start day the command gave
   * @param windowStart  the first day of its window
   */
  record StartBeforeWindow(InterventionId intervention, LocalDate on, LocalDate windowStart) implements Rejection {
    public StartBeforeWindow {
      Check.orThrow(Check.present("intervention", intervention), Check.present("on", on),
          Check.present("windowStart", windowStart));
    }
  }

  /**
   * An intervention starts within its window: on its last day at the latest, not on or after the window's end.
   *
   * @param intervention the intervention the command would start
   * @param on           the start day the command gave
   * @param windowEnd    the window's end (the first day after it)
   */
  record StartAfterWindow(InterventionId intervention, LocalDate on, LocalDate windowEnd) implements Rejection {
    public StartAfterWindow {
      Check.orThrow(Check.present("intervention", intervention), Check.present("on", on),
          Check.present("windowEnd", windowEnd));
    }
  }

  /**
   * A day given for an intervention falls before it started.
   *
   * @param intervention the intervention the command names
   * @param on           the command's day, too early
   * @param startedOn    the day it started
   */
  record BeforeInterventionStart(InterventionId intervention, LocalDate on, LocalDate startedOn)
      implements Rejection {
    public BeforeInterventionStart {
      Check.orThrow(Check.present("intervention", intervention), Check.present("on", on),
          Check.present("startedOn", startedOn));
    }
  }

  /** A review needs at least one intervention of the plan that has started. */
  record NoInterventionStarted() implements Rejection {}

  // ---------------------------------------------------------------- referrals

  /**
   * A referral with this id already exists.
   *
   * @param referral the id already in use
   */
  record DuplicateReferral(ReferralId referral) implements Rejection {
    public DuplicateReferral {
      Check.orThrow(Check.present("referral", referral));
    }
  }

  /**
   * No referral with this id exists.
   *
   * @param referral the id the command names
   */
  record UnknownReferral(ReferralId referral) implements Rejection {
    public UnknownReferral {
      Check.orThrow(Check.present("referral", referral));
    }
  }

  /**
   * Another referral for the same need and service is still pending (requested or accepted): a second one
   * would be redundant. Wait for its answer, or for it to end.
   *
   * @param proposed the referral refused
   * @param existing the pending referral
   * @param need     the need both are for
   * @param service  the service both ask for
   */
  record ReferralAlreadyPending(ReferralId proposed, ReferralId existing, NeedId need, ServiceKind service)
      implements Rejection {
    public ReferralAlreadyPending {
      Check.orThrow(Check.present("proposed", proposed), Check.present("existing", existing),
          Check.present("need", need), Check.present("service", service));
    }
  }

  /**
   * The referral is not in a status that allows the command.
   *
   * @param referral the referral the command names
   * @param status   its status now
   * @param required the status that would allow it
   */
  record ReferralNotInStatus(ReferralId referral, ReferralStatus status, ReferralStatus required)
      implements Rejection {
    public ReferralNotInStatus {
      Check.orThrow(Check.present("referral", referral), Check.present("status", status),
          Check.present("required", required));
    }
  }

  /**
   * A day given for a referral falls before its previous step (the request, or the acceptance).
   *
   * @param referral     the referral the command names
   * @param on           the command's day, too early
   * @param previousStep the day of the previous step
   */
  record BeforeReferralStep(ReferralId referral, LocalDate on, LocalDate previousStep) implements Rejection {
    public BeforeReferralStep {
      Check.orThrow(Check.present("referral", referral), Check.present("on", on),
          Check.present("previousStep", previousStep));
    }
  }

  // ---------------------------------------------------------------- the embedding organisation's own rules

  /**
   * Refused by one of the embedding organisation's own policies (e.g. "at most three active interventions per
   * case"), enforced by the application around the case file. casemgmt itself never produces it; it exists so
   * that an application's extra rules answer in the same typed family, and so that its wrappers can be checked
   * with {@code org.casemgmt.testkit.ModelChecker}.
   *
   * @param policy the policy's code, e.g. {@code "MAX_THREE_ACTIVE_INTERVENTIONS"} (an identifier, not prose)
   * @param ids    the ids involved, as text, e.g. the interventions already active
   */
  record PolicyViolation(String policy, Seq<String> ids) implements Rejection {
    /**
     * Throws {@link org.casemgmt.InvalidInputException} unless the policy and every id are identifiers, never prose.
     */
    public PolicyViolation {
      Check.orThrow(Check.identifier("policy", policy), Check.elements("ids", ids, false),
          ids == null ? null : ids.map(id -> id == null ? null : Check.identifier("ids", id))
              .find(java.util.Objects::nonNull).getOrNull());
    }
  }
}
