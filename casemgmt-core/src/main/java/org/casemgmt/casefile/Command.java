package org.casemgmt.casefile;

import io.vavr.collection.HashSet;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.LocalDate;
import org.casemgmt.FreeText;
import org.casemgmt.InputError;
import org.casemgmt.internal.Check;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.StaffId;
import org.casemgmt.party.TeamMember;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Finding;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.Participant;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;

/**
 * What a member of the team asks of a case file. A command is pure intent — a request, not a fact — and
 * carries no stamp: who issues it and when travel beside it in an {@link Issued} envelope, as they travel
 * beside an event in a {@link RecordedEvent}. The case file decides whether the rules allow it
 * ({@link CaseFile#decide(Issued, Command)}) and answers either the events it causes or a typed
 * {@link Rejection}. Constructors check their arguments and throw {@link org.casemgmt.InvalidInputException}
 * listing every problem (never a {@code NullPointerException}). Free-text fields are redacted in
 * {@code toString}.
 *
 * <p>The canonical constructor of each record is the full form; a command with free text also has a
 * constructor taking plain strings, and the commands with many fields an {@code of} factory for the common case.
 *
 * <pre>{@code
 * Issued anna = Issued.by(StaffId.of("anna"), Instant.parse("2026-03-02T09:00:00Z"));
 * Command record = new Command.RecordNeed(NeedId.of("N-1"), LifeDomain.HOUSING, "Evicted last week",
 *     Priority.URGENT, IdentifiedBy.CLIENT);
 * Either<Rejection, CaseFile> next = file.handle(anna, record);
 * }</pre>
 */
public sealed interface Command {

  /** {@return the kind of the command, as listed in {@link PhaseTable}} */
  CommandKind kind();

  // ---------------------------------------------------------------- intake and the whole case

  /**
   * Opens a case file for a client: a case manager takes charge and the scope — the life domains the services
   * will deal with — is agreed with the client.
   *
   * <pre>{@code
   * CaseFile.open(anna, OpenCase.of(CaseId.of("CASE-1"), client, day, LifeDomain.HOUSING, LifeDomain.WORK));
   * }</pre>
   *
   * @param caseId      the new case's identifier
   * @param client      the person the case is about
   * @param caseManager the reference person who takes charge; none means the person who opens the case
   * @param scope       the life domains agreed with the client, at least one
   * @param openedOn    the day the case is opened; no action of the case may be dated earlier
   */
  record OpenCase(CaseId caseId, Client client, Option<StaffId> caseManager, Set<LifeDomain> scope,
      LocalDate openedOn) implements Command {
    public OpenCase {
      Check.orThrow(Check.present("caseId", caseId), Check.present("client", client),
          Check.option("caseManager", caseManager), Check.elements("scope", scope, true),
          Check.day("openedOn", openedOn));
    }

    /**
     * Opens a case whose case manager is the person who opens it, the common case.
     *
     * @param caseId   the new case's identifier
     * @param client   the person the case is about
     * @param openedOn the day the case is opened
     * @param scope    the life domains agreed with the client, at least one
     * @return a command that makes whoever issues it the case manager
     * @throws org.casemgmt.InvalidInputException if an argument is missing or no domain is given
     */
    public static OpenCase of(CaseId caseId, Client client, LocalDate openedOn, LifeDomain... scope) {
      return new OpenCase(caseId, client, Option.none(), Check.setOf("scope", scope), openedOn);
    }

    /**
     * The same command with another reference person than the one who opens the case (an intake officer
     * opening a case for a colleague, say).
     *
     * @param manager who takes charge
     * @return the command with that case manager
     * @throws org.casemgmt.InvalidInputException if the manager is missing
     */
    public OpenCase managedBy(StaffId manager) {
      Check.orThrow(Check.present("manager", manager));
      return new OpenCase(caseId, client, Option.some(manager), scope, openedOn);
    }

    @Override
    public CommandKind kind() {
      return CommandKind.OPEN_CASE;
    }
  }

  /**
   * Hands the case over to another case manager. The case always has exactly one reference person: the
   * hand-over is one event, so there is never a gap.
   *
   * @param newCaseManager who takes charge from now on
   */
  record HandOver(StaffId newCaseManager) implements Command {
    public HandOver {
      Check.orThrow(Check.present("newCaseManager", newCaseManager));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.HAND_OVER;
    }
  }

