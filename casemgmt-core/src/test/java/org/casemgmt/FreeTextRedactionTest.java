package org.casemgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.ClosureReason;
import org.casemgmt.casefile.Command.*;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Finding;
import org.casemgmt.plan.GoalAchievement;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.Participant;
import org.casemgmt.plan.ParticipantRole;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.plan.ReviewDecision;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Privacy by type: a marker text planted in every free-text field never shows in any {@code toString} of the
 * exported packages. The first sweep builds every public record of every exported package by reflection, with the
 * marker in each {@link FreeText} component (and arbitrary values elsewhere); the second drives a real case
 * through every command that carries free text and prints the case file, its plan versions and its events.
 */
class FreeTextRedactionTest {

  static final String MARKER = "MARKER-Maria-Rossi-lives-at-Via-Roma-12";
  static final LocalDate DAY = LocalDate.of(2026, 1, 5);

  @Nested
  class Every_record_of_every_exported_package {

    @Test
    void hides_the_text_planted_in_its_free_text_fields() throws IOException {
      List<Class<?>> records = exportedClasses().filter(Class::isRecord);
      assertTrue(records.size() > 100, "too few records found: " + records.size());
      java.util.List<String> unbuilt = new java.util.ArrayList<>();
      int withText = 0;
      for (Class<?> type : records) {
        Object built = arbitrary(type, type, 0);
        if (built == null) {
          if (holdsFreeText(type)) {
            unbuilt.add(type.getName());
          }
          continue;
        }
        withText += holdsFreeText(type) ? 1 : 0;
        String shown = built.toString();
        assertFalse(shown.contains(MARKER), () -> type.getName() + ".toString() shows free text: " + shown);
      }
      assertEquals(java.util.List.of(), unbuilt, "records with free text the sweep could not build");
      assertTrue(withText >= 30, "too few records with free text were checked: " + withText);
    }

    @Test
    void the_sweep_would_see_a_record_that_prints_its_text() {
      record Leaky(FreeText note) {
        @Override
        public String toString() {
          return "Leaky[note=" + note.text() + "]";
        }
      }
      assertTrue(arbitrary(Leaky.class, Leaky.class, 0).toString().contains(MARKER));
    }
  }

  @Nested
  class A_case_driven_through_every_command_with_free_text {

    @Test
    void shows_none_of_it_in_the_case_file_its_plans_or_its_events() {
      Issued anna = Issued.by(StaffId.of("anna"), Instant.parse("2026-01-05T09:00:00Z"));
      Provider provider = new Provider(ProviderId.of("P-1"), FreeText.of(MARKER), ResourceType.FAMILY_CAREGIVER,
          HashSet.of(ServiceKind.HOME_CARE));
      NeedId n1 = NeedId.of("N-1");
      NeedId n2 = NeedId.of("N-2");
      CaseFile opened = CaseFile.open(anna, new OpenCase(CaseId.of("C-1"),
              new Client(ClientId.of("CL-1"), FreeText.of(MARKER), LocalDate.of(1950, 1, 1)), Option.none(),
              HashSet.of(LifeDomain.HOUSING, LifeDomain.AUTONOMY), DAY))
          .getOrElseThrow(r -> new AssertionError(r.rule()));
      CaseFile file = opened.handleAll(anna,
              new SuspendCase(MARKER),
              new ResumeCase(),
              new StartAssessment(),
              new RecordNeed(n1, LifeDomain.HOUSING, MARKER, Priority.HIGH, IdentifiedBy.CLIENT),
              new RecordNeed(n2, LifeDomain.AUTONOMY, MARKER, Priority.LOW, IdentifiedBy.CLIENT),
              new RecordNeed(NeedId.of("N-3"), LifeDomain.AUTONOMY, MARKER, Priority.LOW, IdentifiedBy.CLIENT),
              new ReviseNeed(n1, MARKER, Priority.URGENT),
              new WithdrawNeed(NeedId.of("N-3"), MARKER),
              new RecordStrength(LifeDomain.AUTONOMY, MARKER),
              new RecordResource(ResourceId.of("R-1"), ResourceType.NEIGHBOUR, MARKER),
              new CompleteAssessment(),
              StartPlanning.of(DayWindow.ofDays(DAY, 180)),
              AddGoal.of(GoalId.of("G-1"), n1, MARKER, MARKER, DAY.plusDays(90)),
              PlanIntervention.of(InterventionId.of("I-1"), n1, provider, ServiceKind.HOME_CARE,
                  DayWindow.ofDays(DAY, 60), Money.of(100)),
              PlanIntervention.of(InterventionId.of("I-2"), n1, provider, ServiceKind.HOME_CARE,
                  DayWindow.ofDays(DAY.plusDays(60), 60), Money.of(100)),
              new CancelIntervention(InterventionId.of("I-2"), DAY, MARKER),
              new DeferNeed(n2, MARKER),
              new AddParticipant(new Participant(ParticipantRole.CAREGIVER, FreeText.of(MARKER),
                  FreeText.of(MARKER))),
              RequestReferral.of(ReferralId.of("R-1"), n2, provider, ServiceKind.HOME_CARE, DAY),
              new DeclineReferral(ReferralId.of("R-1"), DAY, MARKER),
              RequestReferral.of(ReferralId.of("R-2"), n2, provider, ServiceKind.HOME_CARE, DAY),
              new AcceptReferral(ReferralId.of("R-2"), DAY),
              CompleteReferral.unsuccessful(ReferralId.of("R-2"), DAY, MARKER),
              new RecordAgreement(DAY),
              new ApprovePlan(DAY),
              new StartImplementation(),
              new StartIntervention(InterventionId.of("I-1"), DAY),
              new RecordReview(DAY.plusDays(30), HashMap.of(InterventionId.of("I-1"), Finding.ON_TRACK),
                  ReviewDecision.PROCEED_TO_EVALUATION),
              new RecordOutcome(GoalId.of("G-1"), GoalAchievement.NOT_ACHIEVED),
              new Replan(MARKER))
          .getOrElseThrow(refused -> new AssertionError(refused.toString()));
      CaseFile closed = file.handle(anna, new CloseCase(ClosureReason.CLIENT_WITHDREW, DAY.plusDays(40), MARKER))
          .getOrElseThrow(r -> new AssertionError(r.rule()));
      CaseFile reopened = closed.handle(anna, new ReopenCase(MARKER)).getOrElseThrow(r -> new AssertionError(r.rule()));

      Seq<RecordedEvent> history = closed.decide(anna, new ReopenCase(MARKER)).getOrElseThrow(
          r -> new AssertionError(r.rule()));
      for (Object shown : List.of(file, closed, reopened, closed.planVersions(), closed.closingReport(),
          closed.referrals(), closed.needs(), closed.strengths(), closed.resources(), closed.providers(), history)) {
        assertFalse(shown.toString().contains(MARKER), () -> "free text shown by " + shown.getClass().getName());
      }
      assertTrue(closed.needs().get(n1).map(need -> need.description().text().equals(MARKER)).getOrElse(false),
          "the marker was really planted");
    }
  }

