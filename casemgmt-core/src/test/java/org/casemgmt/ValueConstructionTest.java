package org.casemgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.casefile.CaseEvent;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.ClosingReport;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.casefile.RefusedStep;
import org.casemgmt.need.Need;
import org.casemgmt.need.NeedId;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Goal;
import org.casemgmt.plan.GoalId;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.plan.Participant;
import org.casemgmt.plan.Referral;
import org.casemgmt.plan.ReferralId;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.Resource;
import org.casemgmt.resource.ResourceId;
import org.casemgmt.resource.ServiceKind;
import org.casemgmt.resource.Strength;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every public value checks what it is built from: built from nothing at all, each one throws an
 * {@link InvalidInputException} naming its fields — never a {@code NullPointerException}, never a silent fix.
 */
class ValueConstructionTest {

  static final List<Class<?>> IDS = List.of(CaseId.class, ClientId.class, StaffId.class, NeedId.class,
      GoalId.class, InterventionId.class, ReferralId.class, ResourceId.class, ProviderId.class);

  static final List<Class<?>> VALUES = List.<Class<?>>of(Client.class, Need.class, Strength.class, Resource.class,
          Provider.class, ServiceKind.class, DayWindow.class, Money.class, Goal.class, Intervention.class,
          Referral.class, Participant.class, Issued.class, IssuedCommand.class, RefusedStep.class,
          RecordedEvent.class, ClosingReport.class)
      .appendAll(IDS)
      // A command without fields (StartAssessment…) is pure intent with nothing to check; its stamp is checked
      // on the envelope, IssuedCommand.
      .appendAll(List.of(Command.class.getPermittedSubclasses()).filter(c -> c.getRecordComponents().length > 0))
      .appendAll(List.of(CaseEvent.class.getPermittedSubclasses()).filter(c -> c.getRecordComponents().length > 0));

  /**
   * The constructor that takes every field: the canonical one of a record, else (a value written as a class,
   * such as {@link Intervention}) the public constructor with the most parameters.
   */
  static Constructor<?> fullConstructor(Class<?> type) throws Exception {
    if (type.isRecord()) {
      Class<?>[] types = List.of(type.getRecordComponents()).map(RecordComponent::getType).toJavaArray(Class[]::new);
      return type.getDeclaredConstructor(types);
    }
    return List.of(type.getConstructors()).maxBy(c -> c.getParameterCount())
        .getOrElseThrow(() -> new AssertionError(type + " has no public constructor"));
  }

  static Throwable construct(Class<?> type, Object[] args) throws Exception {
    try {
      fullConstructor(type).newInstance(args);
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
  }

  static Object[] nothing(Class<?> type) throws Exception {
    return List.of(fullConstructor(type).getParameterTypes()).map(t ->
        t == boolean.class ? (Object) false : t == int.class ? (Object) 0 : t == long.class ? (Object) 0L : null)
        .toJavaArray();
  }

  @Test
  void every_value_built_from_nothing_lists_its_missing_fields() throws Exception {
    for (Class<?> type : VALUES) {
      Throwable thrown = construct(type, nothing(type));
      InvalidInputException e = assertInstanceOf(InvalidInputException.class, thrown, type.getSimpleName());
      assertFalse(e.errors().isEmpty(), type.getSimpleName());
      assertTrue(e.getMessage().startsWith("invalid input: "), type.getSimpleName());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void identifiers_refuse_blank_malformed_and_oversized_text() throws Exception {
    for (Class<?> type : IDS) {
      for (String bad : new String[] {"", "  ", "two words", "x".repeat(65), "semi;colon"}) {
        assertInstanceOf(InvalidInputException.class, construct(type, new Object[] {bad}), type + " " + bad);
      }
      assertEquals(null, construct(type, new Object[] {"ok-1"}), type.getSimpleName());
      Object id = type.getMethod("of", String.class).invoke(null, "A-7");
      assertEquals("A-7", id.toString(), "ids print as their value: safe to log");
      assertTrue(((Comparable<Object>) id).compareTo(type.getMethod("of", String.class).invoke(null, "B-1")) < 0);
    }
  }

  @Nested
  class Readable_values {

    @Test
    void windows_money_and_kinds_print_what_they_are() {
      assertEquals("[2026-01-01, 2026-01-31)", DayWindow.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)).toString());
      assertEquals("12.50", Money.of("12.5").toString());
      assertEquals("HOUSING", ServiceKind.HOUSING.toString());
      assertEquals("RESIDENTIAL_PLACEMENT(exclusive)", ServiceKind.RESIDENTIAL_PLACEMENT.toString());
      assertTrue(ServiceKind.exclusive("SHELTER").exclusive());
      assertFalse(ServiceKind.of("SHELTER").exclusive());
    }

    @Test
    void a_referral_prints_its_ids_and_status_but_not_its_reason() {
      Provider p = Provider.of(ProviderId.of("P-1"), "Clinic", org.casemgmt.resource.ResourceType.PUBLIC_SERVICE,
          HashSet.of(ServiceKind.COUNSELLING));
      Referral declined = Referral.requested(ReferralId.of("R-1"), HashSet.of(NeedId.of("N-1")), p,
          ServiceKind.COUNSELLING, LocalDate.of(2026, 1, 2)).declined(LocalDate.of(2026, 1, 3), FreeText.of("a private matter"));
      assertTrue(declined.toString().contains("id=R-1") && declined.toString().contains("DECLINED"));
      assertTrue(declined.toString().contains("reason=Some(***)"));
      assertFalse(declined.toString().contains("private"));
    }

    @Test
    void an_expected_version_is_never_negative() {
      Issued issued = Issued.by(StaffId.of("anna"), Instant.parse("2026-01-01T00:00:00Z"));
      assertEquals(Option.some(0L), issued.expectingVersion(0).expectedVersion());
      assertEquals("expectedVersion", assertThrows(InvalidInputException.class, () -> issued.expectingVersion(-1))
          .errors().head().field());
      assertEquals(Option.none(), issued.expectedVersion());
    }
  }
}