  /**
   * A member of staff joins the case's team in a role: a professional, a supervisor, or a representative of one
   * provider. What the member may do from then on is the case's {@link Permissions} for that role.
   *
   * <pre>{@code
   * new JoinTeam(TeamMember.of(StaffId.of("nora"), TeamRole.NURSE, day))
   * new JoinTeam(TeamMember.representing(StaffId.of("hugo"), ProviderId.of("P-HOUSING"), day))
   * }</pre>
   *
   * @param member who joins, in which role, for which provider, from which day
   */
  record JoinTeam(TeamMember member) implements Command {
    public JoinTeam {
      Check.orThrow(Check.present("member", member));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.JOIN_TEAM;
    }
  }

  /**
   * A member leaves the case's team; they stay on record as a former member. The case manager does not leave:
   * the case is handed over instead.
   *
   * @param member who leaves
   * @param on     the day they leave
   */
  record LeaveTeam(StaffId member, LocalDate on) implements Command {
    public LeaveTeam {
      Check.orThrow(Check.present("member", member), Check.day("on", on));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.LEAVE_TEAM;
    }
  }

  /**
   * The client consents to share what the case holds in some life domains with one provider: that provider's
   * representatives on the team then see their own interventions, and the needs they address, in those domains.
   *
   * @param provider the provider the client agrees to share with
   * @param domains  the life domains shared, at least one, all in the case's scope
   * @param on       the day the client consented
   */
  record GrantConsent(ProviderId provider, Set<LifeDomain> domains, LocalDate on) implements Command {
    public GrantConsent {
      Check.orThrow(Check.present("provider", provider), Check.elements("domains", domains, true),
          Check.day("on", on));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.GRANT_CONSENT;
    }
  }

  /**
   * The client withdraws consent to share some life domains with a provider: every view from then on is narrower.
   *
   * @param provider the provider
   * @param domains  the life domains no longer shared, at least one, each shared now
   * @param on       the day the client withdrew consent
   */
  record WithdrawConsent(ProviderId provider, Set<LifeDomain> domains, LocalDate on) implements Command {
    public WithdrawConsent {
      Check.orThrow(Check.present("provider", provider), Check.elements("domains", domains, true),
          Check.day("on", on));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.WITHDRAW_CONSENT;
    }
  }

  /**
   * A supervisor who is not the case manager countersigns what the organisation's policy wants signed by two people
   * ({@link Permissions#requiresCountersignature}): the plan as it stands, before it is approved, or the case as it
   * stands, before it is closed. A plan changed after countersigning, or a case that records anything after it, needs
   * a new countersignature.
   *
   * @param what {@link CommandKind#APPROVE_PLAN} or {@link CommandKind#CLOSE_CASE}
   * @param on   the day of the signature
   */
  record Countersign(CommandKind what, LocalDate on) implements Command {
    public Countersign {
      Check.orThrow(Check.present("what", what), Check.day("on", on));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.COUNTERSIGN;
    }
  }

  /**
   * Extends the case's scope to more life domains, with the client's consent recorded.
   *
   * @param domains     the domains to add, at least one
   * @param consentedOn the day the client consented
   */
  record ExtendScope(Set<LifeDomain> domains, LocalDate consentedOn) implements Command {
    public ExtendScope {
      Check.orThrow(Check.elements("domains", domains, true),
          Check.day("consentedOn", consentedOn));
    }

    /**
     * Extends the scope by the given domains.
     *
     * @param consentedOn the day the client consented
     * @param domains     the domains to add, at least one
     * @return a command adding the domains not yet in scope (refused if all of them already are)
     * @throws org.casemgmt.InvalidInputException if an argument is missing or no domain is given
     */
    public static ExtendScope of(LocalDate consentedOn, LifeDomain... domains) {
      return new ExtendScope(Check.setOf("domains", domains), consentedOn);
    }

    @Override
    public CommandKind kind() {
      return CommandKind.EXTEND_SCOPE;
    }
  }

  /**
   * Suspends the case (the client is in hospital, abroad…): until it is resumed, only resuming, closing and
   * handing it over are accepted.
   *
   * @param reason why (free text, redacted)
   */
  record SuspendCase(FreeText reason) implements Command {
    public SuspendCase {
      Check.orThrow(Check.freeText("reason", reason));
    }

