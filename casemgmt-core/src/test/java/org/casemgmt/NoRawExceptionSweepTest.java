package org.casemgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Traversable;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CommandKind;
import org.casemgmt.party.TeamRole;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Command.OpenCase;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.PlanVersion;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.Rejection;
import org.casemgmt.export.EventLogCsv;
import org.casemgmt.export.OcelWriter;
import org.casemgmt.export.XesWriter;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Finding;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceCatalogue;
import org.casemgmt.resource.ServiceKind;
import org.casemgmt.simulation.Distribution;
import org.casemgmt.simulation.InterventionProfile;
import org.casemgmt.simulation.NeedProfile;
import org.casemgmt.simulation.Scenario;
import org.casemgmt.simulation.SimulationListener;
import org.casemgmt.testkit.CaseFixture;
import org.casemgmt.testkit.CaseGens;
import org.casemgmt.testkit.CaseInvariants;
import org.casemgmt.testkit.CheckedStep;
import org.casemgmt.testkit.Gen;
import org.casemgmt.testkit.GeneratedCase;
import org.casemgmt.testkit.Invariant;
import org.casemgmt.testkit.ModelChecker;
import org.casemgmt.testkit.Property;
import org.casemgmt.testkit.Shrinkable;
import org.casemgmt.testkit.SystemUnderTest;
import org.junit.jupiter.api.Test;

/**
 * No raw exception for any input (issue 13, item 3). Every public constructor and every public method with
 * parameters, static or instance, of every public class of every exported package is called with each argument in
 * turn set to {@code null} and then to extreme values of its type — blank, control-character, lone-surrogate,
 * 100,000-character and huge-exponent texts; 0, -1 and the minimum and maximum of each number type, NaN and the
 * infinities; {@code LocalDate.MIN/MAX}, {@code Instant.MIN/MAX}; amounts with huge exponents; empty collections,
 * collections holding null, 100,000 elements or two extreme values; every constant of an enum; {@code false} —
 * while the other arguments are valid. Each call must return, or throw an {@link InvalidInputException}, within
 * {@link #LIMIT} (a generator it returns must also draw a value); the exceptions {@link #DOCUMENTED} lists are the
 * only others allowed, and never for a null argument. A second sweep checks that every public record refuses a
 * null component, but those {@link #NULLABLE_COMPONENTS} lists.
 *
 * <p>Classes are found as {@link FreeTextRedactionTest} finds them, by walking {@code target/classes}; valid
 * arguments and receivers are built by reflection (records through their canonical constructor), except where a
 * value needs a story (a case file in monitoring, a plan version, a small scenario), which {@link #special} builds,
 * or arguments must fit one another ({@link #VALID_ARGUMENTS}). With {@code -Dcasemgmt.sweep.dump=true} the sweep
 * also writes what it found, and which null arguments were accepted, to {@code target/no-raw-exception-sweep.txt}.
 */
class NoRawExceptionSweepTest {

  /** The longest a single call may take: a bounded check never needs it; unbounded work (a huge exponent) does. */
  static final Duration LIMIT = Duration.ofSeconds(2);

  static final LocalDate DAY = LocalDate.of(2026, 1, 5);
  static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
  static final int HUGE = 100_000;
  static final String LONG_TEXT = "x".repeat(HUGE);

  /**
   * The exceptions other than {@link InvalidInputException} that a call may answer, with the reason — never for a
   * null argument, which is always an input error. ({@code valueOf(String)} of an enum is not called at all: the
   * compiler writes it, with the JDK's {@code IllegalArgumentException} for an unknown name and
   * {@code NullPointerException} for null; casemgmt adds nothing to it.)
   */
  static final List<Documented> DOCUMENTED = List.of(
      new Documented(AssertionError.class,
          e -> e.getDeclaringClass().getName().startsWith("org.casemgmt.testkit.CaseFixture$")
              || e.getDeclaringClass() == Property.class && e.getName().equals("check"),
          "the testkit's expectations (CaseFixture's thenEmits, thenState, thenRejectedWith, satisfying; "
              + "Property.check) report a failed expectation as an AssertionError, as JUnit and every test engine "
              + "expect"));

  record Documented(Class<? extends Throwable> type, Predicate<Executable> where, String reason) {}

  private static final List<String> EXPORTED = ExportedApi.PACKAGES;

  @Test
  void every_public_constructor_and_method_answers_bad_input_with_an_input_error_in_time() throws IOException {
    List<Class<?>> classes = exportedClasses();
    Sweep sweep = new Sweep();
    sweep.sweepAll(classes);
    System.out.println(sweep.summary());
    if (Boolean.getBoolean("casemgmt.sweep.dump")) {
      Files.write(Path.of("target", "no-raw-exception-sweep.txt"), java.util.List.of(
          String.join("\n", sweep.unswept), String.join("\n", sweep.failures), String.join("\n", sweep.accepted)));
    }
    assertEquals("", String.join("\n", sweep.unswept), "public executables the sweep could not call");
    assertEquals("", String.join("\n", sweep.failures), sweep.failures.size() + " calls answered badly");
    assertTrue(sweep.classes >= 220, "too few classes swept: " + sweep.classes);
    assertTrue(sweep.executables >= 590, "too few executables swept: " + sweep.executables);
    assertTrue(sweep.calls >= 4_000, "too few calls: " + sweep.calls);
    assertEquals(0, sweep.baselineRefused, "valid baselines refused (see -Dcasemgmt.sweep.dump=true)");
  }

