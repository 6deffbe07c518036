package org.casemgmt.testkit;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;
import org.casemgmt.InputError;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.internal.Check;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ServiceKind;

/**
 * Generators of casemgmt's values and of whole case histories, for properties about casemgmt and about
 * applications built on it. Ids are small and readable ({@code N-3}, {@code I-12}); free text is a fixed
 * neutral phrase, so nothing generated looks like personal data.
 *
 * <pre>{@code
 * Property.forAll(CaseGens.generatedCases(60)).describedBy(GeneratedCase::story)
 *     .check(c -> c.play().version() >= 1);
 * Property.forAll(CaseGens.casesIn(Phase.PLANNING)).check(c -> c.currentPlan().isDefined());
 * }</pre>
 *
 * <p>The command sequences are the important part. Each command is chosen by looking at the case as the
 * commands before it left it, so the cases reached are real ones; most commands are meant to be accepted and
 * move the case on, the others are meant to be refused — a command of the wrong phase, an unknown or duplicate
 * id, a window overlapping a live intervention (often by exactly one day), a day before the case was opened, a
 * stale expected version, an instant before the latest step — and every {@link org.casemgmt.casefile.CommandKind}
 * occurs. The clock only moves forward; only commands meant to be refused for their instant are stamped earlier.
 */
public final class CaseGens {

  /** The first day generated cases may be opened on. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);

  /** The most windows (and interventions) {@link #nonOverlappingWindows} lines up: they all end within 2,500 years. */
  public static final int MAX_WINDOWS = 10_000;

  /** The most commands of a generated case: far more than a shrunk failure needs. */
  public static final int MAX_COMMANDS = 100_000;

  private static final String TEXT = "generated text";

  private CaseGens() {}

  // ---------------------------------------------------------------- values

  /** {@return case ids {@code CASE-1} … {@code CASE-9999}} */
  public static Gen<CaseId> caseIds() {
    return Gen.integers(1, 9999).map(n -> CaseId.of("CASE-" + n));
  }

  /** {@return members of a small team, so that hand-overs often go back and forth} */
  public static Gen<StaffId> staffIds() {
    return Gen.elements(CommandChooser.STAFF.toJavaArray(StaffId[]::new));
  }

  /** {@return clients with a neutral name and a birth date between 1940 and 2010} */
  public static Gen<Client> clients() {
    return Gen.integers(1, 9999).flatMap(n -> Gen.dates(LocalDate.of(1940, 1, 1), 70 * 365)
        .map(born -> Client.of(ClientId.of("C-" + n), "Client " + n, born)));
  }

  /** {@return any life domain} */
  public static Gen<LifeDomain> lifeDomains() {
    return Gen.elements(LifeDomain.values());
  }

  /** {@return scopes of one to five life domains} */
  public static Gen<Set<LifeDomain>> scopes() {
    return Gen.setOf(lifeDomains(), 1, 5);
  }

  /** {@return need ids {@code N-1} … {@code N-50}} */
  public static Gen<NeedId> needIds() {
    return Gen.integers(1, 50).map(n -> NeedId.of("N-" + n));
  }

  /** {@return intervention ids {@code I-1} … {@code I-200}} */
  public static Gen<InterventionId> interventionIds() {
    return Gen.integers(1, 200).map(n -> InterventionId.of("I-" + n));
  }

  /** {@return goal ids {@code G-1} … {@code G-50}} */
  public static Gen<GoalId> goalIds() {
    return Gen.integers(1, 50).map(n -> GoalId.of("G-" + n));
  }

  /** {@return any priority, shrinking towards {@code LOW}} */
  public static Gen<Priority> priorities() {
    return Gen.elements(Priority.values());
  }

  /** {@return open needs in any life domain} */
  public static Gen<Need> needs() {
    return needIds().flatMap(id -> lifeDomains().flatMap(domain -> priorities().flatMap(priority ->
        Gen.elements(IdentifiedBy.values()).map(by -> Need.of(id, domain, TEXT, priority, by)))));
  }

  /** {@return amounts from 0 to 100,000.99, with cents a fifth of the time; shrinking towards zero} */
  public static Gen<Money> money() {
    return Gen.integers(0, 100_000).flatMap(units -> Gen.frequency(
        Tuple.of(4, Gen.constant(Money.of(units))),
        Tuple.of(1, Gen.integers(0, 99).map(cents -> Money.of(units + "." + (cents < 10 ? "0" : "") + cents)))));
  }

  /** {@return the common service kinds, {@link ServiceKind#RESIDENTIAL_PLACEMENT} (exclusive) included} */
  public static Gen<ServiceKind> serviceKinds() {
    return Gen.elements(CommandChooser.KINDS.toJavaArray(ServiceKind[]::new));
  }