    /**
     * The same command with its reason given as a plain string.
     *
     * @param reason why; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     */
    public SuspendCase(String reason) {
      this(Check.freeText(reason));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.SUSPEND_CASE;
    }
  }

  /**
   * Resumes a suspended case in the phase it was in.
   */
  record ResumeCase() implements Command {

    @Override
    public CommandKind kind() {
      return CommandKind.RESUME_CASE;
    }
  }

  /**
   * Closes the case for a reason, with a closing note. {@link ClosureReason#GOALS_ACHIEVED} needs a final
   * evaluation that found every goal achieved; other reasons close early from any open phase. Closing ends
   * the work still open on that day: interventions not yet over are cancelled and pending referrals withdrawn.
   *
   * @param reason   why the case ends; {@code GOALS_ACHIEVED} and {@code NO_NEEDS_IDENTIFIED} have conditions
   * @param closedOn the day the case closes; not before the opening, nor before any open intervention started or
   *                 pending referral's last step
   * @param note     the closing report's summary (free text, redacted)
   */
  record CloseCase(ClosureReason reason, LocalDate closedOn, FreeText note) implements Command {
    public CloseCase {
      Check.orThrow(Check.present("reason", reason),
          Check.day("closedOn", closedOn), Check.freeText("note", note));
    }

    /**
     * The same command with its note given as a plain string.
     *
     * @param reason   why the case ends
     * @param closedOn the day the case closes
     * @param note     the closing report's summary; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH}
     *                 characters
     */
    public CloseCase(ClosureReason reason, LocalDate closedOn, String note) {
      this(reason, closedOn, Check.freeText(note));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.CLOSE_CASE;
    }
  }

  /**
   * Reopens a closed case: it goes back to assessment; its history and needs are kept.
   *
   * @param reason why (free text, redacted)
   */
  record ReopenCase(FreeText reason) implements Command {
    public ReopenCase {
      Check.orThrow(Check.freeText("reason", reason));
    }

    /**
     * The same command with its reason given as a plain string.
     *
     * @param reason why; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     */
    public ReopenCase(String reason) {
      this(Check.freeText(reason));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.REOPEN_CASE;
    }
  }

  // ---------------------------------------------------------------- assessment

  /**
   * Starts the assessment.
   */
  record StartAssessment() implements Command {

    @Override
    public CommandKind kind() {
      return CommandKind.START_ASSESSMENT;
    }
  }

  /**
   * Records a need in a life domain inside the case's scope, while the assessment is not concluded.
   *
   * @param need         the new need's identifier, unique in the case
   * @param domain       its life domain
   * @param description  what it is (free text, redacted)
   * @param priority     how urgent it is
   * @param identifiedBy who identified it
   */
  record RecordNeed(NeedId need, LifeDomain domain, FreeText description, Priority priority,
      IdentifiedBy identifiedBy) implements Command {
    public RecordNeed {
      Check.orThrow(Check.present("need", need), Check.present("domain", domain),
          Check.freeText("description", description), Check.present("priority", priority),
          Check.present("identifiedBy", identifiedBy));
    }

    /**
     * The same command with its description given as a plain string.
     *
     * @param need         the new need's identifier
     * @param domain       its life domain
     * @param description  what it is; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     * @param priority     how urgent it is
     * @param identifiedBy who identified it
     */
    public RecordNeed(NeedId need, LifeDomain domain, String description, Priority priority, IdentifiedBy identifiedBy) {
      this(need, domain, Check.freeText(description), priority, identifiedBy);
    }

    @Override
    public CommandKind kind() {
      return CommandKind.RECORD_NEED;
    }
  }

  /**
   * Revises an open need's description and priority as new information arrives, while the assessment is not
   * concluded.
   *
   * @param need        the open need to revise
   * @param description the revised description (free text, redacted)
   * @param priority    the revised priority
   */
  record ReviseNeed(NeedId need, FreeText description, Priority priority) implements Command {
    public ReviseNeed {
      Check.orThrow(Check.present("need", need),
          Check.freeText("description", description), Check.present("priority", priority));
    }

    /**
     * The same command with its description given as a plain string.
     *
     * @param need        the open need to revise
     * @param description the revised description; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH}
     *                    characters
     * @param priority    the revised priority
     */
    public ReviseNeed(NeedId need, String description, Priority priority) {
      this(need, Check.freeText(description), priority);
    }

