package org.casemgmt.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.casemgmt.InputError;
import org.casemgmt.InputError.Problem;
import org.casemgmt.InvalidInputException;
import org.casemgmt.plan.DayWindow;
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
    void texts_hold_tabs_and_line_breaks_but_no_other_control_character_and_no_lone_surrogate() {
      assertNull(Check.text("t", "line one\r\nline two\tend", 100));
      assertNull(Check.text("t", "smile \uD83D\uDE00", 100)); // a surrogate pair is one character: fine
      assertNull(Check.text("t", "\u00A0caf\u00E9", 100));
      for (String bad : List.of("a\u0000b", "a\u0007", "\u001Bx", "x\u007F", "x\u0085y", "x\u009F")) {
        assertEquals(Problem.MALFORMED, Check.text("t", bad, 100).problem(), bad.length() + " characters");
      }
      for (String lone : List.of("\uD800", "a\uD83Db", "a\uDE00", "\uDE00\uD83D", "end\uD83D")) {
        InputError error = Check.text("t", lone, 100);
        assertEquals(Problem.MALFORMED, error.problem());
        assertTrue(error.detail().contains("surrogate"), error.detail());
      }
      // The detail names the position, never the text.
      assertEquals("no control characters other than tab and line breaks (one at position 1)",
          Check.text("t", "a\u0000b", 100).detail());
      // Too long is reported before the characters are read: a huge text costs one comparison.
      assertEquals(Problem.TOO_LONG, Check.text("t", "\u0000".repeat(100_000), 100).problem());
    }

    @Test
    void days_and_instants_lie_within_the_supported_days() {
      assertNull(Check.day("d", DayWindow.FIRST_DAY));
      assertNull(Check.day("d", DayWindow.LAST_DAY));
      assertEquals(Problem.MISSING, Check.day("d", null).problem());
      for (LocalDate outside : List.of(LocalDate.MIN, LocalDate.of(1899, 12, 31), LocalDate.of(10_000, 1, 1),
          LocalDate.MAX)) {
        assertEquals(Problem.OUT_OF_RANGE, Check.day("d", outside).problem(), outside::toString);
      }
      assertEquals("must be a day from 1900-01-01 to 9999-12-31", Check.day("d", LocalDate.MAX).detail());
      assertNull(Check.optionalDay("d", Option.none()));
      assertEquals(Problem.NULL_ELEMENT, Check.optionalDay("d", Option.some(null)).problem());
      assertEquals(Problem.OUT_OF_RANGE, Check.optionalDay("d", Option.some(LocalDate.MIN)).problem());
      assertNull(Check.instant("i", Instant.parse("1900-01-01T00:00:00Z")));
      assertNull(Check.instant("i", Instant.parse("9999-12-31T23:59:59.999999999Z")));
      assertEquals(Problem.OUT_OF_RANGE, Check.instant("i", Instant.parse("1899-12-31T23:59:59Z")).problem());
      assertEquals(Problem.OUT_OF_RANGE, Check.instant("i", Instant.parse("+10000-01-01T00:00:00Z")).problem());
      assertEquals(Problem.OUT_OF_RANGE, Check.instant("i", Instant.MIN).problem());
      assertEquals(Problem.MISSING, Check.instant("i", null).problem());
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
      assertNull(Check.between("n", 1, 1, 3));
      assertNull(Check.between("n", 3, 1, 3));
      assertEquals(Problem.OUT_OF_RANGE, Check.between("n", Long.MAX_VALUE, 1, 3).problem());
      assertEquals(Problem.OUT_OF_RANGE, Check.between("n", Long.MIN_VALUE, 1, 3).problem());
      assertEquals(Problem.MISSING, Check.present("p", null).problem());
      assertNull(Check.present("p", "x"));
    }
  }
}