  /** {@return windows starting in the first year after {@link #FIRST_DAY}, 1 to 90 days long} */
  public static Gen<DayWindow> dayWindows() {
    return dayWindows(FIRST_DAY, 365, 90);
  }

  /**
   * Windows starting in {@code [from, from + startDays)} and lasting 1 to {@code maxLength} days; they shrink
   * towards starting on {@code from} and lasting one day.
   *
   * @param from      the earliest start, a supported day (see {@link DayWindow})
   * @param startDays how many start days are possible, at least 1
   * @param maxLength the longest window, in days, at least 1
   * @return a generator of such windows
   * @throws org.casemgmt.InvalidInputException if the day is missing or unsupported, or a number out of range
   */
  public static Gen<DayWindow> dayWindows(LocalDate from, int startDays, int maxLength) {
    InputError day = Check.day("from", from);
    long room = day == null ? DayWindow.LAST_DAY.toEpochDay() - from.toEpochDay() : Long.MAX_VALUE;
    Check.orThrow(day, Check.between("startDays", startDays, 1, Math.max(1, room)),
        Check.between("maxLength", maxLength, 1, Math.max(1, room - Math.max(0, startDays - 1L))));
    return Gen.dates(from, startDays).flatMap(start -> Gen.integers(1, maxLength)
        .map(days -> DayWindow.ofDays(start, days)));
  }

  /**
   * Up to {@code max} windows in order, none sharing a day with another; consecutive windows touch about a
   * third of the time ({@code a.end == b.start}), which the non-overlap rule allows.
   *
   * @param max the most windows, at least 1
   * @return a generator of lists of one to {@code max} windows, in start order
   * @throws org.casemgmt.InvalidInputException if {@code max} is out of range
   */
  public static Gen<List<DayWindow>> nonOverlappingWindows(int max) {
    Check.orThrow(Check.between("max", max, 1, MAX_WINDOWS));
    Gen<Tuple2<Integer, Integer>> gapAndLength = Gen.frequency(
            Tuple.of(1, Gen.constant(0)), Tuple.of(2, Gen.integers(1, 30)))
        .flatMap(gap -> Gen.integers(1, 60).map(length -> Tuple.of(gap, length)));
    return Gen.listOf(gapAndLength, 1, max).map(parts -> {
      LocalDate cursor = FIRST_DAY;
      List<DayWindow> windows = List.empty();
      for (Tuple2<Integer, Integer> part : parts) {
        DayWindow window = DayWindow.ofDays(cursor.plusDays(part._1), part._2);
        windows = windows.append(window);
        cursor = window.end();
      }
      return windows;
    });
  }

  /**
   * Planned interventions for one need and one service kind that may all be in the same plan: their windows
   * never share a day.
   *
   * @param need the need they all address
   * @param kind their service kind
   * @param max  the most interventions, at least 1
   * @return a generator of lists of one to {@code max} interventions, ids {@code I-1} on, one provider each
   * @throws org.casemgmt.InvalidInputException if the need or the kind is missing or {@code max} out of range
   */
  public static Gen<List<Intervention>> nonOverlappingInterventions(NeedId need, ServiceKind kind, int max) {
    Check.orThrow(Check.present("need", need), Check.present("kind", kind));
    return nonOverlappingWindows(max).flatMap(windows -> Gen.listOf(money(), windows.size(), windows.size())
        .map(costs -> windows.zip(costs).zipWithIndex().map(w -> Intervention.of(
            InterventionId.of("I-" + (w._2 + 1)), io.vavr.collection.LinkedHashSet.of(need),
            io.vavr.collection.LinkedHashSet.empty(), ProviderId.of("P-" + (w._2 + 1)), kind, w._1._1, w._1._2))));
  }

  /**
   * Pairs of windows that share at least one day — a third of the time exactly one, at either end — in either
   * order.
   *
   * @return a generator of overlapping pairs, for properties of the non-overlap rule
   */
  public static Gen<Tuple2<DayWindow, DayWindow>> overlappingPairs() {
    return dayWindows().flatMap(first -> Gen.oneOf(
        // shares only its last day with the first window's first day
        Gen.integers(1, 60).map(days -> DayWindow.of(first.start().minusDays(days - 1L), first.start().plusDays(1))),
        // starts on the first window's last day
        Gen.integers(1, 60).map(days -> DayWindow.ofDays(first.end().minusDays(1), days)),
        // starts anywhere inside the first window
        Gen.integers(0, (int) first.days() - 1).flatMap(offset -> Gen.integers(1, 90)
            .map(days -> DayWindow.ofDays(first.start().plusDays(offset), days))))
        .flatMap(second -> Gen.booleans().map(swap -> swap ? Tuple.of(second, first) : Tuple.of(first, second))));
  }