    @Override
    public CommandKind kind() {
      return CommandKind.REVISE_NEED;
    }
  }

  /**
   * Withdraws an open need; it stays on the record with the reason. Refused while an intervention that is not
   * over addresses it.
   *
   * @param need   the open need to withdraw
   * @param reason why (free text, redacted)
   */
  record WithdrawNeed(NeedId need, FreeText reason) implements Command {
    public WithdrawNeed {
      Check.orThrow(Check.present("need", need),
          Check.freeText("reason", reason));
    }

    /**
     * The same command with its reason given as a plain string.
     *
     * @param need   the open need to withdraw
     * @param reason why; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     */
    public WithdrawNeed(NeedId need, String reason) {
      this(need, Check.freeText(reason));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.WITHDRAW_NEED;
    }
  }

  /**
   * Records one of the client's own strengths.
   *
   * @param domain      the life domain it belongs to, inside the case's scope
   * @param description what the person can do (free text, redacted)
   */
  record RecordStrength(LifeDomain domain, FreeText description) implements Command {
    public RecordStrength {
      Check.orThrow(Check.present("domain", domain),
          Check.freeText("description", description));
    }

    /**
     * The same command with its description given as a plain string.
     *
     * @param domain      the life domain it belongs to
     * @param description what the person can do; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH}
     *                    characters
     */
    public RecordStrength(LifeDomain domain, String description) {
      this(domain, Check.freeText(description));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.RECORD_STRENGTH;
    }
  }

  /**
   * Records a formal or informal resource around the client.
   *
   * @param resource    the new resource's identifier, unique in the case
   * @param type        formal or informal, and which kind
   * @param description who or what it is (free text, redacted)
   */
  record RecordResource(ResourceId resource, ResourceType type, FreeText description)
      implements Command {
    public RecordResource {
      Check.orThrow(Check.present("resource", resource),
          Check.present("type", type), Check.freeText("description", description));
    }

    /**
     * The same command with its description given as a plain string.
     *
     * @param resource    the new resource's identifier
     * @param type        formal or informal, and which kind
     * @param description who or what it is; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     */
    public RecordResource(ResourceId resource, ResourceType type, String description) {
      this(resource, type, Check.freeText(description));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.RECORD_RESOURCE;
    }
  }

  /**
   * Concludes the assessment; needs can no longer change until the case is reassessed. Needs at least one open need.
   */
  record CompleteAssessment() implements Command {

    @Override
    public CommandKind kind() {
      return CommandKind.COMPLETE_ASSESSMENT;
    }
  }

  // ---------------------------------------------------------------- planning

  /**
   * Starts care planning after a completed assessment: opens a new plan version (the first, or a copy of the
   * current one) over a period.
   *
   * @param period            the days the plan covers, {@code [start, end)}; starts on or after the opening and
   *                          encloses every live intervention a new version carries over
   * @param coverageThreshold open needs at or above this priority must be covered or deferred before approval
   */
  record StartPlanning(DayWindow period, Priority coverageThreshold) implements Command {
    public StartPlanning {
      Check.orThrow(Check.present("period", period),
          Check.present("coverageThreshold", coverageThreshold));
    }

    /**
     * Starts planning where every open need must be covered or deferred.
     *
     * @param period the days the plan covers, {@code [start, end)}
     * @return a command with the lowest coverage threshold, {@link Priority#LOW}
     */
    public static StartPlanning of(DayWindow period) {
      return new StartPlanning(period, Priority.LOW);
    }

    @Override
    public CommandKind kind() {
      return CommandKind.START_PLANNING;
    }
  }