  // ---------------------------------------------------------------- the exported packages, by reflection

  private static List<Class<?>> exportedClasses() throws IOException {
    return ExportedApi.publicClasses();
  }

  private static boolean holdsFreeText(Class<?> record) {
    return Stream.of(record.getRecordComponents())
        .anyMatch(c -> c.getGenericType().getTypeName().contains(FreeText.class.getName()));
  }

  /** An arbitrary value of a type, with the marker in every free text; null if none could be built. */
  private static Object arbitrary(Type type, Class<?> raw, int depth) {
    if (depth > 6) {
      return null;
    }
    if (raw == FreeText.class) {
      return FreeText.of(MARKER);
    }
    if (raw == String.class) {
      return "X-1";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return true;
    }
    if (raw == int.class || raw == Integer.class) {
      return 1;
    }
    if (raw == long.class || raw == Long.class) {
      return 1L;
    }
    if (raw == double.class || raw == Double.class) {
      return 1.0;
    }
    if (raw == LocalDate.class) {
      return DAY;
    }
    if (raw == Instant.class) {
      return Instant.parse("2026-01-05T09:00:00Z");
    }
    if (raw == Money.class) {
      return Money.of(1);
    }
    if (raw == DayWindow.class) {
      return DayWindow.ofDays(DAY, 10);
    }
    if (raw == Runnable.class) {
      return (Runnable) () -> { };
    }
    if (raw.isEnum()) {
      return raw.getEnumConstants()[0];
    }
    Type[] args = type instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
    if (raw == Option.class) {
      Object value = element(args, 0, depth);
      return value == null ? null : Option.some(value);
    }
    if (raw == Set.class) {
      Object value = element(args, 0, depth);
      return value == null ? null : HashSet.of(value);
    }
    if (raw == Seq.class || raw == List.class) {
      Object value = element(args, 0, depth);
      return value == null ? null : List.of(value);
    }
    if (raw == Vector.class) {
      Object value = element(args, 0, depth);
      return value == null ? null : Vector.of(value);
    }
    if (raw == Map.class) {
      Object key = element(args, 0, depth);
      Object value = element(args, 1, depth);
      return key == null || value == null ? null : HashMap.of(key, value);
    }
    if (raw.isSealed()) {
      for (Class<?> permitted : raw.getPermittedSubclasses()) {
        Object value = arbitrary(permitted, permitted, depth + 1);
        if (value != null) {
          return value;
        }
      }
      return null;
    }
    if (raw.isRecord()) {
      RecordComponent[] components = raw.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = arbitrary(components[i].getGenericType(), types[i], depth + 1);
        if (values[i] == null) {
          return null;
        }
      }
      try {
        Constructor<?> canonical = raw.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return canonical.newInstance(values);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
    // A class with a one-string factory (an id) or another public static factory of itself.
    for (Method factory : raw.getMethods()) {
      if (Modifier.isStatic(factory.getModifiers()) && factory.getReturnType() == raw
          && factory.getName().equals("of")) {
        Object[] values = new Object[factory.getParameterCount()];
        for (int i = 0; i < values.length; i++) {
          values[i] = arbitrary(factory.getGenericParameterTypes()[i], factory.getParameterTypes()[i], depth + 1);
          if (values[i] == null) {
            values = null;
            break;
          }
        }
        if (values != null) {
          try {
            return factory.invoke(null, values);
          } catch (ReflectiveOperationException | RuntimeException e) {
            // try the next factory
          }
        }
      }
    }
    return null;
  }

  private static Object element(Type[] args, int i, int depth) {
    if (args.length <= i) {
      return null;
    }
    Type arg = args[i];
    Class<?> raw = arg instanceof ParameterizedType p ? (Class<?>) p.getRawType()
        : arg instanceof Class<?> c ? c
        : arg instanceof java.lang.reflect.WildcardType w && w.getUpperBounds()[0] instanceof Class<?> c ? c
        : Object.class;
    return raw == Object.class ? "X-1" : arbitrary(arg, raw, depth + 1);
  }
}