  /**
   * {@return commands opening a case some day in 2026, issued by the member of the team who takes charge, with a
   * scope of one to five domains}
   */
  public static Gen<IssuedCommand> openings() {
    return caseIds().flatMap(id -> clients().flatMap(client -> staffIds().flatMap(manager -> scopes().flatMap(scope ->
        Gen.integers(0, 360 * 24 * 60).map(minutes -> {
          Instant at = FIRST_DAY.atTime(8, 0).toInstant(ZoneOffset.UTC).plusSeconds(minutes * 60L);
          return IssuedCommand.of(Issued.by(manager, at), new Command.OpenCase(id, client, Option.some(manager), scope,
              LocalDate.ofInstant(at, ZoneOffset.UTC)));
        })))));
  }

  // ---------------------------------------------------------------- histories

  /**
   * Case histories of up to {@code maxCommands} commands after the opening, each chosen from the case as the
   * commands before it left it (see the class comment). A generated case shrinks by dropping commands and
   * simplifying the remaining ones.
   *
   * @param maxCommands the most commands after the opening, at least 0
   * @return a generator of generated cases, each with 0 to {@code maxCommands} commands
   * @throws org.casemgmt.InvalidInputException if {@code maxCommands} is out of range
   */
  public static Gen<GeneratedCase> generatedCases(int maxCommands) {
    Check.orThrow(Check.between("maxCommands", maxCommands, 0, MAX_COMMANDS));
    return (random, size) -> {
      Check.notNull(random, "random");
      IssuedCommand opening = openings().generate(random, size).value();
      int length = random.nextInt(maxCommands + 1);
      List<IssuedCommand> commands = commandsFor(opening, length, random, SystemUnderTest.real());
      return Shrinking.list(commands.map(CommandShrinker::shrinkable), 0)
          .map(list -> new GeneratedCase(opening, list));
    };
  }

  /** {@code length} commands for the case the opening opens, driven by the system under test's answers. */
  static List<IssuedCommand> commandsFor(IssuedCommand opening, int length, RandomGenerator random,
      SystemUnderTest sut) {
    CaseFile state = open(opening);
    CommandChooser chooser = new CommandChooser(random, opening.issued().at(), false, Option.none());
    List<IssuedCommand> commands = List.empty();
    for (int i = 0; i < length; i++) {
      IssuedCommand command = chooser.next(state);
      commands = commands.append(command);
      state = sut.handle(state, command).after();
    }
    return commands;
  }

  /**
   * Case files in the given phase (not suspended), reached by replaying accepted commands from the opening, and
   * having spent a few more commands in that phase. They do not shrink.
   *
   * @param phase the phase the generated case files are in
   * @return a generator of case files in {@code phase}
   * @throws org.casemgmt.InvalidInputException if the phase is missing
   * @throws IllegalStateException when drawing, if the phase could not be reached (it always can)
   */
  public static Gen<CaseFile> casesIn(Phase phase) {
    Check.orThrow(Check.present("phase", phase));
    return (random, size) -> {
      Check.notNull(random, "random");
      for (int attempt = 0; attempt < 20; attempt++) {
        IssuedCommand opening = openings().generate(random, size).value();
        Option<CaseFile> reached = steer(opening, phase, random);
        if (reached.isDefined()) {
          return Shrinkable.just(reached.getOrElseThrow(IllegalStateException::new));
        }
      }
      throw new IllegalStateException("CaseGens.casesIn: could not reach phase " + phase + " in 20 attempts");
    };
  }

  private static Option<CaseFile> steer(IssuedCommand opening, Phase phase, RandomGenerator random) {
    CommandChooser chooser = new CommandChooser(random, opening.issued().at(), true, Option.some(phase));
    CaseFile state = open(opening);
    int extra = -1;
    for (int step = 0; step < 400; step++) {
      boolean arrived = state.phase() == phase && !state.suspended();
      if (arrived && extra < 0) {
        extra = random.nextInt(6);
      }
      if (arrived && extra == 0) {
        return Option.some(state);
      }
      Either<Rejection, CaseFile> next = state.handle(chooser.next(state));
      if (next.isLeft()) {
        continue;
      }
      if (arrived) {
        extra--;
      }
      CaseFile candidate = next.getOrElse(state);
      if (!arrived || candidate.phase() == phase) {
        state = candidate;
      }
    }
    return Option.none();
  }

  private static CaseFile open(IssuedCommand opening) {
    return CaseFile.open(opening.issued(), (Command.OpenCase) opening.command())
        .getOrElseThrow(r -> new IllegalStateException("the opening was refused: " + r.rule()));
  }
}