  /**
   * Adds a goal for open needs to the plan, while it is not approved.
   *
   * @param goal        the new goal's identifier, unique in the plan
   * @param needs       the open needs it addresses, at least one
   * @param description what the goal is (free text, redacted)
   * @param target      how its achievement is measured (free text, redacted)
   * @param dueOn       when it should be reached; not before the opening
   */
  record AddGoal(GoalId goal, Set<NeedId> needs, FreeText description, FreeText target, LocalDate dueOn)
      implements Command {
    public AddGoal {
      Check.orThrow(Check.present("goal", goal), Check.elements("needs", needs, true),
          Check.freeText("description", description), Check.freeText("target", target),
          Check.day("dueOn", dueOn));
    }

    /**
     * The same command with its free text given as plain strings.
     *
     * @param goal        the new goal's identifier
     * @param needs       the open needs it addresses, at least one
     * @param description what the goal is; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     * @param target      how its achievement is measured; not blank, at most
     *                    {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     * @param dueOn       when it should be reached
     */
    public AddGoal(GoalId goal, Set<NeedId> needs, String description, String target, LocalDate dueOn) {
      this(goal, needs, Check.freeText(description), Check.freeText(target), dueOn);
    }

    /**
     * A goal for one need, the common case.
     *
     * @param goal        the new goal's identifier
     * @param need        the open need it addresses
     * @param description what the goal is (free text, redacted)
     * @param target      how its achievement is measured (free text, redacted)
     * @param dueOn       when it should be reached
     * @return a command for a goal that addresses only {@code need}
     * @throws org.casemgmt.InvalidInputException if an argument is missing, blank or too long
     */
    public static AddGoal of(GoalId goal, NeedId need, String description, String target, LocalDate dueOn) {
      Check.orThrow(Check.present("need", need));
      return new AddGoal(goal, HashSet.of(need), description, target, dueOn);
    }

    @Override
    public CommandKind kind() {
      return CommandKind.ADD_GOAL;
    }
  }

  /**
   * Plans an intervention: a provider delivers a kind of service for open needs over a window, at a cost.
   * Refused if it would overlap a live intervention of the same kind for the same need, or an exclusive kind
   * for the client.
   *
   * @param intervention the new intervention's identifier, unique in the plan
   * @param needs        the open needs it addresses, at least one
   * @param goals        goals of the plan it serves (may be empty)
   * @param provider     who delivers it; must offer {@code service}
   * @param service      the kind of service
   * @param window       when, {@code [start, end)}, inside the plan's period
   * @param cost         its total cost
   */
  record PlanIntervention(InterventionId intervention, Set<NeedId> needs, Set<GoalId> goals,
      Provider provider, ServiceKind service, DayWindow window, Money cost) implements Command {
    public PlanIntervention {
      Check.orThrow(Check.present("intervention", intervention),
          Check.elements("needs", needs, true), Check.elements("goals", goals, false),
          Check.present("provider", provider), Check.present("service", service), Check.present("window", window),
          Check.present("cost", cost));
    }

    /**
     * An intervention for one need that serves no particular goal, the common case.
     *
     * <pre>{@code
     * PlanIntervention.of(InterventionId.of("I-1"), NeedId.of("N-1"), centre, ServiceKind.COUNSELLING,
     *     DayWindow.ofDays(day, 60), Money.of(1200));
     * }</pre>
     *
     * @param intervention the new intervention's identifier
     * @param need         the open need it addresses
     * @param provider     who delivers it; must offer {@code service}
     * @param service      the kind of service
     * @param window       when, {@code [start, end)}, inside the plan's period
     * @param cost         its total cost
     * @return a command for an intervention that addresses only {@code need}; add goals with {@link #serving}
     * @throws org.casemgmt.InvalidInputException if an argument is missing
     */
    public static PlanIntervention of(InterventionId intervention, NeedId need, Provider provider,
        ServiceKind service, DayWindow window, Money cost) {
      Check.orThrow(Check.present("need", need));
      return new PlanIntervention(intervention, HashSet.of(need), HashSet.empty(), provider, service, window, cost);
    }

    /**
     * The same intervention, serving these goals of the plan.
     *
     * @param served goals already in the plan, at least one; they replace the goals this command names
     * @return the command with those goals
     * @throws org.casemgmt.InvalidInputException if no goal is given or one is missing
     */
    public PlanIntervention serving(GoalId... served) {
      return new PlanIntervention(intervention, needs, Check.setOf("served", served), provider, service, window,
          cost);
    }

    @Override
    public CommandKind kind() {
      return CommandKind.PLAN_INTERVENTION;
    }
  }

  /**
   * Defers an open need to a later plan, consciously and with a reason, so the plan may be approved without
   * covering it.
   *
   * @param need   the open need to defer
   * @param reason why (free text, redacted)
   */
  record DeferNeed(NeedId need, FreeText reason) implements Command {
    public DeferNeed {
      Check.orThrow(Check.present("need", need),
          Check.freeText("reason", reason));
    }

