package org.casemgmt.casefile;

import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.lang.invoke.VarHandle;
import java.time.LocalDate;
import org.casemgmt.internal.Check;
import org.casemgmt.internal.EntityMap;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.party.Client;
import org.casemgmt.party.FormerMember;
import org.casemgmt.party.StaffId;
import org.casemgmt.party.TeamMember;
import org.casemgmt.party.TeamRole;
import org.casemgmt.plan.Referral;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.Resource;
import org.casemgmt.resource.ResourceId;
import org.casemgmt.resource.Strength;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case file: everything the service knows and has decided about one client's path, from intake to
 * closure. It is immutable and event-sourced. A command either is refused with a typed {@link Rejection},
 * leaving the case file exactly as it was, or produces one event; the new case file is the old one with that
 * event applied. Replaying a case's events rebuilds the same case file.
 *
 * <pre>{@code
 * Issued anna = Issued.by(StaffId.of("anna"), Instant.parse("2026-03-02T09:00:00Z"));
 * CaseFile file = CaseFile.open(anna, OpenCase.of(CaseId.of("CASE-1"), client, LocalDate.of(2026, 3, 2),
 *         LifeDomain.HOUSING, LifeDomain.WORK))
 *     .getOrElseThrow(rejection -> new IllegalStateException(rejection.rule()));
 * CaseFile assessing = file.handleAll(anna,
 *         new StartAssessment(),
 *         new RecordNeed(NeedId.of("N-1"), LifeDomain.HOUSING, "Evicted last week", Priority.URGENT,
 *             IdentifiedBy.CLIENT))
 *     .getOrElseThrow(refused -> new IllegalStateException(refused.rejection().rule()));
 * assessing.phase();              // ASSESSMENT
 * assessing.permittedCommands();  // what a user interface may offer now
 * }</pre>
 *
 * <p><b>Lifecycle.</b> A case moves through the phases of {@link Phase} as {@link PhaseTable} permits:
 * intake, assessment, care planning, implementation, monitoring, final evaluation and closure, with the
 * loop-backs practice needs. Every rule lives in {@link #decide}; {@link #evolve} only applies facts.
 *
 * <p><b>Commands and envelopes.</b> A {@link Command} is pure intent; who issues it, when, and the version
 * they expect travel beside it in an {@link Issued} envelope ({@link IssuedCommand} holds the two together
 * where a command is data). Every method that decides takes both.
 *
 * <p><b>Persistence.</b> An application stores the events from {@link #decide} (under a unique case id and
 * sequence number) and then applies them with {@link #evolve(Seq)}. It loads a case with {@link #replay}, which
 * checks every stored event against the rules again; {@link #replayTrusted} skips that check for a history the
 * application has already verified.
 */
public final class CaseFile {

  private static final Logger LOG = LoggerFactory.getLogger(CaseFile.class);

  static {
    // A simulated step that issues several commands on one case works on a draft, as handleAll does.
    org.casemgmt.internal.Trusted.registerCaseFiles(new org.casemgmt.internal.Trusted.CaseFileAccess() {
      @Override
      public CaseFile draft(CaseFile file) {
        return file.draft();
      }

      @Override
      public CaseFile freeze(CaseFile file) {
        return file.freeze();
      }

      @Override
      public Decision decide(CaseFile file, Issued issued, Command command) {
        Decision outcome = CaseRules.decide(file, issued, command, command.kind());
        log(file.id(), command, outcome);
        return outcome;
      }

      @Override
      public CaseFile apply(CaseFile file, Issued issued, CaseEvent event, CommandKind kind) {
        return Evolution.apply(file, file.version + 1, issued.at(), event, EventKind.recordedBy(kind));
      }

      @Override
      public Decision decideOpening(Issued issued, Command.OpenCase command) {
        Decision outcome = CaseRules.decideOpeningEvent(issued, command);
        log(command.caseId(), command, outcome);
        return outcome;
      }

      @Override
      public CaseFile opened(Issued issued, CaseEvent.CaseOpened event, Permissions permissions) {
        return Evolution.opened(1, issued.at(), event, permissions);
      }
    });
  }

  // ---------------------------------------------------------------- state

  // The attributes nearly every command changes live here, with the opening instant and day that nearly every
  // command reads (a simulation touches thousands of cases, so every object a command must read is a likely
  // cache miss); the rest, which few events change, in one shared CaseDetails value. Applying a common event
  // therefore allocates one small CaseFile and nothing else.
  //
  // Only the attributes an event changes are not final, for one reason: a batch (handleAll, replay) applies its events
  // to one transient copy in place (a draft, see draft()), and publishes it once at the end; every other case file
  // is built by the constructor and never changes. The constructor and freeze() end with a release fence, the
  // barrier final fields would give, so a case file handed to another thread is seen whole.
  private long version;
  private final Instant openedAt;
  private final LocalDate openedOn;
  /** When the latest event was recorded: no command may be issued earlier (time moves forward in a case). */
  private Instant lastAt;
  private Phase phase;
  private boolean suspended;
  private boolean assessmentCompleted;
  private EntityMap<NeedId, Need> needs;
  private PlanVersion plan;
  private EntityMap<ProviderId, Provider> providers;
  private LocalDate lastReviewOn;
  private CaseDetails details;
  /** True only for the transient copy of a batch under way: the named copies below then change it in place. */
  private boolean draft;

  // One constructor, called by the named copies below and by opened(): each copy says by its name what one event
  // changes. They are hand-written rather than a builder because a builder object here is not removed by the JIT
  // (measured: ≈ 1.6 KB more per reference case), and every event makes one copy.
  private CaseFile(long version, Instant openedAt, LocalDate openedOn, Instant lastAt, Phase phase, boolean suspended,
      boolean assessmentCompleted, EntityMap<NeedId, Need> needs, PlanVersion plan,
      EntityMap<ProviderId, Provider> providers, LocalDate lastReviewOn, CaseDetails details) {
    this.version = version;
    this.openedAt = openedAt;
    this.openedOn = openedOn;
    this.lastAt = lastAt;
    this.phase = phase;
    this.suspended = suspended;
    this.assessmentCompleted = assessmentCompleted;
    this.needs = needs;
    this.plan = plan;
    this.providers = providers;
    this.lastReviewOn = lastReviewOn;
    this.details = details;
    VarHandle.releaseFence();
  }

  /**
   * A transient copy of this case file for a batch: the named copies change it in place instead of allocating a
   * case file per event. It never leaves the batch that made it except through {@link #freeze()}, and a batch that
   * fails drops it.
   */
  CaseFile draft() {
    CaseFile copy = new CaseFile(version, openedAt, openedOn, lastAt, phase, suspended, assessmentCompleted, needs, plan,
        providers, lastReviewOn, details);
    copy.draft = true;
    return copy;
  }

  /** Ends a batch: the draft becomes an ordinary, immutable case file (this one, if it is not a draft). */
  CaseFile freeze() {
    if (draft) {
      draft = false;
      VarHandle.releaseFence();
    }
    return this;
  }

  /** The case file after one event: a new one, or this draft changed in place. */
  private CaseFile next(long v, Instant at, Phase newPhase, boolean newSuspended, boolean newAssessmentCompleted,
      EntityMap<NeedId, Need> newNeeds, PlanVersion newPlan, EntityMap<ProviderId, Provider> newProviders,
      LocalDate newLastReviewOn, CaseDetails newDetails) {
    if (!draft) {
      return new CaseFile(v, openedAt, openedOn, at, newPhase, newSuspended, newAssessmentCompleted, newNeeds, newPlan,
          newProviders, newLastReviewOn, newDetails);
    }
    version = v;
    lastAt = at;
    phase = newPhase;
    suspended = newSuspended;
    assessmentCompleted = newAssessmentCompleted;
    needs = newNeeds;
    plan = newPlan;
    providers = newProviders;
    lastReviewOn = newLastReviewOn;
    details = newDetails;
    return this;
  }

  /** A case just opened: no needs, no plan, no providers, no review, not suspended. */
  static CaseFile opened(long version, Instant at, LocalDate openedOn, Phase phase, CaseDetails details) {
    return new CaseFile(version, at, openedOn, at, phase, false, false, EntityMap.empty(), null, EntityMap.empty(),
        null, details);
  }

  // Each copy is the case file after one more event, numbered v and recorded at `at`.

  CaseFile withPlan(long v, Instant at, PlanVersion newPlan) {
    return next(v, at, phase, suspended, assessmentCompleted, needs, newPlan, providers,
        lastReviewOn, details);
  }

  CaseFile withPlan(long v, Instant at, PlanVersion newPlan, EntityMap<ProviderId, Provider> newProviders) {
    return next(v, at, phase, suspended, assessmentCompleted, needs, newPlan, newProviders,
        lastReviewOn, details);
  }

  CaseFile withPhase(long v, Instant at, Phase newPhase) {
    return next(v, at, newPhase, suspended, assessmentCompleted, needs, plan, providers,
        lastReviewOn, details);
  }

  CaseFile withFirstPlan(long v, Instant at, Phase newPhase, PlanVersion first) {
    return next(v, at, newPhase, suspended, assessmentCompleted, needs, first, providers,
        lastReviewOn, details);
  }

  CaseFile withNeeds(long v, Instant at, EntityMap<NeedId, Need> newNeeds) {
    return next(v, at, phase, suspended, assessmentCompleted, newNeeds, plan, providers,
        lastReviewOn, details);
  }

  CaseFile withAssessmentCompleted(long v, Instant at) {
    return next(v, at, phase, suspended, true, needs, plan, providers, lastReviewOn,
        details);
  }

  CaseFile withSuspended(long v, Instant at, boolean newSuspended) {
    return next(v, at, phase, newSuspended, assessmentCompleted, needs, plan, providers,
        lastReviewOn, details);
  }

  CaseFile withDetails(long v, Instant at, CaseDetails newDetails) {
    return next(v, at, phase, suspended, assessmentCompleted, needs, plan, providers,
        lastReviewOn, newDetails);
  }

  /** After a review: its day is kept, the phase its decision picks, the assessment reopened when it reassesses. */
  CaseFile withReview(long v, Instant at, Phase newPhase, boolean completed, LocalDate reviewedOn) {
    return next(v, at, newPhase, suspended, completed, needs, plan, providers, reviewedOn,
        details);
  }

  /** Planning again: the next plan version, the current one kept among the superseded in the details. */
  CaseFile withNextPlan(long v, Instant at, Phase newPhase, PlanVersion next, CaseDetails newDetails) {
    return next(v, at, newPhase, suspended, assessmentCompleted, needs, next, providers,
        lastReviewOn, newDetails);
  }

  /** Closed: no longer suspended, its open work ended, the closure and report in the details. */
  CaseFile closed(long v, Instant at, Phase newPhase, PlanVersion ended, CaseDetails newDetails) {
    return next(v, at, newPhase, false, assessmentCompleted, needs, ended, providers,
        lastReviewOn, newDetails);
  }

  /** Reopened: back to assessment, which is open again; the closure gone from the details. */
  CaseFile reopened(long v, Instant at, Phase newPhase, CaseDetails newDetails) {
    return next(v, at, newPhase, suspended, false, needs, plan, providers, lastReviewOn,
        newDetails);
  }

  /** {@return the case's identifier} */
  public CaseId id() {
    return details.id();
  }

  /** {@return the number of events in the case's history; the sequence number of the last one} */
  public long version() {
    return version;
  }

  /** {@return when the case was opened (no command may be issued earlier)} */
  public Instant openedAt() {
    return openedAt;
  }

  /** {@return when the latest event was recorded: no command may be issued earlier} */
  public Instant lastRecordedAt() {
    return lastAt;
  }

  /** {@return the day the case was opened (no day given in a command may be earlier)} */
  public LocalDate openedOn() {
    return openedOn;
  }

  /** {@return the person the case is about} */
  public Client client() {
    return details.client();
  }

  /** {@return the reference person: there is always exactly one} */
  public StaffId caseManager() {
    return details.caseManager();
  }

  /** {@return the team other than the case manager, by member} */
  public Map<StaffId, TeamMember> team() {
    return details.team();
  }

  /** {@return who was on the team and is no longer, former case managers included, in the order they left} */
  public Seq<FormerMember> formerMembers() {
    return details.formerMembers();
  }

  /**
   * The role a person has on the case's team now.
   *
   * @param person a member of staff
   * @return {@link TeamRole#CASE_MANAGER} for the case manager, the member's role for a member, none for anyone
   *     else (a former member included)
   * @throws org.casemgmt.InvalidInputException if the person is missing
   */
  public Option<TeamRole> roleOf(StaffId person) {
    Check.orThrow(Check.present("person", person));
    return person.equals(details.caseManager()) ? Option.some(TeamRole.CASE_MANAGER)
        : details.team().get(person).map(TeamMember::role);
  }

  /** {@return the life domains the client consented to share, by provider; a provider with none is absent} */
  public Map<ProviderId, Set<LifeDomain>> consents() {
    return details.consents();
  }

  /**
   * What one member of the team may see of the case (see {@link CaseView} for what each role sees).
   *
   * <pre>{@code
   * Option<CaseView> forHugo = file.viewFor(StaffId.of("hugo")); // his provider's services, in consented domains
   * }</pre>
   *
   * @param actor who asks
   * @return the view, or none for someone not on the team (a former member included)
   * @throws org.casemgmt.InvalidInputException if the actor is missing
   */
  public Option<CaseView> viewFor(StaffId actor) {
    Check.orThrow(Check.present("actor", actor));
    return roleOf(actor).isEmpty() ? Option.none() : Option.some(CaseView.of(this, actor));
  }

  /** {@return the latest supervisor's countersignature of each kind of command that has one} */
  public Map<CommandKind, Countersignature> countersignatures() {
    return details.countersignatures();
  }

  /** {@return who may do what in this case: the table it was opened (or replayed) with} */
  public Permissions permissions() {
    return details.permissions();
  }

  /** {@return the life domains the services agreed with the client to deal with} */
  public Set<LifeDomain> scope() {
    return details.scope();
  }

  /** {@return where the case is in the methodology} */
  public Phase phase() {
    return phase;
  }

  /** {@return whether the case is suspended (it keeps its phase; only resuming, closing and hand-over are accepted)} */
  public boolean suspended() {
    return suspended;
  }

  /** {@return whether the current assessment has been concluded} */
  public boolean assessmentCompleted() {
    return assessmentCompleted;
  }

  /** {@return the needs recorded, by id, withdrawn ones included} */
  public Map<NeedId, Need> needs() {
    return needs.asMap();
  }

  /**
   * One need, looked up without building the {@link #needs()} map.
   *
   * @param id the need's id
   * @return the need, withdrawn or not, or none if the case file has no need of that id
   * @throws org.casemgmt.InvalidInputException if the id is missing
   */
  public Option<Need> need(NeedId id) {
    Check.orThrow(Check.present("id", id));
    return Option.of(needs.get(id));
  }

  /** The needs, for the rules and evolution (no Vavr view). */
  EntityMap<NeedId, Need> needMap() {
    return needs;
  }

  /** {@return the client's own strengths, in the order recorded} */
  public Seq<Strength> strengths() {
    return details.strengths();
  }

  /** {@return the formal and informal resources around the client, by id} */
  public Map<ResourceId, Resource> resources() {
    return details.resources();
  }

  /** {@return the providers of the interventions ever planned, by id} */
  public Map<ProviderId, Provider> providers() {
    return providers.asMap();
  }

  /** The providers, for evolution (no Vavr view). */
  EntityMap<ProviderId, Provider> providerMap() {
    return providers;
  }

  /** {@return the plan version being worked on, once planning has started} */
  public Option<PlanVersion> currentPlan() {
    return Option.of(plan);
  }

  /** The versions the current one replaced, newest first; they never change. */
  List<PlanVersion> supersededPlans() {
    return details.supersededPlans();
  }

  /** {@return why the case was closed, while it is closed} */
  public Option<ClosureReason> closure() {
    return details.closure();
  }

  /** {@return the referrals to external providers, by id, whatever their status} */
  public Map<ReferralId, Referral> referrals() {
    return details.referrals();
  }

  /** {@return the closing report, while the case is closed} */
  public Option<ClosingReport> closingReport() {
    return details.closingReport();
  }

  /** The day of the latest monitoring review or null, for the rules' hot path. */
  LocalDate lastReviewOrNull() {
    return lastReviewOn;
  }

  /** {@return the day of the latest monitoring review, if there was one} */
  public Option<LocalDate> lastReviewOn() {
    return Option.of(lastReviewOn);
  }

  /** The attributes few events change, for {@link Evolution}. */
  CaseDetails details() {
    return details;
  }

  /** The current plan or null, for the rules' hot path. */
  PlanVersion planOrNull() {
    return plan;
  }

  // ---------------------------------------------------------------- derived views

  /** {@return every version of the plan, oldest first, the current one last; earlier versions never change} */
  public Vector<PlanVersion> planVersions() {
    return Vector.ofAll(supersededPlans().reverse()).appendAll(currentPlan());
  }

  /** {@return the needs that are open} */
  public Seq<Need> openNeeds() {
    return needs().values().filter(Need::isOpen).sortBy(Need::id);
  }

  /**
   * What needs attention on a day: a monitoring review that is due (every {@code reviewIntervalDays} days
   * after the latest review, or after the first intervention started), goals past their due date without an
   * outcome, and interventions whose window has ended but that are neither completed nor cancelled.
   *
   * <pre>{@code Overdue late = file.overdue(LocalDate.of(2026, 5, 1), 30); }</pre>
   *
   * @param asOf               the day to look at
   * @param reviewIntervalDays the organisation's review interval, at least 1 day
   * @return what is overdue; {@link Overdue#isEmpty()} when nothing is
   * @throws org.casemgmt.InvalidInputException if the day is missing or unsupported (see
   *     {@link org.casemgmt.plan.DayWindow}) or the interval is below 1
   */
  public Overdue overdue(LocalDate asOf, int reviewIntervalDays) {
    Check.orThrow(Check.day("asOf", asOf),
        Check.atLeast("reviewIntervalDays", reviewIntervalDays, 1));
    return Overdue.of(this, asOf, reviewIntervalDays);
  }

  /** {@return whether the case is closed} */
  public boolean isClosed() {
    return phase() == Phase.CLOSED;
  }

  /** {@return the kinds of command the phase table permits now (the rules may still refuse a particular one)} */
  public Set<CommandKind> permittedCommands() {
    return PhaseTable.permitted(phase(), suspended());
  }

  /** {@return the phases reachable from here in one command} */
  public Set<Phase> reachablePhases() {
    return PhaseTable.reachable(phase(), suspended());
  }

  // ---------------------------------------------------------------- commands

  /**
   * Opens a case file. Refused only with a {@link Rejection.VersionConflict} if the envelope expects a version
   * other than 0.
   *
   * <pre>{@code
   * Either<Rejection, CaseFile> opened = CaseFile.open(anna,
   *     OpenCase.of(CaseId.of("CASE-1"), client, day, LifeDomain.HOUSING, LifeDomain.WORK));
   * }</pre>
   *
   * @param issued  who opens it (the case manager unless the command names another) and when
   * @param command the opening command
   * @return the new case file in {@link Phase#INTAKE}, or the rejection
   * @throws org.casemgmt.InvalidInputException if an argument is missing
   */
  public static Either<Rejection, CaseFile> open(Issued issued, Command.OpenCase command) {
    return open(issued, command, Permissions.socialServices());
  }

  /**
   * Opens a case file that follows an organisation's own permission table instead of the default
   * ({@link Permissions#socialServices()}).
   *
   * @param issued      who opens it (the case manager unless the command names another) and when
   * @param command     the opening command
   * @param permissions who may do what in the case
   * @return the new case file in {@link Phase#INTAKE}, or the rejection
   * @throws org.casemgmt.InvalidInputException if an argument is missing
   */
  public static Either<Rejection, CaseFile> open(Issued issued, Command.OpenCase command, Permissions permissions) {
    Check.orThrow(Check.present("issued", issued), Check.present("command", command),
        Check.present("permissions", permissions));
    Decision outcome = CaseRules.decideOpeningEvent(issued, command);
    log(command.caseId(), command, outcome);
    return outcome instanceof Rejection r
        ? Either.left(r)
        : Either.right(Evolution.opened(1, issued.at(), (CaseEvent.CaseOpened) outcome, permissions));
  }

  /**
   * The events that opening a case file produces, for an application that stores events before applying them.
   *
   * @param issued  who opens it and when
   * @param command the opening command
   * @return the single {@link CaseEvent.CaseOpened} event, or the rejection
   * @throws org.casemgmt.InvalidInputException if an argument is missing
   */
  public static Either<Rejection, Seq<RecordedEvent>> decideOpening(Issued issued, Command.OpenCase command) {
    Check.orThrow(Check.present("issued", issued), Check.present("command", command));
    Decision outcome = CaseRules.decideOpeningEvent(issued, command);
    log(command.caseId(), command, outcome);
    return recorded(command.caseId(), 0, issued, outcome);
  }

  /**
   * Decides a command: checks every rule and answers the events it causes, or why it is refused. The case
   * file is not changed (it cannot be); apply the events with {@link #evolve(Seq)}.
   *
   * @param issued  who issues the command, when, and the version they expect
   * @param command what is asked of the case file
   * @return the one event the command causes, numbered {@code version() + 1} and stamped from {@code issued}, or
   *     the rejection naming the broken rule
   * @throws org.casemgmt.InvalidInputException if an argument is missing
   */
  public Either<Rejection, Seq<RecordedEvent>> decide(Issued issued, Command command) {
    Check.orThrow(Check.present("issued", issued), Check.present("command", command));
    Decision outcome = CaseRules.decide(this, issued, command);
    log(id(), command, outcome);
    return recorded(id(), version, issued, outcome);
  }

  /** Every command causes at most one event; it is numbered after {@code version} and stamped by the envelope. */
  private static Either<Rejection, Seq<RecordedEvent>> recorded(CaseId caseId, long version, Issued issued,
      Decision outcome) {
    if (outcome instanceof Rejection r) {
      return Either.left(r);
    }
    return Either.right(
        List.of(new RecordedEvent(caseId, version + 1, issued.actor(), issued.at(), (CaseEvent) outcome)));
  }

  /**
   * Decides a command and applies its events.
   *
   * <pre>{@code
   * Either<Rejection, CaseFile> next = file.handle(anna, new Command.StartAssessment());
   * }</pre>
   *
   * @param issued  who issues the command, when, and the version they expect
   * @param command what is asked of the case file
   * @return the new case file, or the rejection (this case file is unchanged either way)
   * @throws org.casemgmt.InvalidInputException if an argument is missing
   */
  public Either<Rejection, CaseFile> handle(Issued issued, Command command) {
    Check.orThrow(Check.present("issued", issued), Check.present("command", command));
    // The same rules as decide, then the same application as evolve, without materialising the recorded event:
    // it would be numbered version + 1 and stamped with the envelope's instant, which is all evolve needs.
    CommandKind kind = command.kind();
    Decision outcome = CaseRules.decide(this, issued, command, kind);
    log(id(), command, outcome);
    return outcome instanceof Rejection r
        ? Either.left(r)
        : Either.right(
            Evolution.apply(this, version + 1, issued.at(), (CaseEvent) outcome, EventKind.recordedBy(kind)));
  }

  /**
   * Decides a command that travels in its envelope and applies its events.
   *
   * @param command the command with who issued it and when
   * @return the new case file, or the rejection (this case file is unchanged either way)
   * @throws org.casemgmt.InvalidInputException if the command is missing
   */
  public Either<Rejection, CaseFile> handle(IssuedCommand command) {
    Check.orThrow(Check.present("command", command));
    return handle(command.issued(), command.command());
  }

  /**
   * Handles commands one after another, all issued by the same person at the same time, and stops at the first
   * refusal. A version the envelope expects is checked against this case file, before the first command (the
   * later ones follow the issuer's own earlier steps).
   *
   * <pre>{@code
   * Either<RefusedStep, CaseFile> assessed = file.handleAll(anna,
   *     new StartAssessment(),
   *     new RecordNeed(NeedId.of("N-1"), LifeDomain.HOUSING, "Evicted last week", Priority.URGENT,
   *         IdentifiedBy.CLIENT),
   *     new CompleteAssessment());
   * }</pre>
   *
   * @param issued   who issues the commands, when, and the version they expect now
   * @param commands the commands, in order
   * @return the case file after every command, or the first refused step (position, kind and rejection); this
   *     case file is unchanged either way
   * @throws org.casemgmt.InvalidInputException if an argument or a command is missing
   */
  public Either<RefusedStep, CaseFile> handleAll(Issued issued, Command... commands) {
    Check.orThrow(Check.present("issued", issued), Check.present("commands", commands));
    return handleAll(issued, Vector.of(commands));
  }

  /**
   * As {@link #handleAll(Issued, Command...)}, for commands held in a sequence.
   *
   * @param issued   who issues the commands, when, and the version they expect now
   * @param commands the commands, in order
   * @return the case file after every command, or the first refused step
   * @throws org.casemgmt.InvalidInputException if an argument or a command is missing
   */
  public Either<RefusedStep, CaseFile> handleAll(Issued issued, Seq<? extends Command> commands) {
    Check.orThrow(Check.present("issued", issued), Check.present("commands", commands));
    Issued later = issued.expectedVersion().isDefined() ? Issued.by(issued.actor(), issued.at()) : issued;
    // One transient copy takes every event of the batch; a refusal drops it, the end freezes it.
    CaseFile state = commands.isEmpty() ? this : draft();
    int position = 0;
    for (Command command : commands) {
      // Checked here rather than by a walk of its own: the loop walks the commands anyway.
      Check.orThrow(nullStep(command, position));
      Issued stamp = position == 0 ? issued : later;
      CommandKind kind = command.kind();
      Decision outcome = CaseRules.decide(state, stamp, command, kind);
      log(id(), command, outcome);
      if (outcome instanceof Rejection r) {
        return Either.left(new RefusedStep(position, kind, r));
      }
      state = Evolution.apply(state, state.version + 1, stamp.at(), (CaseEvent) outcome, EventKind.recordedBy(kind));
      position++;
    }
    return Either.right(state.freeze());
  }

  /**
   * Handles commands that travel in their own envelopes, one after another, and stops at the first refusal.
   *
   * @param commands the commands with who issued each and when, in order
   * @return the case file after every command, or the first refused step
   * @throws org.casemgmt.InvalidInputException if the sequence or one of its commands is missing
   */
  public Either<RefusedStep, CaseFile> handleAll(Seq<IssuedCommand> commands) {
    Check.orThrow(Check.present("commands", commands));
    CaseFile state = commands.isEmpty() ? this : draft();
    int position = 0;
    for (IssuedCommand step : commands) {
      Check.orThrow(nullStep(step, position));
      Decision outcome = CaseRules.decide(state, step.issued(), step.command());
      log(id(), step.command(), outcome);
      if (outcome instanceof Rejection r) {
        return Either.left(new RefusedStep(position, step.kind(), r));
      }
      state = Evolution.apply(state, state.version + 1, step.issued().at(), (CaseEvent) outcome);
      position++;
    }
    return Either.right(state.freeze());
  }

  /**
   * Applies events that {@link #decide} produced for this case file (or that follow it in a stored history).
   * Applying the facts {@code decide} produced cannot fail; an event that could not have followed this case
   * file is refused rather than applied into a state the rules forbid.
   *
   * @param events events of this case, numbered from {@code version() + 1} without gaps
   * @return the case file after the events
   * @throws org.casemgmt.InvalidInputException if the events or one of them is null, an event belongs to another
   *     case or is out of sequence, or an event cannot follow the case file as it is: it refers to what the case
   *     file does not hold (an unknown need, goal, intervention or referral, or a plan event before planning
   *     started) or moves the case where the phase table does not lead from its phase
   */
  public CaseFile evolve(Seq<RecordedEvent> events) {
    Check.orThrow(Check.present("events", events));
    CaseFile state = this;
    if (events instanceof List<RecordedEvent> list) {
      // decide's one-element List, applied here for every command: walked without allocating an iterator.
      for (List<RecordedEvent> rest = list; !rest.isEmpty(); rest = rest.tail()) {
        state = checkedApply(state, rest.head());
      }
    } else {
      for (RecordedEvent event : events) {
        state = checkedApply(state, event);
      }
    }
    return state;
  }

  private static CaseFile checkedApply(CaseFile state, RecordedEvent event) {
    if (event == null) {
      Check.orThrow(new org.casemgmt.InputError("events", org.casemgmt.InputError.Problem.NULL_ELEMENT,
          "event " + (state.version() + 1) + " is null"));
    }
    Option<InvalidHistory> problem = InvalidHistory.check(state.id(), state.version(), event);
    if (problem.isDefined()) {
      // The problem and the position, never the ids the history's own detail quotes.
      throw cannotFollow(state, problem.map(p -> p.problem().name()).getOrElse(""));
    }
    try {
      return Evolution.apply(state, event);
    } catch (Evolution.Inconsistent e) {
      throw cannotFollow(state, event.event().kind() + " is " + InvalidHistory.Problem.INCONSISTENT);
    }
  }

  private static org.casemgmt.InvalidInputException cannotFollow(CaseFile state, String why) {
    return new org.casemgmt.InvalidInputException(List.of(new org.casemgmt.InputError("events",
        org.casemgmt.InputError.Problem.MALFORMED,
        "event " + (state.version() + 1) + " cannot follow the case file: " + why)));
  }

  /**
   * Rebuilds a case file from its stored history, checking every event against the rules. A stored history is a
   * record about a person that outlives the code that wrote it and comes back from a database the application
   * does not fully control, so it is replayed as it was written: each event must be exactly what the rules
   * decide, on the case file the events before it built, for the command that records it. A history passes
   * exactly when some sequence of accepted commands could have produced it.
   *
   * <pre>{@code Either<InvalidHistory, CaseFile> loaded = CaseFile.replay(store.load(caseId)); }</pre>
   *
   * @param history the case's events in order, starting with {@link CaseEvent.CaseOpened}
   * @return the case file, or what is wrong with the history: empty, a gap, another case's events, or the first
   *     event that could not have followed the ones before it, with the rule it breaks
   * @throws org.casemgmt.InvalidInputException if the history or one of its events is null
   */
  public static Either<InvalidHistory, CaseFile> replay(Seq<RecordedEvent> history) {
    return replay(history, Permissions.socialServices());
  }

  /**
   * As {@link #replay(Seq)}, for a case that follows an organisation's own permission table: every event is
   * checked against that table too, as its command was.
   *
   * @param history     the case's events in order, starting with {@link CaseEvent.CaseOpened}
   * @param permissions the table the case follows
   * @return the case file, or what is wrong with the history
   * @throws org.casemgmt.InvalidInputException if an argument or one of the events is null
   */
  public static Either<InvalidHistory, CaseFile> replay(Seq<RecordedEvent> history, Permissions permissions) {
    Check.orThrow(Check.present("history", history), Check.present("permissions", permissions));
    Option<InvalidHistory> problem = InvalidHistory.checkAll(history);
    return problem.isDefined()
        ? Either.left(problem.getOrElseThrow(IllegalStateException::new))
        : HistoryCheck.replayVerified(history, permissions);
  }

  /**
   * Rebuilds a case file from a history without checking its events against the rules: only its numbering, its
   * case and that each event refers to what the case file holds are checked. It is faster than
   * {@link #replay}, and safe only for a history that has already passed {@code replay} and has not changed
   * since — one the application wrote itself from {@link #decide} and reads back from a store it trusts (a
   * tamper-evident one, say), or a cache of a history replayed before. A history that breaks a rule may replay
   * here into a case file the rules forbid.
   *
   * @param history the case's events in order, starting with {@link CaseEvent.CaseOpened}
   * @return the case file, or what is wrong with the history's shape
   * @throws org.casemgmt.InvalidInputException if the history or one of its events is null
   */
  public static Either<InvalidHistory, CaseFile> replayTrusted(Seq<RecordedEvent> history) {
    return replayTrusted(history, Permissions.socialServices());
  }

  /**
   * As {@link #replayTrusted(Seq)}, for a case that follows an organisation's own permission table.
   *
   * @param history     the case's events in order, starting with {@link CaseEvent.CaseOpened}
   * @param permissions the table the case follows
   * @return the case file, or what is wrong with the history's shape
   * @throws org.casemgmt.InvalidInputException if an argument or one of the events is null
   */
  public static Either<InvalidHistory, CaseFile> replayTrusted(Seq<RecordedEvent> history, Permissions permissions) {
    Check.orThrow(Check.present("history", history), Check.present("permissions", permissions));
    Option<InvalidHistory> problem = InvalidHistory.checkAll(history);
    return problem.isDefined()
        ? Either.left(problem.getOrElseThrow(IllegalStateException::new))
        : Evolution.replayTrusted(history, permissions);
  }

  /** A null command in a sequence, as the error the sequence's own check would give; null when it is present. */
  private static org.casemgmt.InputError nullStep(Object command, int position) {
    return command != null ? null : new org.casemgmt.InputError("commands",
        org.casemgmt.InputError.Problem.NULL_ELEMENT, "must not contain null (one at position " + position + ")");
  }

  private static void log(CaseId caseId, Command command, Decision outcome) {
    if (LOG.isDebugEnabled()) {
      // Ids, kinds and rule names only: never personal data or free text.
      if (outcome instanceof Rejection r) {
        LOG.debug("case {}: {} rejected: {}", caseId, command.kind(), r.rule());
      } else {
        LOG.debug("case {}: {} accepted: {}", caseId, command.kind(), outcome.getClass().getSimpleName());
      }
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CaseFile that
        && version == that.version
        && openedAt.equals(that.openedAt)
        && openedOn.equals(that.openedOn)
        && lastAt.equals(that.lastAt)
        && phase == that.phase
        && suspended == that.suspended
        && assessmentCompleted == that.assessmentCompleted
        && needs.equals(that.needs)
        && java.util.Objects.equals(plan, that.plan)
        && providers.equals(that.providers)
        && java.util.Objects.equals(lastReviewOn, that.lastReviewOn)
        && details.equals(that.details);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(version, openedAt, openedOn, lastAt, phase, suspended, assessmentCompleted, needs, plan,
        providers, lastReviewOn, details);
  }

  /** The version and the attributes; personal fields and free text are redacted by the values themselves. */
  @Override
  public String toString() {
    return "CaseFile[version=" + version + ", openedAt=" + openedAt + ", openedOn=" + openedOn + ", lastRecordedAt="
        + lastAt + ", phase=" + phase
        + ", suspended=" + suspended + ", assessmentCompleted=" + assessmentCompleted + ", needs=" + needs + ", plan="
        + plan + ", providers=" + providers + ", lastReviewOn=" + lastReviewOn + ", " + details + "]";
  }
}
