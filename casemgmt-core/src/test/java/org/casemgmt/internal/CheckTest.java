package org.casemgmt.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import org.casemgmt.InputError;
import org.casemgmt.InputError.Problem;
import org.casemgmt.InvalidInputException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CheckTest {

  static final InputError ERROR = new InputError("field", Problem.MISSING, "is required");

  @Nested
  class Collecting {

    /** Every fixed-arity overload exists only to avoid an array: each must report an error in any position. */
    @Test
    void every_overload_reports_an_error_in_any_position_and_nothing_when_all_pass() throws Exception {
      List<Method> overloads = List.of(Check.class.getMethods())
          .filter(m -> m.getName().equals("orThrow") && !m.isVarArgs());
      assertEquals(10, overloads.size(), "overloads for 1 to 10 checks");
      for (Method overload : overloads) {
        int arity = overload.getParameterCount();
        assertDoesNotThrow(() -> overload.invoke(null, new Object[arity]), "no error, arity " + arity);
        for (int position = 0; position < arity; position++) {
          Object[] args = new Object[arity];
          args[position] = ERROR;
          InvocationTargetException thrown =
              assertThrows(InvocationTargetException.class, () -> overload.invoke(null, args));
          assertEquals(List.of(ERROR), ((InvalidInputException) thrown.getCause()).errors(),
              "arity " + arity + ", position " + position);
        }
      }
    }

    @Test
    void the_array_form_lists_every_error_in_order() {
      InputError second = new InputError("other", Problem.BLANK, "must not be blank");
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> Check.orThrow(new InputError[] {ERROR, null, second}));
      assertEquals(List.of(ERROR, second), e.errors());
      assertDoesNotThrow(() -> Check.orThrow(new InputError[] {null, null}));
    }

    @Test
    void not_null_answers_the_value_or_names_the_argument() {
      assertEquals("x", Check.notNull("x", "name"));
      assertEquals("name", assertThrows(InvalidInputException.class, () -> Check.notNull(null, "name"))
          .errors().head().field());
    }
  }

  @Nested
  class Single_checks {

    @Test
    void text_is_present_not_blank_and_at_most_the_maximum() {
      assertEquals(Problem.MISSING, Check.text("t", null, 3).problem());
      assertEquals(Problem.BLANK, Check.text("t", " \t", 3).problem());
      assertNull(Check.text("t", "abc", 3));
      assertEquals(Problem.TOO_LONG, Check.text("t", "abcd", 3).problem());
    }

    @Test
    void identifiers_allow_letters_digits_and_a_few_signs_only() {
      assertNull(Check.identifier("id", "A-1_b.c:d/2"));
      assertEquals(Problem.MALFORMED, Check.identifier("id", "a b").problem());
      assertEquals(Problem.MALFORMED, Check.identifier("id", "a#b").problem());
      assertNull(Check.identifier("id", "x".repeat(64)));
      assertEquals(Problem.TOO_LONG, Check.identifier("id", "x".repeat(65)).problem());
      assertEquals(Problem.BLANK, Check.identifier("id", "").problem());
    }

    @Test
    void collections_are_present_without_nulls_and_non_empty_when_asked() {
      assertEquals(Problem.MISSING, Check.elements("c", null, false).problem());
      assertEquals(Problem.EMPTY, Check.elements("c", List.empty(), true).problem());
      assertNull(Check.elements("c", List.empty(), false));
      assertEquals(Problem.NULL_ELEMENT, Check.elements("c", List.of("a", null), false).problem());
      assertNull(Check.elements("c", List.of("a"), true));
      // Sorted collections are walked, not asked for null (their comparator would throw).
      assertNull(Check.elements("c", io.vavr.collection.TreeSet.of("a", "b"), true));
      assertNull(Check.elements("c", io.vavr.collection.PriorityQueue.of(2, 1), true));
      assertEquals(Problem.NULL_ELEMENT, Check.elements("c",
          io.vavr.collection.TreeSet.of(java.util.Comparator.nullsFirst(java.util.Comparator.<String>naturalOrder()),
              "a", null), false).problem());
    }

    @Test
    void options_are_present_and_never_hold_null() {
      assertEquals(Problem.MISSING, Check.option("o", null).problem());
      assertEquals(Problem.NULL_ELEMENT, Check.option("o", io.vavr.control.Option.some(null)).problem());
      assertNull(Check.option("o", io.vavr.control.Option.none()));
      assertNull(Check.option("o", io.vavr.control.Option.some(1)));
      assertNull(Check.optionalText("t", io.vavr.control.Option.none(), 3));
      assertNull(Check.optionalText("t", io.vavr.control.Option.some("abc"), 3));
      assertEquals(Problem.TOO_LONG, Check.optionalText("t", io.vavr.control.Option.some("abcd"), 3).problem());
      assertEquals(Problem.BLANK, Check.optionalText("t", io.vavr.control.Option.some(" "), 3).problem());
      assertEquals(Problem.NULL_ELEMENT, Check.optionalText("t", io.vavr.control.Option.some(null), 3).problem());
    }

    @Test
    void maps_are_present_without_null_keys_or_values() {
      assertEquals(Problem.MISSING, Check.entries("m", null).problem());
      assertEquals(Problem.NULL_ELEMENT, Check.entries("m", HashMap.of("k", null)).problem());
      assertEquals(Problem.NULL_ELEMENT, Check.entries("m", HashMap.of(null, "v")).problem());
      assertNull(Check.entries("m", HashMap.of("k", "v")));
    }

    @Test
    void amounts_are_present_and_not_negative() {
      assertEquals(Problem.MISSING, Check.nonNegative("a", null).problem());
      assertEquals(Problem.OUT_OF_RANGE, Check.nonNegative("a", new BigDecimal("-0.01")).problem());
      assertNull(Check.nonNegative("a", BigDecimal.ZERO));
    }

    @Test
    void numbers_are_at_least_their_minimum() {
      assertNull(Check.atLeast("n", 1, 1));
      assertEquals(Problem.OUT_OF_RANGE, Check.atLeast("n", 0, 1).problem());
      assertEquals(Problem.MISSING, Check.present("p", null).problem());
      assertNull(Check.present("p", "x"));
    }
  }
}