    /**
     * The same command with its reason given as a plain string.
     *
     * @param need   the open need to defer
     * @param reason why; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     */
    public DeferNeed(NeedId need, String reason) {
      this(need, Check.freeText(reason));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.DEFER_NEED;
    }
  }

  /**
   * Sets a budget cap: the plan's total cost may not exceed it at approval. Setting it again replaces it; the
   * client's agreement stands, since the cap is the organisation's own decision.
   *
   * @param cap    the most the live interventions of this plan version may cost in total
   */
  record SetBudgetCap(Money cap) implements Command {
    public SetBudgetCap {
      Check.orThrow(Check.present("cap", cap));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.SET_BUDGET_CAP;
    }
  }

  /**
   * Records that the client agreed to the plan as it stands. A later change to what the client agreed to — a goal,
   * an intervention planned or cancelled, a deferral, a participant — lapses the agreement until it is recorded
   * again; a budget cap, the organisation's own decision, does not.
   *
   * @param agreedOn the day the client agreed; not before the opening
   */
  record RecordAgreement(LocalDate agreedOn) implements Command {
    public RecordAgreement {
      Check.orThrow(Check.day("agreedOn", agreedOn));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.RECORD_AGREEMENT;
    }
  }

  /**
   * Approves the plan: needs goals and interventions, every open need at or above the threshold covered (by a
   * live intervention or a referral a provider accepted) or deferred, the client's agreement, and the cost within
   * the cap.
   *
   * @param approvedOn the day of approval; not before the opening nor the client's agreement
   */
  record ApprovePlan(LocalDate approvedOn) implements Command {
    public ApprovePlan {
      Check.orThrow(Check.day("approvedOn", approvedOn));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.APPROVE_PLAN;
    }
  }

  /**
   * Moves an approved plan into implementation.
   */
  record StartImplementation() implements Command {

    @Override
    public CommandKind kind() {
      return CommandKind.START_IMPLEMENTATION;
    }
  }

  // ---------------------------------------------------------------- implementation

  /**
   * Starts a planned intervention within its window.
   *
   * @param intervention a planned intervention of the current plan
   * @param on           the day it started: inside its window {@code [start, end)}
   */
  record StartIntervention(InterventionId intervention, LocalDate on) implements Command {
    public StartIntervention {
      Check.orThrow(Check.present("intervention", intervention),
          Check.day("on", on));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.START_INTERVENTION;
    }
  }

  /**
   * Suspends an active intervention.
   *
   * @param intervention an active intervention of the current plan
   * @param on           the day it was suspended, not before it started
   */
  record SuspendIntervention(InterventionId intervention, LocalDate on) implements Command {
    public SuspendIntervention {
      Check.orThrow(Check.present("intervention", intervention),
          Check.day("on", on));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.SUSPEND_INTERVENTION;
    }
  }

  /**
   * Resumes a suspended intervention.
   *
   * @param intervention a suspended intervention of the current plan
   * @param on           the day it resumed, not before it started
   */
  record ResumeIntervention(InterventionId intervention, LocalDate on) implements Command {
    public ResumeIntervention {
      Check.orThrow(Check.present("intervention", intervention),
          Check.day("on", on));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.RESUME_INTERVENTION;
    }
  }

  /**
   * Records that an active or suspended intervention was delivered.
   *
   * @param intervention an active or suspended intervention of the current plan
   * @param on           the day it was completed, not before it started
   */
  record CompleteIntervention(InterventionId intervention, LocalDate on) implements Command {
    public CompleteIntervention {
      Check.orThrow(Check.present("intervention", intervention),
          Check.day("on", on));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.COMPLETE_INTERVENTION;
    }
  }

  /**
   * Cancels an intervention that is not over (planned, active or suspended): it stays on the record but frees its
   * window and its cost. During planning, only while the plan is not approved.
   *
   * @param intervention a planned, active or suspended intervention of the current plan
   * @param on           the day it was cancelled; not before the opening, nor before it started
   * @param reason       why (free text, redacted)
   */
  record CancelIntervention(InterventionId intervention, LocalDate on, FreeText reason)
      implements Command {
    public CancelIntervention {
      Check.orThrow(Check.present("intervention", intervention),
          Check.day("on", on), Check.freeText("reason", reason));
    }

    /**
     * The same command with its reason given as a plain string.
     *
     * @param intervention a planned, active or suspended intervention of the current plan
     * @param on           the day it was cancelled
     * @param reason       why; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     */
    public CancelIntervention(InterventionId intervention, LocalDate on, String reason) {
      this(intervention, on, Check.freeText(reason));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.CANCEL_INTERVENTION;
    }
  }

