package org.casemgmt.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import org.casemgmt.InputError;
import org.casemgmt.InvalidInputException;
import org.casemgmt.plan.Money;
import org.casemgmt.resource.Provider;
import org.casemgmt.resource.ProviderId;
import org.casemgmt.resource.ResourceType;
import org.casemgmt.resource.ServiceKind;
import org.junit.jupiter.api.Test;

class ScenarioTest {

  @Test
  void every_invalid_value_is_reported_at_once() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> Scenario.builder()
        .horizonDays(0).arrivalsPerDay(-1).managers(0, 0).reviewIntervalDays(0).reviewDecisions(0.7, 0.7)
        .goalsAchievedProbability(1.5).build());
    assertEquals(List.of("horizonDays", "arrivalsPerDay", "managers", "caseload", "needs", "reviewIntervalDays",
        "reviewDecisions", "goalsAchievedProbability"), List.ofAll(e.errors()).map(InputError::field));
  }

  @Test
  void arrival_days_must_not_go_backwards() {
    assertThrows(InvalidInputException.class, () -> Scenarios.smallReference(1).toBuilder()
        .arrivalDays(List.of(3.0, 1.0)).build());
  }

  @Test
  void an_intervention_needs_a_provider_that_offers_its_service() {
    Provider housingOnly = Provider.of(ProviderId.of("P-1"), "Housing office", ResourceType.PUBLIC_SERVICE,
        HashSet.of(ServiceKind.HOUSING));
    assertThrows(InvalidInputException.class, () -> new InterventionProfile(ServiceKind.COUNSELLING, housingOnly,
        Distribution.constant(1), Money.of(1)));
  }

  @Test
  void a_variant_differs_only_in_what_was_changed() {
    Scenario reference = Scenario.reference(1);
    Scenario variant = reference.withSeed(2);
    assertEquals(2, variant.seed());
    assertEquals(reference.toString().replace("seed=1]", "seed=2]"), variant.toString());
  }
}
