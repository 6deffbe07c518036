package org.casemgmt.testkit;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Consumer;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.InvalidHistory;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.internal.Check;
import org.casemgmt.party.Client;
import org.casemgmt.party.StaffId;
import org.casemgmt.resource.Provider;

/**
 * A given/when/then fixture for testing code against a case file, in the style of Axon's
 * {@code AggregateTestFixture}: a history of events is given, one command is issued, and the test states what
 * must follow — the events it emits, the rejection it gets, or the state it leaves. The stages are types, so
 * the order cannot be got wrong: only {@link Given} has {@code when}, only {@link When} has {@code then…}.
 *
 * <pre>{@code
 * CaseFixture.given(
 *         new CaseEvent.CaseOpened(CaseId.of("CASE-1"), client, StaffId.of("anna"), HashSet.of(HOUSING), DAY),
 *         new CaseEvent.AssessmentStarted())
 *     .at(Instant.parse("2026-01-06T10:00:00Z"))
 *     .when(new Command.RecordNeed(NeedId.of("N-1"), HOUSING, "Evicted", URGENT, CLIENT))
 *     .thenEmits(new CaseEvent.NeedRecorded(Need.of(NeedId.of("N-1"), HOUSING, "Evicted", URGENT, CLIENT)))
 *     .thenState(file -> check(file.openNeeds().size() == 1));
 *
 * CaseFixture.given(opened)
 *     .when(Command.StartPlanning.of(period))
 *     .thenRejectedWith(Rejection.CommandNotPermitted.class)
 *     .satisfying(r -> check(r.phase() == Phase.INTAKE));
 *
 * CaseFixture.Given assessing = CaseFixture.given(opened, new CaseEvent.AssessmentStarted()); // version 2
 * assessing.when(assessing.issued().expectingVersion(1), new Command.CompleteAssessment())  // an envelope of your own
 *     .thenRejectedWith(new Rejection.VersionConflict(CaseId.of("CASE-1"), 1, 2));
 * }</pre>
 *
 * <p><b>Why a fixture owns the clock.</b> The model has no clock: every command travels in an envelope
 * ({@link Issued}) that says who issued it and when. A test that invents instants by hand easily issues a
 * command before the case was opened, and then tests the wrong rule. The fixture stamps the given events with
 * {@link #START} (or at the instants a recorded history already has), as {@link #ACTOR} and its case managers, and keeps a clock that
 * starts at the last event of the history; {@link Given#issued()} and {@link Given#when(Command)} stamp
 * commands with it, {@link Given#at(Instant)} moves it. A test that needs another actor, another instant or an
 * expected version gives an envelope of its own to {@link Given#when(Issued, Command)} or
 * {@link Given#when(IssuedCommand)}, and it is used as it is.
 *
 * <p><b>What each expectation checks.</b> {@link When#thenEmits} compares the event payloads and checks that
 * the recorded events continue the history (same case, sequence numbers without gaps, the command's actor and
 * instant), and that replaying the whole history gives the state that applying the events gave.
 * {@link When#thenRejectedWith(Rejection)} compares the rejection and checks that the refusal changed nothing:
 * the case file still equals a fresh replay of the history and deciding again gives the same rejection.
 *
 * <p><b>Failures</b> are {@link AssertionError}s, so any test framework reports them. Their messages name
 * event kinds, rejection rules, ids, dates and which fields differ; free-text fields are shown as
 * {@code ***}, so a failing test never prints personal data. The fixture does not depend on a test framework.
 */
public final class CaseFixture {

  /**
   * Who opens a case in a plain given history, and who issues a command the fixture stamps when no case is open
   * yet. Once a case is open, the fixture stamps as its case manager (whom the default permission table lets issue
   * every command): the given events as the case manager of the moment, commands as the current one.
   */
  public static final StaffId ACTOR = StaffId.of("fixture");

  /** The instant a plain given history is stamped with and the fixture's clock starts at. */
  public static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

  /** How many event kinds the message about an invalid given history lists. */
  private static final int HISTORY_SHOWN = 50;

  private CaseFixture() {}

  // ---------------------------------------------------------------- given