  // ---------------------------------------------------------------- monitoring and evaluation

  /**
   * Records a monitoring review: a finding per intervention looked at, and a decision that moves the case on —
   * keep monitoring, adjust the plan, reassess, or proceed to the final evaluation. A review needs an
   * intervention of the plan that has started.
   *
   * @param on       the day of the review; not before the opening nor the previous review
   * @param findings what was found per intervention of the plan (may be empty)
   * @param decision what happens next
   */
  record RecordReview(LocalDate on, Map<InterventionId, Finding> findings, ReviewDecision decision)
      implements Command {
    public RecordReview {
      Check.orThrow(Check.day("on", on),
          Check.entries("findings", findings),
          Check.present("decision", decision));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.RECORD_REVIEW;
    }
  }

  /**
   * Moves from monitoring to the final evaluation. (Monitoring is reached only through a review, so there
   * always is one.)
   */
  record StartEvaluation() implements Command {

    @Override
    public CommandKind kind() {
      return CommandKind.START_EVALUATION;
    }
  }

  /**
   * Records the evaluated outcome of a goal of the current plan; a later outcome for the same goal replaces it.
   *
   * @param goal        a goal of the current plan
   * @param achievement how far it was reached
   */
  record RecordOutcome(GoalId goal, GoalAchievement achievement) implements Command {
    public RecordOutcome {
      Check.orThrow(Check.present("goal", goal),
          Check.present("achievement", achievement));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.RECORD_OUTCOME;
    }
  }

  /**
   * Goes back from evaluation to planning when the path did not produce the expected results: re-plan
   * instead of closing (seed 004). Opens a new plan version, over the same period or a new one — the old period
   * may well have passed by the time the evaluation finds the goals unmet.
   *
   * <pre>{@code new Replan("the job is still missing").over(DayWindow.ofDays(today, 180)); }</pre>
   *
   * @param reason why (free text, redacted)
   * @param period the new version's period, or none to keep the current one; it must enclose every live
   *               intervention the new version carries over
   */
  record Replan(FreeText reason, Option<DayWindow> period) implements Command {
    public Replan {
      Check.orThrow(Check.freeText("reason", reason), Check.option("period", period));
    }

    /**
     * Re-plans over the current period.
     *
     * @param reason why (free text, redacted)
     */
    public Replan(FreeText reason) {
      this(reason, Option.none());
    }

    /**
     * Re-plans over the current period, the reason given as a plain string.
     *
     * @param reason why; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     */
    public Replan(String reason) {
      this(Check.freeText(reason), Option.none());
    }

    /**
     * The same re-planning over a new period.
     *
     * @param newPeriod the new version's period; starts on or after the opening and encloses every live
     *                  intervention the new version carries over
     * @return a command that re-plans over {@code newPeriod}
     * @throws org.casemgmt.InvalidInputException if the period is missing
     */
    public Replan over(DayWindow newPeriod) {
      Check.orThrow(Check.present("newPeriod", newPeriod));
      return new Replan(reason, Option.some(newPeriod));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.REPLAN;
    }
  }

  // ---------------------------------------------------------------- participants and referrals

  /**
   * Names a participant of the plan and their commitment. Like any change to the plan, it lapses the client's
   * agreement to the earlier content.
   *
   * @param participant who takes part and what they commit to
   */
  record AddParticipant(Participant participant) implements Command {
    public AddParticipant {
      Check.orThrow(Check.present("participant", participant));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.ADD_PARTICIPANT;
    }
  }

