package org.casemgmt.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.casemgmt.InputError;
import org.casemgmt.InputError.Problem;
import org.casemgmt.InvalidInputException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One code, one meaning: the built-in codes are reserved, and a catalogue refuses a code with two exclusivities. */
class ServiceCatalogueTest {

  static final ServiceKind NIGHT_SHELTER = ServiceKind.exclusive("NIGHT_SHELTER");
  static final ServiceKind DAY_CENTRE = ServiceKind.of("DAY_CENTRE");

  /** Every public constant of {@link ServiceKind}, found by reflection so that a new one cannot be missed. */
  static List<ServiceKind> constants() {
    return List.of(ServiceKind.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == ServiceKind.class)
        .map(ServiceCatalogueTest::read);
  }

  private static ServiceKind read(Field field) {
    try {
      return (ServiceKind) field.get(null);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  static List<InputError> errors(Runnable construction) {
    return assertThrows(InvalidInputException.class, construction::run).errors();
  }

  @Nested
  class Built_in_codes {

    @Test
    void of_a_built_in_code_answers_the_constant_so_a_residential_placement_stays_exclusive() {
      assertSame(ServiceKind.RESIDENTIAL_PLACEMENT, ServiceKind.of("RESIDENTIAL_PLACEMENT"));
      assertTrue(ServiceKind.of("RESIDENTIAL_PLACEMENT").exclusive());
      assertSame(ServiceKind.RESIDENTIAL_PLACEMENT, ServiceKind.exclusive("RESIDENTIAL_PLACEMENT"));
      assertSame(ServiceKind.COUNSELLING, ServiceKind.of("COUNSELLING"));
    }

    @Test
    void every_constant_is_found_by_its_code_and_is_in_the_built_in_catalogue() {
      List<ServiceKind> constants = constants();
      assertEquals(7, constants.size(), "a new constant: give it a label in both bundles too");
      for (ServiceKind constant : constants) {
        assertSame(constant, ServiceKind.builtIn(constant.code()), constant.code());
        String code = constant.code();
        assertSame(constant, constant.exclusive() ? ServiceKind.exclusive(code) : ServiceKind.of(code));
        assertTrue(constant.isBuiltIn(), constant.code());
        assertEquals(Option.some(constant), ServiceCatalogue.builtIn().kind(constant.code()));
      }
      assertEquals(constants.sortBy(ServiceKind::code), ServiceCatalogue.builtIn().kinds());
    }

    @Test
    void a_built_in_code_with_the_other_exclusivity_is_refused_naming_the_code_and_the_conflict() {
      List<InputError> counselling = errors(() -> ServiceKind.exclusive("COUNSELLING"));
      assertEquals(List.of(new InputError("exclusive", Problem.CONFLICTING,
          "the built-in kind COUNSELLING is not exclusive")), counselling);
      List<InputError> placement = errors(() -> new ServiceKind("RESIDENTIAL_PLACEMENT", false));
      assertEquals(List.of(new InputError("exclusive", Problem.CONFLICTING,
          "the built-in kind RESIDENTIAL_PLACEMENT is exclusive")), placement);
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> new ServiceKind("RESIDENTIAL_PLACEMENT", false));
      assertTrue(e.getMessage().contains("exclusive: CONFLICTING"), e.getMessage());
    }

    @Test
    void the_canonical_constructor_accepts_a_built_in_code_with_its_own_exclusivity_as_an_equal_value() {
      assertEquals(ServiceKind.RESIDENTIAL_PLACEMENT, new ServiceKind("RESIDENTIAL_PLACEMENT", true));
      assertEquals(ServiceKind.HOUSING, new ServiceKind("HOUSING", false));
    }

    @Test
    void an_organisations_own_code_is_not_built_in_and_takes_the_exclusivity_given() {
      assertFalse(NIGHT_SHELTER.isBuiltIn());
      assertTrue(NIGHT_SHELTER.exclusive());
      assertFalse(DAY_CENTRE.exclusive());
      assertFalse(ServiceKind.of("residential_placement").isBuiltIn(), "codes are case-sensitive");
    }

    @Test
    void a_missing_or_malformed_code_is_reported_as_such_not_as_a_conflict_nor_a_null_pointer() {
      assertEquals(List.of("code:MISSING"), problems(() -> ServiceKind.of(null)));
      assertEquals(List.of("code:MISSING"), problems(() -> ServiceKind.exclusive(null)));
      assertEquals(List.of("code:MALFORMED"), problems(() -> ServiceKind.of("night shelter")));
    }
  }

  @Nested
  class A_catalogue {

    @Test
    void adds_an_organisations_kinds_to_the_built_in_ones_and_lists_them_by_code() {
      ServiceCatalogue ours = ServiceCatalogue.builtIn().with(NIGHT_SHELTER, DAY_CENTRE);
      assertEquals(Option.some(NIGHT_SHELTER), ours.kind("NIGHT_SHELTER"));
      assertEquals(Option.some(ServiceKind.RESIDENTIAL_PLACEMENT), ours.kind("RESIDENTIAL_PLACEMENT"));
      assertEquals(Option.none(), ours.kind("SOUP_KITCHEN"));
      assertEquals(9, ours.kinds().size());
      assertEquals(ours.kinds().map(ServiceKind::code).sorted(), ours.kinds().map(ServiceKind::code));
      assertEquals("DAY_CENTRE", ours.kinds().get(1).code());
    }

    @Test
    void is_immutable_with_answers_a_new_catalogue() {
      ServiceCatalogue builtIn = ServiceCatalogue.builtIn();
      ServiceCatalogue ours = builtIn.with(NIGHT_SHELTER);
      assertEquals(Option.none(), builtIn.kind("NIGHT_SHELTER"));
      assertEquals(7, ServiceCatalogue.builtIn().kinds().size());
      assertEquals(Option.some(NIGHT_SHELTER), ours.kind("NIGHT_SHELTER"));
    }

    @Test
    void accepts_a_kind_it_already_has_with_the_same_exclusivity() {
      ServiceCatalogue ours = ServiceCatalogue.builtIn().with(NIGHT_SHELTER);
      assertSame(ours, ours.with(ServiceKind.exclusive("NIGHT_SHELTER"), ServiceKind.HOUSING));
      assertEquals(ours, ServiceCatalogue.builtIn().with(NIGHT_SHELTER, NIGHT_SHELTER));
      assertEquals(ours.hashCode(), ServiceCatalogue.builtIn().with(NIGHT_SHELTER, NIGHT_SHELTER).hashCode());
    }

    @Test
    void refuses_a_code_it_has_with_the_other_exclusivity_naming_every_such_code() {
      ServiceCatalogue ours = ServiceCatalogue.builtIn().with(NIGHT_SHELTER, DAY_CENTRE);
      List<InputError> errors = errors(() -> ours.with(ServiceKind.of("NIGHT_SHELTER"),
          ServiceKind.exclusive("DAY_CENTRE"), ServiceKind.of("SOUP_KITCHEN")));
      assertEquals(List.of(
          new InputError("kinds", Problem.CONFLICTING, "the catalogue's kind NIGHT_SHELTER is exclusive"),
          new InputError("kinds", Problem.CONFLICTING, "the catalogue's kind DAY_CENTRE is not exclusive")), errors);
      assertEquals(Option.none(), ours.kind("SOUP_KITCHEN"), "nothing is added when a kind is refused");
    }

    @Test
    void refuses_one_code_given_twice_with_different_exclusivity() {
      assertEquals(List.of(new InputError("kinds", Problem.CONFLICTING,
              "the code SHELTER is given both as exclusive and as not exclusive")),
          errors(() -> ServiceCatalogue.builtIn().with(ServiceKind.of("SHELTER"), ServiceKind.exclusive("SHELTER"))));
    }

    @Test
    void refuses_missing_input_with_an_invalid_input_exception_never_a_null_pointer() {
      assertEquals(List.of("kinds:MISSING"), problems(() -> ServiceCatalogue.builtIn().with((ServiceKind[]) null)));
      assertEquals(List.of("kinds:NULL_ELEMENT"), problems(() -> ServiceCatalogue.builtIn().with(NIGHT_SHELTER, null)));
      assertEquals(List.of("code:MISSING"), problems(() -> ServiceCatalogue.builtIn().kind(null)));
    }

    @Test
    void prints_its_kinds_by_code_exclusive_ones_marked() {
      assertEquals("ServiceCatalogue[COUNSELLING, DAY_CENTRE, HOME_CARE, HOUSING, JOB_COACHING, "
              + "NIGHT_SHELTER(exclusive), PSYCHOLOGICAL_SUPPORT, RESIDENTIAL_PLACEMENT(exclusive), TRAINING]",
          ServiceCatalogue.builtIn().with(NIGHT_SHELTER, DAY_CENTRE).toString());
    }
  }

  @Nested
  class A_provider {

    @Test
    void may_not_offer_one_code_both_exclusive_and_not() {
      assertEquals(List.of(new InputError("offers", Problem.CONFLICTING,
              "the code SHELTER is given both as exclusive and as not exclusive")),
          errors(() -> Provider.of(ProviderId.of("P-1"), "Shelter", ResourceType.THIRD_SECTOR,
              HashSet.of(ServiceKind.of("SHELTER"), ServiceKind.exclusive("SHELTER")))));
    }

    @Test
    void may_offer_several_kinds_with_distinct_codes() {
      Provider p = Provider.of(ProviderId.of("P-1"), "Shelter", ResourceType.THIRD_SECTOR,
          HashSet.of(NIGHT_SHELTER, DAY_CENTRE, ServiceKind.COUNSELLING));
      assertTrue(p.offers(NIGHT_SHELTER));
    }
  }

  /** The problems as {@code field:PROBLEM}, e.g. {@code code:MISSING}. */
  static List<String> problems(Runnable construction) {
    return errors(construction).map(e -> e.field() + ":" + e.problem());
  }
}