  /**
   * Gives a history of plain events, stamped by the fixture: the case id of the first event (which must be
   * {@link CaseEvent.CaseOpened}), sequence numbers from 1, the actor {@link #ACTOR} for the opening and the case
   * manager of the moment for every later event, and the instant
   * {@link #START}. This is the convenient form: tests state facts, not storage details.
   *
   * @param history the case's events in order, starting with {@code CaseOpened}
   * @return the given stage
   * @throws org.casemgmt.InvalidInputException if the history is missing, empty, holds null, does not start
   *     with {@code CaseOpened}, or cannot be applied in this order (a mistake in the test, not a failed
   *     expectation)
   */
  public static Given given(CaseEvent... history) {
    Check.orThrow(Check.present("history", history));
    Check.orThrow(Check.elements("history", Vector.of(history), true));
    if (!(history[0] instanceof CaseEvent.CaseOpened opened)) {
      throw setupMistake("history", "must start with CaseOpened, not " + kind(history[0]));
    }
    Vector<RecordedEvent> stamped = Vector.empty();
    StaffId manager = opened.caseManager();
    for (int i = 0; i < history.length; i++) {
      stamped = stamped.append(new RecordedEvent(opened.caseId(), i + 1L, i == 0 ? ACTOR : manager, START,
          history[i]));
      if (history[i] instanceof CaseEvent.CaseHandedOver handedOver) {
        manager = handedOver.to();
      }
    }
    return Given.of(stamped);
  }

  /**
   * Gives a history exactly as it was recorded (for instance by an application's event store, or from the
   * events of an earlier {@link Accepted#events()}). The clock starts at the last event's instant.
   *
   * @param history the case's recorded events in order
   * @return the given stage
   * @throws org.casemgmt.InvalidInputException if the history is missing or not a valid history of one case
   */
  public static Given given(RecordedEvent... history) {
    Check.orThrow(Check.present("history", history));
    return given(Vector.of(history));
  }

  /**
   * Gives a history exactly as it was recorded, as a sequence.
   *
   * @param history the case's recorded events in order
   * @return the given stage
   * @throws org.casemgmt.InvalidInputException if the history is missing, empty (use {@link #givenNoCase()} for
   *     no case), holds null or is not a valid history of one case
   */
  public static Given given(Seq<RecordedEvent> history) {
    Check.orThrow(Check.elements("history", history, true));
    return Given.of(Vector.ofAll(history));
  }

  /**
   * A mistake in setting up the test — a history or command that cannot be given — as the input error it is; the
   * detail names positions, kinds and rules, never ids or text.
   */
  private static org.casemgmt.InvalidInputException setupMistake(String field, String detail) {
    return new org.casemgmt.InvalidInputException(List.of(new org.casemgmt.InputError(field,
        org.casemgmt.InputError.Problem.MALFORMED, detail)));
  }

  /**
   * Gives the history that opening a case and then handling these commands produces. Reads best when the
   * setup is itself a story told in commands; every command must be accepted.
   *
   * @param open     the command that opens the case, in its envelope
   * @param commands the commands that follow, each in its envelope and each accepted
   * @return the given stage, its clock at the last command's instant
   * @throws org.casemgmt.InvalidInputException if a command is missing, the first does not open the case, or a
   *     command is refused (naming its position, kind and rule)
   */
  public static Given givenCommands(IssuedCommand open, IssuedCommand... commands) {
    Check.orThrow(Check.present("open", open), Check.present("commands", commands));
    Check.orThrow(Check.elements("commands", Vector.of(commands), false));
    if (!(open.command() instanceof Command.OpenCase opening)) {
      throw setupMistake("open", "given command 0 must open the case, not " + open.kind());
    }
    Seq<RecordedEvent> history = CaseFile.decideOpening(open.issued(), opening)
        .getOrElseThrow(r -> setupMistake("open", "given command 0 (OPEN_CASE) is refused: " + r.rule()));
    CaseFile state = CaseFile.replay(history)
        .getOrElseThrow(h -> setupMistake("open", "the opening replays as " + h.problem()));
    for (int i = 0; i < commands.length; i++) {
      IssuedCommand command = commands[i];
      int position = i + 1;
      Seq<RecordedEvent> events = state.decide(command.issued(), command.command()).getOrElseThrow(
          r -> setupMistake("commands", "given command " + position + " (" + command.kind() + ") is refused: "
              + r.rule()));
      history = history.appendAll(events);
      state = state.evolve(events);
    }
    return Given.of(Vector.ofAll(history));
  }