  /**
   * Refers the client to an external provider for open needs. Refused while another referral for the same
   * need and service is still pending: one request at a time, no redundant ones.
   *
   * @param referral    the new referral's identifier, unique in the case
   * @param needs       the open needs it is for, at least one
   * @param provider    the external provider; must offer {@code service}
   * @param service     the kind of service asked for
   * @param requestedOn the day it is sent; not before the opening
   */
  record RequestReferral(ReferralId referral, Set<NeedId> needs, Provider provider,
      ServiceKind service, LocalDate requestedOn) implements Command {
    public RequestReferral {
      Check.orThrow(Check.present("referral", referral),
          Check.elements("needs", needs, true), Check.present("provider", provider),
          Check.present("service", service), Check.day("requestedOn", requestedOn));
    }

    /**
     * A referral for one need, the common case.
     *
     * @param referral    the new referral's identifier
     * @param need        the open need it addresses
     * @param provider    the external provider; must offer {@code service}
     * @param service     the kind of service asked for
     * @param requestedOn the day of the request
     * @return a command for a referral that addresses only {@code need}
     * @throws org.casemgmt.InvalidInputException if an argument is missing
     */
    public static RequestReferral of(ReferralId referral, NeedId need, Provider provider, ServiceKind service,
        LocalDate requestedOn) {
      Check.orThrow(Check.present("need", need));
      return new RequestReferral(referral, HashSet.of(need), provider, service, requestedOn);
    }

    @Override
    public CommandKind kind() {
      return CommandKind.REQUEST_REFERRAL;
    }
  }

  /**
   * Records that the provider accepted a requested referral.
   *
   * @param referral a referral waiting for the provider's answer
   * @param on       the day of the answer, not before the request
   */
  record AcceptReferral(ReferralId referral, LocalDate on) implements Command {
    public AcceptReferral {
      Check.orThrow(Check.present("referral", referral), Check.day("on", on));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.ACCEPT_REFERRAL;
    }
  }

  /**
   * Records that the provider declined a requested referral, and why.
   *
   * @param referral a referral waiting for the provider's answer
   * @param on       the day of the answer, not before the request
   * @param reason   why (free text, redacted)
   */
  record DeclineReferral(ReferralId referral, LocalDate on, FreeText reason) implements Command {
    public DeclineReferral {
      Check.orThrow(Check.present("referral", referral), Check.day("on", on),
          Check.freeText("reason", reason));
    }

    /**
     * The same command with its reason given as a plain string.
     *
     * @param referral a referral waiting for the provider's answer
     * @param on       the day of the answer
     * @param reason   why; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH} characters
     */
    public DeclineReferral(ReferralId referral, LocalDate on, String reason) {
      this(referral, on, Check.freeText(reason));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.DECLINE_REFERRAL;
    }
  }

  /**
   * Records that the service of an accepted referral is over, successfully or not; a reason is required when
   * it was not successful.
   *
   * @param referral   a referral the provider accepted
   * @param on         the day it ended, not before it was accepted
   * @param successful whether it reached its aim
   * @param reason     why it did not (free text, redacted); required when not successful
   */
  record CompleteReferral(ReferralId referral, LocalDate on, boolean successful, Option<FreeText> reason)
      implements Command {
    public CompleteReferral {
      Check.orThrow(Check.present("referral", referral), Check.day("on", on),
          reason == null ? Check.present("reason", null)
              : reason.isEmpty() && !successful
                  ? new InputError("reason", InputError.Problem.MISSING,
                      "is required when the referral was not successful")
                  : Check.optionalFreeText("reason", reason, Check.LONG_TEXT));
    }

    /**
     * A successful completion.
     *
     * @param referral a referral the provider accepted
     * @param on       the day the service ended, not before it was accepted
     * @return a completion that reached its aim, without a reason
     */
    public static CompleteReferral successful(ReferralId referral, LocalDate on) {
      return new CompleteReferral(referral, on, true, Option.none());
    }

    /**
     * An unsuccessful completion, with its reason.
     *
     * @param referral a referral the provider accepted
     * @param on       the day the service ended, not before it was accepted
     * @param reason   why it did not reach its aim; not blank, at most {@value org.casemgmt.FreeText#MAX_LENGTH}
     *                 characters
     * @return a completion that did not reach its aim
     * @throws org.casemgmt.InvalidInputException if an argument is missing, or the reason blank or too long
     */
    public static CompleteReferral unsuccessful(ReferralId referral, LocalDate on, String reason) {
      return new CompleteReferral(referral, on, false, Option.of(Check.freeText(reason)));
    }

    @Override
    public CommandKind kind() {
      return CommandKind.COMPLETE_REFERRAL;
    }
  }
}