  /**
   * Records whose components may be null, with the reason. Every other component of every public record of an
   * exported package — commands, events, values, rejections, answers — is refused when null.
   */
  static final Map<String, String> NULLABLE_COMPONENTS = HashMap.of(
      "org.casemgmt.testkit.Property$Counterexample.original", "a generated value, and a generator may draw null",
      "org.casemgmt.testkit.Property$Counterexample.shrunk", "a generated value, and a generator may draw null");

  @Test
  void every_record_refuses_a_null_component() throws IOException {
    java.util.List<String> accepted = new ArrayList<>();
    int records = 0;
    int components = 0;
    for (Class<?> type : exportedClasses().filter(Class::isRecord).sortBy(Class::getName)) {
      RecordComponent[] parts = type.getRecordComponents();
      Class<?>[] types = Stream.of(parts).map(RecordComponent::getType).toArray(Class<?>[]::new);
      Constructor<?> canonical;
      try {
        canonical = type.getConstructor(types);
      } catch (NoSuchMethodException e) {
        continue; // not public: built only by casemgmt itself
      }
      records++;
      Object[] valid = new Object[parts.length];
      for (int i = 0; i < parts.length; i++) {
        valid[i] = valid(parts[i].getGenericType(), i);
      }
      if (type == NeedProfile.class) {
        valid[2] = 0.5; // its incidence is a probability
      }
      for (int i = 0; i < parts.length; i++) {
        if (types[i].isPrimitive() || NULLABLE_COMPONENTS.containsKey(type.getName() + "." + parts[i].getName())) {
          continue;
        }
        components++;
        Object[] args = valid.clone();
        args[i] = null;
        try {
          canonical.newInstance(args);
          accepted.add(type.getName() + "." + parts[i].getName());
        } catch (InvocationTargetException e) {
          if (!(e.getCause() instanceof InvalidInputException)) {
            accepted.add(type.getName() + "." + parts[i].getName() + " throws " + e.getCause());
          }
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
    }
    System.out.println("NoRawExceptionSweepTest: " + records + " records, " + components
        + " components refused when null");
    assertEquals("", String.join("\n", accepted), "record components that accept null");
    assertTrue(records >= 150 && components >= 250, records + " records, " + components + " components");
  }

  /** Would the sweep see a null pointer, a raw exception for an extreme value and a call that takes too long? */
  @Test
  void the_sweep_sees_a_raw_exception_and_a_slow_call() {
    Sweep sweep = new Sweep();
    sweep.sweepAll(List.of(Faulty.class));
    String failures = String.join("\n", sweep.failures);
    assertTrue(failures.contains("length(java.lang.String) with argument 0 = null: NullPointerException"), failures);
    assertTrue(failures.contains("parse(java.lang.String) with argument 0 = \"\": NumberFormatException"), failures);
    assertTrue(failures.contains("slow(java.lang.String) with argument 0 = \"1e999999999\": took more than"),
        failures);
    assertFalse(failures.contains("checked("), failures);
    assertEquals(4, sweep.executables);
  }

  /** A class that breaks the rule in the three ways the sweep must see, and one method that keeps it. */
  public static final class Faulty {
    private Faulty() {}

    public static int length(String text) {
      return text.length();
    }

    public static long parse(String number) {
      return number == null ? 0 : Long.parseLong(number);
    }

    public static void slow(String text) throws InterruptedException {
      if ("1e999999999".equals(text)) {
        Thread.sleep(LIMIT.toMillis() + 500);
      }
    }

    public static int checked(String text) {
      org.casemgmt.internal.Check.orThrow(org.casemgmt.internal.Check.text("text", text, 10));
      return text.length();
    }
  }

  // ---------------------------------------------------------------- the sweep

  static final class Sweep {
    final java.util.List<String> failures = new ArrayList<>();
    final java.util.List<String> unswept = new ArrayList<>();
    final java.util.List<String> accepted = new ArrayList<>();
    int classes;
    int executables;
    int calls;
    int baselineRefused;
    int nullsAccepted;
    int documented;
    private ExecutorService worker = newWorker();

    void sweepAll(List<Class<?>> types) {
      try {
        for (Class<?> type : types.sortBy(Class::getName)) {
          classes++;
          for (Executable executable : executablesOf(type)) {
            sweep(type, executable);
          }
        }
      } finally {
        worker.shutdownNow();
      }
    }

    String summary() {
      return "NoRawExceptionSweepTest: " + classes + " classes, " + executables + " executables, " + calls
          + " calls (" + baselineRefused + " baselines refused as invalid input, " + nullsAccepted
          + " null arguments accepted, " + documented + " documented exceptions), " + failures.size()
          + " failures, " + unswept.size() + " unswept";
    }

    private void sweep(Class<?> type, Executable executable) {
      executables++;
      Type[] types = executable.getGenericParameterTypes();
      Class<?>[] raws = executable.getParameterTypes();
      Object[] valid = new Object[types.length];
      Supplier<Object[]> override = VALID_ARGUMENTS.get(name(executable)).getOrNull();
      for (int i = 0; i < types.length; i++) {
        try {
          valid[i] = override != null ? override.get()[i] : valid(types[i], i);
        } catch (RuntimeException e) {
          unswept.add(name(executable) + ": no valid argument " + i + " (" + e + ")");
          return;
        }
      }
      List<Supplier<Object>> receivers;
      if (executable instanceof Method m && !Modifier.isStatic(m.getModifiers())) {
        receivers = receiversOf(type);
        if (receivers.isEmpty()) {
          unswept.add(name(executable) + ": no receiver");
          return;
        }
      } else {
        receivers = List.of(() -> null);
      }
      for (Supplier<Object> receiver : receivers) {
        Outcome baseline = call(executable, receiver, valid.clone());
        if (baseline.thrown instanceof InvalidInputException) {
          baselineRefused++;
          accepted.add(name(executable) + " refuses its valid baseline: " + baseline.thrown.getMessage());
        }
        judge(executable, "valid arguments", false, baseline);
        for (int i = 0; i < types.length; i++) {
          for (Variant variant : variants(types[i], raws[i], i)) {
            Object[] args = valid.clone();
            args[i] = variant.value;
            Outcome outcome = call(executable, receiver, args);
            if (variant.value == null && outcome.thrown == null && !outcome.timedOut) {
              nullsAccepted++;
              accepted.add(name(executable) + " accepts null as argument " + i);
            }
            judge(executable, "argument " + i + " = " + variant.label, variant.value == null, outcome);
          }
        }
      }
    }

    private void judge(Executable executable, String with, boolean nullArgument, Outcome outcome) {
      if (outcome.timedOut) {
        failures.add(name(executable) + " with " + with + ": took more than " + LIMIT.toMillis() + " ms");
        return;
      }
      Throwable thrown = outcome.thrown;
      if (thrown == null || thrown instanceof InvalidInputException) {
        return;
      }
      if (!nullArgument && DOCUMENTED.exists(d -> d.type.isInstance(thrown) && d.where.test(executable))) {
        documented++;
        return;
      }
      failures.add(name(executable) + " with " + with + ": " + thrown.getClass().getSimpleName() + ": "
          + abbreviate(String.valueOf(thrown.getMessage())) + at(thrown));
    }

    private Outcome call(Executable executable, Supplier<Object> receiver, Object[] args) {
      calls++;
      Future<Outcome> future = worker.submit(() -> {
        try {
          if (executable instanceof Constructor<?> c) {
            c.newInstance(args);
          } else {
            Method m = (Method) executable;
            Object result = m.invoke(receiver.get(), args);
            if (result instanceof Gen<?> gen) {
              gen.sample(1, 10); // a generator that accepted its arguments must also generate from them
            }
          }
          return new Outcome(null, false);
        } catch (InvocationTargetException e) {
          return new Outcome(e.getCause(), false);
        } catch (ReflectiveOperationException e) {
          return new Outcome(new AssertionError("the sweep could not call " + executable, e), false);
        }
      });
      try {
        return future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        future.cancel(true);
        worker.shutdownNow();
        worker = newWorker(); // the stuck call keeps its own (daemon) thread
        return new Outcome(null, true);
      } catch (ExecutionException e) {
        return new Outcome(e.getCause(), false);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    private static ExecutorService newWorker() {
      return Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "no-raw-exception-sweep");
        thread.setDaemon(true);
        return thread;
      });
    }
  }

  record Outcome(Throwable thrown, boolean timedOut) {}

  record Variant(String label, Object value) {}

  /** Every public constructor of a concrete class and every public method with parameters declared by the class. */
  static List<Executable> executablesOf(Class<?> type) {
    java.util.List<Executable> found = new ArrayList<>();
    if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
      found.addAll(java.util.List.of(type.getConstructors()));
    }
    for (Method method : type.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()
          && method.getParameterCount() > 0
          && !(type.isEnum() && method.getName().equals("valueOf"))) {
        found.add(method);
      }
    }
    found.removeIf(e -> e.getParameterCount() == 0 && e instanceof Method);
    return List.ofAll(found).sortBy(NoRawExceptionSweepTest::name);
  }

  static String name(Executable executable) {
    return executable.getDeclaringClass().getName() + "." + (executable instanceof Constructor<?> ? "<init>"
        : executable.getName()) + Stream.of(executable.getParameterTypes()).map(Class::getName)
        .collect(java.util.stream.Collectors.joining(",", "(", ")"));
  }

  /** At most 160 characters of a message, with control characters and surrogates escaped so it prints. */
  private static String abbreviate(String text) {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < text.length() && shown.length() < 160; i++) {
      char c = text.charAt(i);
      shown.append(Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("\\u%04X", (int) c) : c);
    }
    return shown.length() < 160 ? shown.toString() : shown + "…";
  }

  private static String at(Throwable thrown) {
    StackTraceElement[] trace = thrown.getStackTrace();
    for (StackTraceElement element : trace) {
      if (element.getClassName().startsWith("org.casemgmt.")) {
        return " at " + element;
      }
    }
    return trace.length == 0 ? "" : " at " + trace[0];
  }

  // ---------------------------------------------------------------- the exported classes

  @Test
  void the_list_of_exported_packages_is_the_module_s() {
    Module module = FreeText.class.getModule();
    if (module.isNamed()) {
      assertEquals(HashSet.ofAll(EXPORTED), HashSet.ofAll(module.getDescriptor().exports())
          .map(java.lang.module.ModuleDescriptor.Exports::source));
    }
  }

  private static List<Class<?>> exportedClasses() throws IOException {
    return ExportedApi.publicClasses();
  }

  // ---------------------------------------------------------------- valid values

  private static final StaffId ANNA = StaffId.of("anna");
  private static final Issued ISSUED = Issued.by(ANNA, START);
  private static final NeedId NEED = NeedId.of("N-1");
  private static final Provider PROVIDER = Provider.of(ProviderId.of("P-1"), "Home care cooperative",
      ResourceType.PUBLIC_SERVICE, ServiceKind.HOME_CARE);
  private static final Client CLIENT = Client.of(ClientId.of("CL-1"), "A client", LocalDate.of(1950, 1, 1));
  private static final OpenCase OPENING = OpenCase.of(CaseId.of("C-1"), CLIENT, DAY, LifeDomain.HOUSING);

  /** A real case in monitoring: opened, assessed, planned, approved, an intervention started, a review recorded. */
  private static final CaseFile MONITORED = CaseFile.open(ISSUED, OPENING)
      .flatMap(opened -> opened.handleAll(ISSUED,
              new Command.StartAssessment(),
              new Command.RecordNeed(NEED, LifeDomain.HOUSING, "Evicted last week", Priority.HIGH, IdentifiedBy.CLIENT),
              new Command.CompleteAssessment(),
              Command.StartPlanning.of(DayWindow.ofDays(DAY, 180)),
              Command.AddGoal.of(GoalId.of("G-1"), NEED, "A home", "Signed lease", DAY.plusDays(90)),
              Command.PlanIntervention.of(InterventionId.of("I-1"), NEED, PROVIDER, ServiceKind.HOME_CARE,
                  DayWindow.ofDays(DAY, 60), Money.of(100)),
              new Command.RecordAgreement(DAY),
              new Command.ApprovePlan(DAY),
              new Command.StartImplementation(),
              new Command.StartIntervention(InterventionId.of("I-1"), DAY),
              new Command.RecordReview(DAY.plusDays(30), HashMap.of(InterventionId.of("I-1"), Finding.ON_TRACK),
                  ReviewDecision.CONTINUE))
          .mapLeft(refused -> (Rejection) refused.rejection()))
      .getOrElseThrow(rejection -> new AssertionError("the sweep's case was refused: " + rejection.rule()));

  private static final RecordedEvent OPENED = new RecordedEvent(CaseId.of("C-1"), 1, ANNA, START,
      new CaseEvent.CaseOpened(CaseId.of("C-1"), CLIENT, ANNA, HashSet.of(LifeDomain.HOUSING), DAY));

  /**
   * Valid arguments of the executables whose arguments must fit one another or the receiver, so that their valid
   * baseline is accepted and each variation is the only thing wrong with a call.
   */
  private static final Map<String, Supplier<Object[]>> VALID_ARGUMENTS = HashMap.<String, Supplier<Object[]>>of(
      "org.casemgmt.plan.Money.of(java.lang.String)", () -> new Object[] {"120.50"},
      "org.casemgmt.plan.Intervention.need(int)", () -> new Object[] {0},
      "org.casemgmt.casefile.CaseFile.evolve(io.vavr.collection.Seq)", () -> new Object[] {
          MONITORED.decide(ISSUED, new Command.StartEvaluation()).getOrElseThrow(r -> new AssertionError(r.rule()))},
      "org.casemgmt.simulation.NeedProfile.<init>(org.casemgmt.need.LifeDomain,org.casemgmt.need.Priority,double,"
          + "io.vavr.collection.Seq)",
          () -> new Object[] {LifeDomain.HOUSING, Priority.HIGH, 0.5, List.of(interventionProfile())},
      "org.casemgmt.testkit.CaseFixture.givenCommands(org.casemgmt.casefile.IssuedCommand,"
          + "[Lorg.casemgmt.casefile.IssuedCommand;)", () -> new Object[] {IssuedCommand.of(ISSUED, OPENING),
          new IssuedCommand[] {IssuedCommand.of(ISSUED, new Command.StartAssessment())}},
      // A trace is a case's own history, from its opening: the case's id and its first event.
      "org.casemgmt.export.XesWriter.trace(org.casemgmt.casefile.CaseId,java.lang.Iterable)",
          () -> new Object[] {OPENED.caseId(), List.of(OPENED)})
      // A permission table's line names a role and kinds; no team permits opening; a member is not the manager.
      .put("org.casemgmt.casefile.Permissions.parse(io.vavr.collection.Seq)",
          () -> new Object[] {List.of("SUPERVISOR: APPROVE_PLAN, CLOSE_CASE")})
      .put("org.casemgmt.casefile.Permissions$Builder.allow(org.casemgmt.party.TeamRole,"
          + "[Lorg.casemgmt.casefile.CommandKind;)",
          () -> new Object[] {TeamRole.SUPERVISOR, new CommandKind[] {CommandKind.APPROVE_PLAN}})
      .put("org.casemgmt.casefile.Permissions$Builder.allowOnOwnProvider(org.casemgmt.party.TeamRole,"
          + "[Lorg.casemgmt.casefile.CommandKind;)",
          () -> new Object[] {TeamRole.PROVIDER_REPRESENTATIVE, new CommandKind[] {CommandKind.START_INTERVENTION}})
      .put("org.casemgmt.casefile.Permissions.withCountersignature([Lorg.casemgmt.casefile.CommandKind;)",
          () -> new Object[] {new CommandKind[] {CommandKind.APPROVE_PLAN}})
      .put("org.casemgmt.casefile.Permissions$Builder.requireCountersignature("
          + "[Lorg.casemgmt.casefile.CommandKind;)", () -> new Object[] {new CommandKind[] {CommandKind.CLOSE_CASE}})
      .put("org.casemgmt.party.TeamMember.<init>(org.casemgmt.party.StaffId,org.casemgmt.party.TeamRole,"
          + "io.vavr.control.Option,java.time.LocalDate)",
          () -> new Object[] {StaffId.of("nora"), TeamRole.NURSE, io.vavr.control.Option.none(), DAY})
      .put("org.casemgmt.party.TeamMember.of(org.casemgmt.party.StaffId,org.casemgmt.party.TeamRole,"
          + "java.time.LocalDate)", () -> new Object[] {StaffId.of("nora"), TeamRole.NURSE, DAY})
      // A time average runs to an instant after the projection's last event (a simulated month from 2026-01-01).
      .put("org.casemgmt.service.ServiceProjection.meanOpenCases(java.time.Instant)",
          () -> new Object[] {Instant.parse("2026-03-01T00:00:00Z")})
      .put("org.casemgmt.service.ServiceProjection.utilisation(java.time.Instant)",
          () -> new Object[] {Instant.parse("2026-03-01T00:00:00Z")})
      .put("org.casemgmt.service.ServiceProjection.overdue(java.time.LocalDate)",
          () -> new Object[] {LocalDate.of(2026, 3, 1)})
      .put("org.casemgmt.service.ServiceProjection.costs(java.time.LocalDate)",
          () -> new Object[] {LocalDate.of(2026, 3, 1)});

  /** Values that need a story rather than arbitrary components; fresh each time (some are mutable). */
  private static Object special(Class<?> raw) {
    if (raw == CaseFile.class) {
      return MONITORED;
    }
    if (raw == PlanVersion.class) {
      return MONITORED.currentPlan().getOrElseThrow(AssertionError::new);
    }
    if (raw == Intervention.class) {
      return Intervention.of(InterventionId.of("I-1"), HashSet.of(NEED), HashSet.empty(), ProviderId.of("P-1"),
          ServiceKind.HOME_CARE, DayWindow.ofDays(DAY, 60), Money.of(100)).started(DAY);
    }
    if (raw == Issued.class) {
      return ISSUED;
    }
    if (raw == Command.class || raw == OpenCase.class) {
      return OPENING;
    }
    if (raw == IssuedCommand.class) {
      return IssuedCommand.of(ISSUED, OPENING);
    }
    if (raw == RecordedEvent.class) {
      return OPENED;
    }
    if (raw == Provider.class) {
      return PROVIDER;
    }
    if (raw == Client.class) {
      return CLIENT;
    }
    if (raw == DayWindow.class) {
      return DayWindow.ofDays(DAY, 60);
    }
    if (raw == Money.class) {
      return Money.of(100);
    }
    if (raw == FreeText.class) {
      return FreeText.of("Some text");
    }
    if (raw == ServiceKind.class) {
      return ServiceKind.HOME_CARE;
    }
    if (raw == GeneratedCase.class) {
      return CaseGens.generatedCases(3).sample(1, 10);
    }
    if (raw == CheckedStep.class) {
      return new CheckedStep(1, MONITORED, IssuedCommand.of(ISSUED, new Command.StartEvaluation()),
          Either.right(List.empty()), MONITORED, List.empty());
    }
    if (raw == SystemUnderTest.Handled.class) {
      return new SystemUnderTest.Handled(Either.right(List.empty()), MONITORED);
    }
    if (raw == Scenario.class) {
      return scenario().build();
    }
    if (raw == Scenario.Builder.class) {
      return scenario();
    }
    if (raw == NeedProfile.class) {
      return new NeedProfile(LifeDomain.HOUSING, Priority.HIGH, 1.0, List.of(interventionProfile()));
    }
    if (raw == InterventionProfile.class) {
      return interventionProfile();
    }
    if (raw == Distribution.class) {
      return Distribution.exponential(3);
    }
    if (raw == Gen.class) {
      return Gen.integers(0, 3);
    }
    if (raw == Shrinkable.class) {
      return Shrinkable.just(1);
    }
    if (raw == Property.class) {
      return Property.forAll(Gen.integers(0, 3)).tries(3);
    }
    if (raw == ModelChecker.class) {
      return ModelChecker.forCaseFiles().sequences(1).maxCommands(3);
    }
    if (raw == CaseFixture.Given.class) {
      return CaseFixture.given(OPENED);
    }
    if (raw == CaseFixture.When.class) {
      return CaseFixture.given(OPENED).when(new Command.StartAssessment());
    }
    if (raw == CaseFixture.Accepted.class) {
      return CaseFixture.given(OPENED).when(new Command.StartAssessment()).thenState(file -> { });
    }
    if (raw == CaseFixture.Rejected.class) {
      return CaseFixture.given(OPENED).when(new Command.CompleteAssessment())
          .thenRejectedWith(Rejection.CommandNotPermitted.class);
    }
    if (raw == EventLogCsv.class) {
      return EventLogCsv.to(new StringWriter());
    }
    if (raw == XesWriter.class) {
      return XesWriter.to(new StringWriter());
    }
    if (raw == OcelWriter.class) {
      return OcelWriter.to(new StringWriter());
    }
    if (raw == ServiceCatalogue.class) {
      return ServiceCatalogue.builtIn();
    }
    if (raw == SimulationListener.class) {
      return SimulationListener.csvEventLog(new StringWriter());
    }
    if (raw == Invariant.class) {
      return CaseInvariants.REPLAY_EQUALS_STATE;
    }
    if (raw == SystemUnderTest.class) {
      return SystemUnderTest.real();
    }
    if (raw == InvalidInputException.class) {
      return new InvalidInputException(List.of(new InputError("field", InputError.Problem.MISSING, "is required")));
    }
    if (raw == Throwable.class || raw == RuntimeException.class) {
      return new RuntimeException("the sweep's cause");
    }
    if (raw == Writer.class) {
      return new StringWriter();
    }
    if (raw == Executor.class) {
      return (Executor) Runnable::run;
    }
    if (raw == RandomGenerator.class) {
      return new SplittableRandom(1);
    }
    if (raw == Locale.class) {
      return Locale.ENGLISH;
    }
    if (raw == Duration.class) {
      return Duration.ofSeconds(1);
    }
    if (raw == Runnable.class) {
      return (Runnable) () -> { };
    }
    if (raw == Class.class) {
      return Rejection.CommandNotPermitted.class;
    }
    if (raw == Enum.class) {
      return Priority.LOW;
    }
    if (raw == Tuple2.class) {
      return Tuple.of(1, Gen.integers(0, 3));
    }
    if (raw == double[].class) {
      return new double[] {1, 2, 3};
    }
    if (raw == BigDecimal.class) {
      return new BigDecimal("100.00");
    }
    return null;
  }

  private static Scenario.Builder scenario() {
    return Scenario.builder().horizonDays(30).arrivalsPerDay(1).need(new NeedProfile(LifeDomain.HOUSING,
        Priority.HIGH, 1.0, List.of(interventionProfile()))).reviewIntervalDays(10).seed(7);
  }

  private static InterventionProfile interventionProfile() {
    return new InterventionProfile(ServiceKind.HOME_CARE, PROVIDER, Distribution.constant(20), Money.of(100));
  }

  /**
   * A valid value of a type; {@code position} (the parameter's or component's index) makes numbers and days grow
   * from one argument to the next, so that a {@code (min, max)} or {@code (start, end)} pair is in order.
   */
  static Object valid(Type declared, int position) {
    Type type = resolve(declared);
    Class<?> raw = rawOf(type);
    Object special = special(raw);
    if (special != null) {
      return special;
    }
    if (raw == String.class || raw == Object.class || raw == CharSequence.class) {
      return "X-1";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return true;
    }
    if (raw == int.class || raw == Integer.class) {
      return 1 + position;
    }
    if (raw == long.class || raw == Long.class) {
      return 1L + position;
    }
    if (raw == double.class || raw == Double.class) {
      return 1.0 + position;
    }
    if (raw == LocalDate.class) {
      return DAY.plusDays(30L * position);
    }
    if (raw == Instant.class) {
      return START.plusSeconds(3600L * position);
    }
    if (raw == java.time.YearMonth.class) {
      return java.time.YearMonth.from(DAY).plusMonths(position);
    }
    if (raw == java.util.UUID.class) {
      return new java.util.UUID(20261207L, position);
    }
    if (raw == org.casemgmt.party.TeamMember.class) {
      // The first role is the case manager's, which a member never has: a nurse is valid.
      return org.casemgmt.party.TeamMember.of(org.casemgmt.party.StaffId.of("X-" + position),
          org.casemgmt.party.TeamRole.NURSE, DAY);
    }
    if (raw == org.casemgmt.casefile.Permissions.class) {
      return org.casemgmt.casefile.Permissions.socialServices();
    }
    if (raw == org.casemgmt.casefile.Permissions.Builder.class) {
      return org.casemgmt.casefile.Permissions.builder();
    }
    if (raw.isEnum()) {
      return raw.getEnumConstants()[0];
    }
    if (raw.isArray()) {
      Type component = type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
      Object array = Array.newInstance(raw.getComponentType(), 1);
      Array.set(array, 0, valid(component, 0));
      return array;
    }
    Type[] args = type instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
    if (raw == Option.class) {
      return Option.some(valid(arg(args, 0), 0));
    }
    if (raw == Either.class) {
      return Either.right(valid(arg(args, 1), 0));
    }
    if (raw == Set.class) {
      return HashSet.of(valid(arg(args, 0), 0));
    }
    if (raw == Vector.class) {
      return Vector.of(valid(arg(args, 0), 0));
    }
    if (raw == Seq.class || raw == List.class || raw == Traversable.class || raw == Iterable.class) {
      return List.of(valid(arg(args, 0), 0));
    }
    if (raw == Map.class) {
      return HashMap.of(valid(arg(args, 0), 0), valid(arg(args, 1), 1));
    }
    if (raw == Function.class) {
      Class<?> result = rawOf(arg(args, 1));
      return result == Gen.class ? (Function<Object, Object>) Gen::constant
          : result == Stream.class ? (Function<Object, Object>) x -> Stream.empty()
          : result == String.class ? (Function<Object, Object>) x -> "X-1"
          : (Function<Object, Object>) x -> x;
    }
    if (raw == Predicate.class) {
      return (Predicate<Object>) x -> true;
    }
    if (raw == Consumer.class) {
      return (Consumer<Object>) x -> { };
    }
    if (raw == Supplier.class) {
      Type result = arg(args, 0);
      return rawOf(result) == Stream.class ? (Supplier<Object>) Stream::empty
          : (Supplier<Object>) () -> valid(result, 0);
    }
    if (raw.isSealed()) {
      RuntimeException last = null;
      for (Class<?> permitted : raw.getPermittedSubclasses()) {
        try {
          return valid(permitted, 0);
        } catch (RuntimeException e) {
          last = e;
        }
      }
      throw new IllegalStateException("no permitted subclass of " + raw.getName() + " could be built", last);
    }
    if (raw.isRecord()) {
      RecordComponent[] components = raw.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = valid(components[i].getGenericType(), i);
      }
      try {
        Constructor<?> canonical = raw.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return canonical.newInstance(values);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("the canonical constructor of " + raw.getName() + " refused "
            + java.util.Arrays.toString(values), e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    // A class with a one-string factory (an id), as FreeTextRedactionTest builds it.
    for (Method factory : raw.getMethods()) {
      if (Modifier.isStatic(factory.getModifiers()) && factory.getReturnType() == raw
          && factory.getName().equals("of") && factory.getParameterCount() == 1
          && factory.getParameterTypes()[0] == String.class) {
        try {
          return factory.invoke(null, "X-1");
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalStateException("no valid value of " + type.getTypeName());
  }

  /** The receivers an instance method of a type is called on: every implementation the library hands out. */
  static List<Supplier<Object>> receiversOf(Class<?> type) {
    if (type == SimulationListener.class) {
      return List.of(() -> SimulationListener.csvEventLog(new StringWriter()),
          () -> SimulationListener.xesEventLog(new StringWriter()),
          () -> SimulationListener.ocelEventLog(new StringWriter()),
          () -> SimulationListener.dailyCsv(new StringWriter()),
          () -> SimulationListener.all(SimulationListener.csvEventLog(new StringWriter())),
          () -> SimulationListener.NONE);
    }
    if (type == Invariant.class) {
      return CaseInvariants.all().<Supplier<Object>>map(invariant -> () -> invariant)
          .append(() -> Invariant.of("always", step -> true));
    }
    if (type == Gen.class) {
      return List.of(() -> Gen.integers(0, 3), CaseGens::caseIds, CaseGens::money);
    }
    if (type == org.casemgmt.service.ServiceProjection.class) {
      // Empty, and after a month of a simulated service (open cases, closures, costs).
      return List.of(() -> org.casemgmt.service.ServiceProjection.empty(org.casemgmt.service.ServiceSettings.of(30, 10)),
          () -> {
            java.util.ArrayList<org.casemgmt.casefile.RecordedEvent> events = new java.util.ArrayList<>();
            org.casemgmt.simulation.Simulation.run(org.casemgmt.simulation.Scenario.reference(1).toBuilder()
                .horizonDays(30).build(), new SimulationListener() {
                  @Override
                  public void onEvent(org.casemgmt.casefile.RecordedEvent event) {
                    events.add(event);
                  }
                });
            return org.casemgmt.service.ServiceProjection.of(org.casemgmt.service.ServiceSettings.of(30, 10), events);
          });
    }
    try {
      valid(type, 0);
      return List.of(() -> valid(type, 0));
    } catch (RuntimeException e) {
      return List.empty();
    }
  }

  // ---------------------------------------------------------------- extreme values

  /** {@code null} (unless primitive), then the extreme values of the type. */
  static List<Variant> variants(Type type, Class<?> raw, int position) {
    List<Variant> extremes = extremes(type, raw, position);
    return raw.isPrimitive() ? extremes : extremes.prepend(new Variant("null", null));
  }

  private static List<Variant> extremes(Type declared, Class<?> raw, int position) {
    Type type = resolve(declared);
    if (raw.isEnum()) {
      return List.of(raw.getEnumConstants()).map(c -> new Variant(c.toString(), c));
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return List.of(new Variant("false", false));
    }
    if (raw == String.class) {
      return List.of(new Variant("\"\"", ""), new Variant("\"   \"", "   "),
          new Variant("a " + HUGE + "-character text", LONG_TEXT), new Variant("\"\\u0000\"", "\u0000"),
          new Variant("a lone surrogate \"\\uD800\"", "\uD800"), new Variant("\"1e999999999\"", "1e999999999"),
          new Variant("\"1E-999999999\"", "1E-999999999"));
    }
    if (raw == int.class || raw == Integer.class) {
      return List.of(new Variant("0", 0), new Variant("-1", -1), new Variant("Integer.MIN_VALUE", Integer.MIN_VALUE),
          new Variant("Integer.MAX_VALUE", Integer.MAX_VALUE));
    }
    if (raw == long.class || raw == Long.class) {
      return List.of(new Variant("0", 0L), new Variant("-1", -1L), new Variant("Long.MIN_VALUE", Long.MIN_VALUE),
          new Variant("Long.MAX_VALUE", Long.MAX_VALUE));
    }
    if (raw == double.class || raw == Double.class) {
      return List.of(new Variant("0.0", 0.0), new Variant("-1.0", -1.0), new Variant("NaN", Double.NaN),
          new Variant("+Infinity", Double.POSITIVE_INFINITY), new Variant("-Infinity", Double.NEGATIVE_INFINITY),
          new Variant("Double.MAX_VALUE", Double.MAX_VALUE), new Variant("-Double.MAX_VALUE", -Double.MAX_VALUE),
          new Variant("Double.MIN_VALUE", Double.MIN_VALUE));
    }
    if (raw == LocalDate.class) {
      return List.of(new Variant("LocalDate.MIN", LocalDate.MIN), new Variant("LocalDate.MAX", LocalDate.MAX));
    }
    if (raw == Instant.class) {
      return List.of(new Variant("Instant.MIN", Instant.MIN), new Variant("Instant.MAX", Instant.MAX));
    }
    if (raw == java.time.YearMonth.class) {
      return List.of(new Variant("the first month", java.time.YearMonth.of(java.time.Year.MIN_VALUE, 1)),
          new Variant("the last month", java.time.YearMonth.of(java.time.Year.MAX_VALUE, 12)));
    }
    if (raw == Duration.class) {
      return List.of(new Variant("Duration.ZERO", Duration.ZERO), new Variant("-1 s", Duration.ofSeconds(-1)),
          new Variant("the longest duration", Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
    }
    if (raw == Locale.class) {
      return List.of(new Variant("Locale.ROOT", Locale.ROOT), new Variant("an unknown locale",
          Locale.forLanguageTag("zz")));
    }
    if (raw == Money.class) {
      return List.of(new Variant("Money.ZERO", Money.ZERO),
          new Variant("the largest amount", new Money(new BigDecimal("999999999999999.99"))));
    }
    if (raw == BigDecimal.class) {
      return List.of(new Variant("-1", BigDecimal.ONE.negate()), new Variant("1E+999999999",
              new BigDecimal("1E+999999999")), new Variant("1E-999999999", new BigDecimal("1E-999999999")),
          new Variant("0E+999999999", new BigDecimal("0E+999999999")),
          new Variant("0E-999999999", new BigDecimal("0E-999999999")));
    }
    if (raw == DayWindow.class) {
      return List.of(new Variant("the widest window", DayWindow.of(LocalDate.of(1900, 1, 1),
          LocalDate.of(9999, 12, 31))));
    }
    if (raw == Tuple2.class) {
      return List.of(new Variant("(null, gen)", Tuple.of(null, Gen.integers(0, 3))),
          new Variant("(-1, gen)", Tuple.of(-1, Gen.integers(0, 3))),
          new Variant("(Integer.MAX_VALUE, gen)", Tuple.of(Integer.MAX_VALUE, Gen.integers(0, 3))),
          new Variant("(1, null)", Tuple.of(1, null)));
    }
    if (raw == double[].class) {
      double[] huge = new double[HUGE];
      java.util.Arrays.fill(huge, 1);
      return List.of(new Variant("{}", new double[0]), new Variant("{NaN, +Infinity}",
          new double[] {Double.NaN, Double.POSITIVE_INFINITY}), new Variant(HUGE + " values", huge));
    }
    if (raw.isArray()) {
      Type component = type instanceof GenericArrayType g ? g.getGenericComponentType() : raw.getComponentType();
      Class<?> componentRaw = raw.getComponentType();
      Object valid = valid(component, 0);
      List<Variant> all = List.of(new Variant("{}", Array.newInstance(componentRaw, 0)),
          new Variant("{null}", Array.newInstance(componentRaw, 1)),
          new Variant(HUGE + " elements", filled(componentRaw, HUGE, valid)));
      for (Variant e : extremes(component, componentRaw, position)) {
        Object pair = Array.newInstance(componentRaw, 2);
        Array.set(pair, 0, e.value);
        Array.set(pair, 1, e.value);
        all = all.append(new Variant("{" + e.label + ", " + e.label + "}", pair));
      }
      return all;
    }
    Type[] args = type instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
    if (raw == Seq.class || raw == List.class || raw == Vector.class || raw == Traversable.class
        || raw == Iterable.class) {
      Type element = arg(args, 0);
      Object valid = valid(element, 0);
      boolean vector = raw == Vector.class;
      List<Variant> all = List.of(new Variant("empty", vector ? Vector.empty() : List.empty()),
          new Variant("[null]", vector ? Vector.of((Object) null) : List.of((Object) null)),
          new Variant(HUGE + " elements", vector ? Vector.fill(HUGE, () -> valid) : List.fill(HUGE, () -> valid)));
      for (Variant e : extremes(element, rawOf(element), 0)) {
        all = all.append(new Variant("[" + e.label + ", " + e.label + "]",
            vector ? Vector.of(e.value, e.value) : List.of(e.value, e.value)));
      }
      return all;
    }
    if (raw == Set.class) {
      Type element = arg(args, 0);
      List<Variant> all = List.of(new Variant("empty", HashSet.empty()),
          new Variant("{null}", HashSet.of((Object) null)));
      for (Variant e : extremes(element, rawOf(element), 0)) {
        all = all.append(new Variant("{" + e.label + "}", HashSet.of(e.value)));
      }
      return all;
    }
    if (raw == Map.class) {
      Object key = valid(arg(args, 0), 0);
      Object value = valid(arg(args, 1), 1);
      return List.of(new Variant("empty", HashMap.empty()), new Variant("{key: null}", HashMap.of(key, null)),
          new Variant("{null: value}", HashMap.of(null, value)));
    }
    if (raw == Option.class) {
      Type element = arg(args, 0);
      List<Variant> all = List.of(new Variant("none", Option.none()),
          new Variant("some(null)", Option.some(null)));
      for (Variant e : extremes(element, rawOf(element), 0)) {
        all = all.append(new Variant("some(" + e.label + ")", Option.some(e.value)));
      }
      return all;
    }
    return List.empty();
  }

  private static Object filled(Class<?> component, int length, Object value) {
    Object array = Array.newInstance(component, length);
    for (int i = 0; i < length; i++) {
      Array.set(array, i, value);
    }
    return array;
  }

  private static Type arg(Type[] args, int i) {
    return args.length > i ? args[i] : Object.class;
  }

  static Class<?> rawOf(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof WildcardType w) {
      return w.getLowerBounds().length > 0 ? rawOf(w.getLowerBounds()[0]) : rawOf(w.getUpperBounds()[0]);
    }
    if (type instanceof TypeVariable<?> v) {
      return rawOf(v.getBounds()[0]);
    }
    if (type instanceof GenericArrayType g) {
      return Array.newInstance(rawOf(g.getGenericComponentType()), 0).getClass();
    }
    return Object.class;
  }

  /** A wildcard or type variable as the type it stands for (its bound), so that its own arguments can be read. */
  static Type resolve(Type type) {
    if (type instanceof WildcardType w) {
      return resolve(w.getLowerBounds().length > 0 ? w.getLowerBounds()[0] : w.getUpperBounds()[0]);
    }
    if (type instanceof TypeVariable<?> v) {
      return resolve(v.getBounds()[0]);
    }
    return type;
  }
}