  /**
   * Gives no history at all: the only command that can follow is {@link Command.OpenCase}.
   *
   * @return the given stage for a case not yet opened, its clock at {@link #START}
   */
  public static Given givenNoCase() {
    return new Given(Vector.empty(), Option.none(), START);
  }

  // ---------------------------------------------------------------- stages

  /**
   * The first stage: a history has been given and the clock set. Issue one command with {@code when}.
   * Instances are immutable; {@link #at(Instant)} answers a new stage.
   */
  public static final class Given {

    private final Vector<RecordedEvent> history;
    private final Option<CaseFile> state;
    private final Instant now;

    private Given(Vector<RecordedEvent> history, Option<CaseFile> state, Instant now) {
      this.history = history;
      this.state = state;
      this.now = now;
    }

    private static Given of(Vector<RecordedEvent> history) {
      Either<InvalidHistory, CaseFile> replayed = CaseFile.replay(history);
      // An event that refers to things not yet there (a goal before a plan…) is a setup mistake like a gap.
      CaseFile file = replayed.getOrElseThrow(h -> setupMistake("history",
          "the given history is invalid: " + h.problem() + " at position " + h.position()
              + (h.position() >= 1 && h.position() <= history.size()
                  ? " (" + kind(history.get((int) h.position() - 1).event()) + ")" : "")
              + "; the history: " + history.take(HISTORY_SHOWN).map(r -> kind(r.event())).mkString(", ")
              + (history.size() > HISTORY_SHOWN ? ", … (" + history.size() + " events)" : "")));
      return new Given(history, Option.some(file), history.last().at());
    }

    /**
     * Moves the fixture's clock: commands stamped by this stage are issued at this instant. It may be earlier
     * than the history, to test that such commands are refused.
     *
     * @param instant the new time, within the supported days (see {@link org.casemgmt.plan.DayWindow})
     * @return a stage with the same history and the clock at {@code instant}
     * @throws org.casemgmt.InvalidInputException if the instant is missing or unsupported
     */
    public Given at(Instant instant) {
      Check.orThrow(Check.instant("instant", instant));
      return new Given(history, state, instant);
    }

    /**
     * The fixture's clock, fixed at the current instant in UTC, for code under test that wants a
     * {@link Clock}.
     *
     * @return a fixed clock
     */
    public Clock clock() {
      return Clock.fixed(now, ZoneOffset.UTC);
    }

    /**
     * The current day of the fixture's clock in UTC, for the days commands carry.
     *
     * @return today according to the fixture
     */
    public LocalDate today() {
      return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /**
     * A stamp for a command: issued by the case's manager (by {@link #ACTOR} while no case is open) at the
     * fixture's current instant.
     *
     * @return an envelope without an expected version; add one with {@link Issued#expectingVersion(long)}
     */
    public Issued issued() {
      return Issued.by(state.map(CaseFile::caseManager).getOrElse(ACTOR), now);
    }

    /**
     * A stamp for a command issued by someone else at the fixture's current instant.
     *
     * @param actor who issues the command
     * @return an envelope from {@code actor} at the fixture's current instant, without an expected version
     */
    public Issued issuedBy(StaffId actor) {
      return Issued.by(actor, now);
    }

    /**
     * The case file the history gives, if a case was opened.
     *
     * @return the case file, or none for {@link #givenNoCase()}
     */
    public Option<CaseFile> state() {
      return state;
    }

    /**
     * The given history.
     *
     * @return the recorded events, in order
     */
    public Seq<RecordedEvent> history() {
      return history;
    }

    /**
     * Issues a command stamped by the fixture: by the case's manager (by {@link #ACTOR} while no case is open) at
     * the fixture's current instant.
     *
     * @param command the bare command under test
     * @return the stage that states the expectation
     * @throws org.casemgmt.InvalidInputException if an argument is missing, or no case was opened and the command
     *     does not open one
     */
    public When when(Command command) {
      return when(issued(), command);
    }

    /**
     * Issues a command in an envelope of the test's own (another actor, another instant, an expected version).
     *
     * @param issued  who issues it, when, and the version they expect; used as it is
     * @param command the bare command under test
     * @return the stage that states the expectation
     * @throws org.casemgmt.InvalidInputException if an argument is missing, or no case was opened and the command
     *     does not open one
     */
    public When when(Issued issued, Command command) {
      Check.orThrow(Check.present("issued", issued), Check.present("command", command));
      Either<Rejection, Seq<RecordedEvent>> outcome;
      if (state.isDefined()) {
        CaseFile file = state.getOrElseThrow(IllegalStateException::new);
        outcome = file.decide(issued, command);
      } else if (command instanceof Command.OpenCase open) {
        outcome = CaseFile.decideOpening(issued, open);
      } else {
        throw setupMistake("command", "no case was given: only OPEN_CASE can be issued, not " + command.kind());
      }
      return new When(this, IssuedCommand.of(issued, command), outcome);
    }

    /**
     * Issues a command that travels in its envelope.
     *
     * @param command the command with who issued it and when
     * @return the stage that states the expectation
     * @throws org.casemgmt.InvalidInputException if an argument is missing, or no case was opened and the command
     *     does not open one
     */
    public When when(IssuedCommand command) {
      Check.notNull(command, "command");
      return when(command.issued(), command.command());
    }
  }

