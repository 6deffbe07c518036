package org.casemgmt.examples.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.InputError;
import org.casemgmt.InvalidInputException;
import org.casemgmt.casefile.CaseEvent.InterventionPlanned;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.need.NeedId;
import org.casemgmt.party.StaffId;
import org.casemgmt.plan.DayWindow;
import org.casemgmt.plan.Intervention;
import org.casemgmt.plan.InterventionId;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.junit.jupiter.api.Test;

/**
 * A service kind is stored as its code and its exclusive flag, and reads back as the same kind. A stored kind that
 * gives a built-in code the other exclusivity breaks casemgmt's own rule, so it is refused on read the way the
 * format refuses every such value: with the {@link InvalidInputException} the constructor throws, nothing half-read.
 */
class WireFormatServiceKindTest {

  static final WireFormat WIRE = new WireFormat();
  static final StaffId ANNA = StaffId.of("anna");
  static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
  static final LocalDate DAY = LocalDate.of(2026, 3, 2);
  static final ServiceKind NIGHT_SHELTER = ServiceKind.exclusive("NIGHT_SHELTER");

  static RecordedEvent planned(ServiceKind kind, ServiceKind... alsoOffered) {
    Provider provider = Provider.of(ProviderId.of("P-1"), "Provider", ResourceType.THIRD_SECTOR,
        HashSet.of(alsoOffered).add(kind));
    return new RecordedEvent(CaseId.of("CASE-W"), 9, ANNA, AT, new InterventionPlanned(
        Intervention.of(InterventionId.of("I-1"), HashSet.of(NeedId.of("N-1")), HashSet.empty(), provider.id(), kind,
            DayWindow.ofDays(DAY, 30), Money.of(100)), provider));
  }

  @Test
  void a_stored_kind_reads_back_as_the_same_kind_built_in_or_an_organisations_own() {
    for (ServiceKind kind : List.of(ServiceKind.RESIDENTIAL_PLACEMENT, ServiceKind.HOUSING, NIGHT_SHELTER,
        ServiceKind.of("DAY_CENTRE"))) {
      RecordedEvent event = planned(kind, ServiceKind.COUNSELLING);
      String json = WIRE.toJson(event);
      assertTrue(json.contains("{\"code\":\"" + kind.code() + "\",\"exclusive\":" + kind.exclusive() + "}"), json);
      RecordedEvent back = WIRE.readEvent(json);
      assertEquals(event, back);
      ServiceKind read = ((InterventionPlanned) back.event()).intervention().kind();
      assertEquals(kind.exclusive(), read.exclusive());
      assertEquals(kind.isBuiltIn(), read.isBuiltIn());
    }
    IssuedCommand command = IssuedCommand.of(Issued.by(ANNA, AT), new Command.PlanIntervention(InterventionId.of("I-2"),
        HashSet.of(NeedId.of("N-1")), HashSet.empty(),
        Provider.of(ProviderId.of("P-1"), "Provider", ResourceType.THIRD_SECTOR, HashSet.of(NIGHT_SHELTER)),
        NIGHT_SHELTER, DayWindow.ofDays(DAY, 30), Money.of(100)));
    assertEquals(command, WIRE.readCommand(WIRE.toJson(command)));
  }

  @Test
  void a_stored_built_in_code_with_the_other_exclusivity_is_refused_on_read() {
    String json = WIRE.toJson(planned(ServiceKind.RESIDENTIAL_PLACEMENT));
    String stored = "{\"code\":\"RESIDENTIAL_PLACEMENT\",\"exclusive\":true}";
    assertTrue(json.contains(stored), json);
    String conflicting = json.replace(stored, "{\"code\":\"RESIDENTIAL_PLACEMENT\",\"exclusive\":false}");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> WIRE.readEvent(conflicting));
    assertEquals(new InputError("exclusive", InputError.Problem.CONFLICTING,
        "the built-in kind RESIDENTIAL_PLACEMENT is exclusive"), e.errors().head());

    String counselling = WIRE.toJson(planned(ServiceKind.COUNSELLING))
        .replace("{\"code\":\"COUNSELLING\",\"exclusive\":false}", "{\"code\":\"COUNSELLING\",\"exclusive\":true}");
    assertEquals(InputError.Problem.CONFLICTING,
        assertThrows(InvalidInputException.class, () -> WIRE.readEvent(counselling)).errors().head().problem());
  }

  @Test
  void a_stored_provider_offering_one_code_both_ways_is_refused_on_read() {
    String json = WIRE.toJson(planned(NIGHT_SHELTER, ServiceKind.of("DAY_CENTRE")));
    String conflicting = json.replace("{\"code\":\"DAY_CENTRE\",\"exclusive\":false}",
        "{\"code\":\"NIGHT_SHELTER\",\"exclusive\":false}");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> WIRE.readEvent(conflicting));
    assertEquals("offers", e.errors().head().field());
    assertEquals(InputError.Problem.CONFLICTING, e.errors().head().problem());
  }

  @Test
  void a_built_in_kind_read_back_equals_its_constant() {
    RecordedEvent back = WIRE.readEvent(WIRE.toJson(planned(ServiceKind.RESIDENTIAL_PLACEMENT)));
    ServiceKind read = ((InterventionPlanned) back.event()).intervention().kind();
    assertEquals(ServiceKind.RESIDENTIAL_PLACEMENT, read);
    assertSame(ServiceKind.RESIDENTIAL_PLACEMENT, ServiceKind.of(read.code()));
  }
}