  /** The second stage: a command was decided. State what must have happened with a {@code then…} method. */
  public static final class When {

    private final Given given;
    private final IssuedCommand command;
    private final Either<Rejection, Seq<RecordedEvent>> outcome;

    private When(Given given, IssuedCommand command, Either<Rejection, Seq<RecordedEvent>> outcome) {
      this.given = given;
      this.command = command;
      this.outcome = outcome;
    }

    /**
     * Expects the command to be accepted with exactly these events, in this order. Also checks that the
     * recorded events continue the history (case, sequence, actor, instant) and that replaying the whole
     * history gives the state that applying the events gave.
     *
     * @param expected the event payloads
     * @return the accepted stage, for further checks of the new state
     * @throws AssertionError if the command was refused or emitted other events
     * @throws org.casemgmt.InvalidInputException if the expected events are missing or one of them is
     */
    public Accepted thenEmits(CaseEvent... expected) {
      Check.orThrow(Check.present("expected", expected));
      Check.orThrow(Check.elements("expected", List.of(expected), false));
      Seq<RecordedEvent> recorded = accepted("events " + kinds(List.of(expected)));
      Seq<CaseEvent> actual = recorded.map(RecordedEvent::event);
      if (actual.size() != expected.length) {
        throw new AssertionError(command.kind() + ": expected " + expected.length + " event(s) " + kinds(List.of(expected))
            + " but got " + actual.size() + " " + kinds(actual));
      }
      for (int i = 0; i < expected.length; i++) {
        CaseEvent want = expected[i];
        CaseEvent got = actual.get(i);
        if (!Objects.equals(want, got)) {
          throw new AssertionError(command.kind() + ": event " + (i + 1) + " expected " + describe(want)
              + " but was " + describe(got) + differences(want, got));
        }
      }
      return Accepted.of(this, recorded);
    }

    /**
     * Expects the command to be accepted, whatever it emits, and runs checks on the new state.
     *
     * @param check assertions on the case file after the command
     * @return the accepted stage
     * @throws AssertionError if the command was refused, or as thrown by {@code check}
     */
    public Accepted thenState(Consumer<CaseFile> check) {
      Check.notNull(check, "check");
      return Accepted.of(this, accepted("to be accepted")).thenState(check);
    }

    /**
     * Expects the command to be refused with exactly this rejection (every typed field compared), and checks
     * that the refusal changed nothing.
     *
     * @param expected the rejection, every field as the case file must answer it
     * @param <R>      its type
     * @return the rejected stage, holding the actual rejection
     * @throws AssertionError if the command was accepted or refused otherwise
     */
    public <R extends Rejection> Rejected<R> thenRejectedWith(R expected) {
      Check.notNull(expected, "expected");
      Rejection actual = rejected(expected.rule());
      if (!expected.equals(actual)) {
        throw new AssertionError(command.kind() + ": expected rejection " + describe(expected) + " but got "
            + describe(actual) + differences(expected, actual));
      }
      @SuppressWarnings("unchecked") // equal records are of the same class
      R typed = (R) actual;
      return new Rejected<>(typed);
    }

    /**
     * Expects the command to be refused by this rule, whatever the rejection's fields, and checks that the
     * refusal changed nothing. Check the fields through {@link Rejected#rejection()} or
     * {@link Rejected#satisfying(Consumer)}.
     *
     * @param rule the rejection's type, which names the broken rule
     * @param <R>  that type
     * @return the rejected stage, holding the actual rejection for checks of its fields
     * @throws AssertionError if the command was accepted or refused by another rule
     */
    public <R extends Rejection> Rejected<R> thenRejectedWith(Class<R> rule) {
      Check.notNull(rule, "rule");
      Rejection actual = rejected(rule.getSimpleName());
      if (!rule.isInstance(actual)) {
        throw new AssertionError(command.kind() + ": expected rejection " + rule.getSimpleName() + " but got "
            + describe(actual));
      }
      return new Rejected<>(rule.cast(actual));
    }

    private Seq<RecordedEvent> accepted(String expectation) {
      Seq<RecordedEvent> recorded = outcome.fold(rejection -> {
        throw new AssertionError(command.kind() + ": expected " + expectation + " but the command was rejected: "
            + describe(rejection));
      }, events -> events);
      long sequence = given.history.size();
      CaseId caseId = given.state.map(CaseFile::id).getOrElse(() -> recorded.isEmpty() ? null : recorded.head().caseId());
      for (RecordedEvent event : recorded) {
        sequence++;
        String at = command.kind() + ": recorded " + kind(event.event()) + " ";
        if (!event.caseId().equals(caseId)) {
          throw new AssertionError(at + "belongs to case " + event.caseId() + ", not " + caseId);
        }
        if (event.sequence() != sequence) {
          throw new AssertionError(at + "has sequence " + event.sequence() + ", expected " + sequence
              + " after a history of " + given.history.size());
        }
        if (!event.actor().equals(command.issued().actor()) || !event.at().equals(command.issued().at())) {
          throw new AssertionError(at + "is stamped " + event.actor() + " at " + event.at() + ", but the command was "
              + "issued by " + command.issued().actor() + " at " + command.issued().at());
        }
      }
      return recorded;
    }

    private Rejection rejected(String expectation) {
      Rejection rejection = outcome.fold(r -> r, events -> {
        throw new AssertionError(command.kind() + ": expected rejection " + expectation + " but the command was "
            + "accepted with " + kinds(events.map(RecordedEvent::event)));
      });
      if (given.state.isDefined()) {
        CaseFile before = given.state.getOrElseThrow(IllegalStateException::new);
        CaseFile fresh = CaseFile.replay(given.history).getOrElseThrow(h -> new AssertionError(h.problem()));
        if (!before.equals(fresh)) {
          throw new AssertionError(command.kind() + ": the refusal " + rejection.rule() + " changed the case file");
        }
        Option<Rejection> again = before.decide(command.issued(), command.command()).swap().toOption();
        if (!again.contains(rejection)) {
          throw new AssertionError(command.kind() + ": deciding again after " + rejection.rule() + " gave "
              + again.map(CaseFixture::describe).getOrElse("acceptance"));
        }
      }
      return rejection;
    }
  }

  /** The command was accepted: check the new state, or go on with another command. */
  public static final class Accepted {

    private final Given given;
    private final Seq<RecordedEvent> events;
    private final CaseFile state;

    private Accepted(Given given, Seq<RecordedEvent> events, CaseFile state) {
      this.given = given;
      this.events = events;
      this.state = state;
    }

    private static Accepted of(When when, Seq<RecordedEvent> events) {
      Vector<RecordedEvent> history = when.given.history.appendAll(events);
      CaseFile applied = when.given.state
          .map(file -> file.evolve(events))
          .getOrElse(() -> CaseFile.replay(events).getOrElseThrow(h -> new AssertionError(
              when.command.kind() + ": the opening events are not a valid history: " + h.problem())));
      CaseFile replayed = CaseFile.replay(history).getOrElseThrow(h -> new AssertionError(
          when.command.kind() + ": the history with the new events is invalid: " + h.problem()));
      if (!applied.equals(replayed)) {
        throw new AssertionError(when.command.kind() + ": replaying the history gives another state than applying "
            + kinds(events.map(RecordedEvent::event)));
      }
      return new Accepted(when.given, events, applied);
    }

    /**
     * Runs checks on the case file after the command.
     *
     * @param check assertions, e.g. {@code file -> assertEquals(Phase.PLANNING, file.phase())}
     * @return this stage, for more checks
     */
    public Accepted thenState(Consumer<CaseFile> check) {
      Check.notNull(check, "check").accept(state);
      return this;
    }

    /**
     * The case file after the command.
     *
     * @return the case file the accepted events built
     */
    public CaseFile state() {
      return state;
    }

    /**
     * The events the command recorded.
     *
     * @return the events, in order
     */
    public Seq<RecordedEvent> events() {
      return events;
    }

    /**
     * Goes on with the story: the given stage whose history ends with these events, its clock unchanged.
     *
     * @return the next given stage
     */
    public Given andThen() {
      return new Given(given.history.appendAll(events), Option.some(state), given.now);
    }
  }

  /**
   * The command was refused with a rejection of type {@code R}.
   *
   * @param <R> the rejection's type
   */
  public static final class Rejected<R extends Rejection> {

    private final R rejection;

    private Rejected(R rejection) {
      this.rejection = rejection;
    }

    /**
     * The rejection, to check its typed fields.
     *
     * @return the rejection the case file answered
     */
    public R rejection() {
      return rejection;
    }

    /**
     * Runs checks on the rejection's typed fields.
     *
     * @param check assertions, e.g. {@code o -> assertEquals(existing, o.existing())}
     * @return this stage
     */
    public Rejected<R> satisfying(Consumer<? super R> check) {
      Check.notNull(check, "check").accept(rejection);
      return this;
    }
  }

  // ---------------------------------------------------------------- messages without free text

  private static String kind(Object value) {
    return value.getClass().getSimpleName();
  }

  private static String kinds(Seq<? extends CaseEvent> events) {
    return events.map(CaseFixture::kind).mkString("[", ", ", "]");
  }

  /**
   * Renders an event or a rejection by kind and fields: text is masked, a client or a provider shows only its
   * id, the domain's own values show their (already redacted) {@code toString}.
   */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "***";
    }
    if (value instanceof io.vavr.control.Option<?> option) {
      // Option.some(text) — a reason, say — is masked like the text itself.
      return option.isEmpty() ? "None" : "Some(" + describe(option.getOrNull()) + ")";
    }
    if (value instanceof Client client) {
      return "Client[" + client.id() + "]";
    }
    if (value instanceof Provider provider) {
      return "Provider[" + provider.id() + "]";
    }
    if (value instanceof CaseEvent || value instanceof Rejection) {
      RecordComponent[] components = value.getClass().getRecordComponents();
      if (components != null && readable(components, value)) {
        StringBuilder text = new StringBuilder(kind(value)).append('[');
        for (int i = 0; i < components.length; i++) {
          text.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=')
              .append(describe(read(components[i], value)));
        }
        return text.append(']').toString();
      }
    }
    return String.valueOf(value);
  }

  /** Names the fields (paths into nested records) in which two values of the same record type differ. */
  private static String differences(Object expected, Object actual) {
    if (expected.getClass() != actual.getClass()) {
      return "";
    }
    Seq<String> paths = differingPaths("", expected, actual, 3);
    return paths.isEmpty() ? "" : " (differs in " + paths.mkString(", ") + ")";
  }

  private static Seq<String> differingPaths(String prefix, Object expected, Object actual, int depth) {
    RecordComponent[] components = expected.getClass().getRecordComponents();
    if (components == null || depth == 0 || expected.getClass() != actual.getClass() || !readable(components, expected)) {
      return Objects.equals(expected, actual) ? List.empty() : List.of(prefix.isEmpty() ? "value" : prefix);
    }
    Seq<String> paths = List.empty();
    for (RecordComponent component : components) {
      Object want = read(component, expected);
      Object got = read(component, actual);
      if (!Objects.equals(want, got)) {
        String path = prefix.isEmpty() ? component.getName() : prefix + "." + component.getName();
        paths = want == null || got == null
            ? paths.append(path)
            : paths.appendAll(differingPaths(path, want, got, depth - 1));
      }
    }
    return paths;
  }

  private static boolean readable(RecordComponent[] components, Object record) {
    for (RecordComponent component : components) {
      if (!component.getAccessor().canAccess(record)) {
        return false;
      }
    }
    return true;
  }

  private static Object read(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of " + kind(record), e);
    }
  }
}
