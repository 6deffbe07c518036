package org.casemgmt.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.time.LocalDate;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.Phase;
import org.casemgmt.plan.DayWindow;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GenTest {

  private static <T> Property.Counterexample<T> counterexample(Gen<T> gen, java.util.function.Predicate<T> property) {
    return Property.forAll(gen).seed(1234L).tries(500).findCounterexample(property)
        .getOrElseThrow(() -> new AssertionError("no counterexample found"));
  }

  @Nested
  class Determinism {

    @Test
    void the_same_seed_draws_the_same_values() {
      Gen<List<Integer>> lists = Gen.listOf(Gen.integers(-50, 50), 0, 20);
      for (long seed = 0; seed < 50; seed++) {
        assertEquals(lists.sample(seed, 20), lists.sample(seed, 20));
      }
    }

    @Test
    void the_same_seed_draws_the_same_generated_case_and_the_same_case() {
      for (long seed = 0; seed < 20; seed++) {
        GeneratedCase first = CaseGens.generatedCases(60).sample(seed, 30);
        GeneratedCase second = CaseGens.generatedCases(60).sample(seed, 30);
        assertEquals(first, second);
        assertEquals(first.play(), second.play());
        assertEquals(CaseGens.casesIn(Phase.MONITORING).sample(seed, 30),
            CaseGens.casesIn(Phase.MONITORING).sample(seed, 30));
      }
    }

    @Test
    void different_seeds_draw_different_values() {
      Gen<Integer> numbers = Gen.integers(0, 1_000_000);
      assertTrue(List.range(0, 100).map(seed -> numbers.sample(seed, 10)).distinct().size() > 90);
    }
  }

  @Nested
  class Bounds {

    @Test
    void integers_stay_within_their_bounds_and_reach_both() {
      Gen<Integer> gen = Gen.integers(-3, 4);
      List<Integer> drawn = List.range(0, 2000).map(seed -> gen.sample(seed, 10));
      assertTrue(drawn.forAll(n -> n >= -3 && n <= 4));
      assertEquals(List.rangeClosed(-3, 4), drawn.distinct().sorted());
    }

    @Test
    void lists_and_sets_respect_their_lengths_and_sets_have_no_duplicates() {
      Property.forAll(Gen.listOf(Gen.integers(0, 9), 2, 5)).seed(1L).check(l -> l.size() >= 2 && l.size() <= 5);
      Property.forAll(Gen.setOf(Gen.integers(0, 9), 1, 4)).seed(2L).check(s -> s.size() >= 1 && s.size() <= 4);
    }

    @Test
    void dates_stay_inside_their_range() {
      LocalDate from = LocalDate.of(2026, 1, 1);
      Property.forAll(Gen.dates(from, 31)).seed(3L).check(d -> !d.isBefore(from) && d.isBefore(from.plusDays(31)));
    }

    @Test
    void frequency_follows_its_weights() {
      Gen<String> gen = Gen.frequency(Tuple.of(9, Gen.constant("often")), Tuple.of(1, Gen.constant("rarely")));
      int often = List.range(0, 5000).count(seed -> gen.sample(seed, 0).equals("often"));
      assertTrue(often > 4300 && often < 4700, "often drawn " + often + " times of 5000");
    }

    @Test
    void filter_keeps_only_matching_values_and_gives_up_clearly() {
      Property.forAll(Gen.integers(0, 100).filter(n -> n % 2 == 0)).seed(4L).check(n -> n % 2 == 0);
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> Gen.integers(0, 100).filter(n -> n > 1000).sample(5L, 10));
      assertTrue(e.getMessage().contains("failed the predicate"));
    }

    @Test
    void option_of_draws_both_none_and_some() {
      Gen<Option<Integer>> gen = Gen.optionOf(Gen.integers(1, 3));
      List<Option<Integer>> drawn = List.range(0, 200).map(seed -> gen.sample(seed, 5));
      assertTrue(drawn.exists(Option::isEmpty) && drawn.exists(Option::isDefined));
    }

    @Test
    void generated_non_overlapping_windows_never_share_a_day() {
      Property.forAll(CaseGens.nonOverlappingWindows(12)).seed(6L).check(ws -> ws.zipWithIndex()
          .forAll(a -> ws.drop(a._2 + 1).forAll(b -> !a._1.overlaps(b))));
    }

    @Test
    void generated_overlapping_pairs_always_share_a_day() {
      Property.forAll(CaseGens.overlappingPairs()).seed(7L).check(p -> p._1.intersection(p._2).isDefined());
    }

    @Test
    void cases_in_a_phase_are_in_that_phase() {
      for (Phase phase : Phase.values()) {
        CaseFile file = CaseGens.casesIn(phase).sample(phase.ordinal(), 30);
        assertEquals(phase, file.phase());
      }
    }
  }

  @Nested
  class Shrinking_reaches_minimal_counterexamples {

    @Test
    void a_list_containing_a_number_above_100_shrinks_to_the_list_of_101() {
      Property.Counterexample<List<Integer>> c =
          counterexample(Gen.listOf(Gen.integers(0, 1000), 0, 30), l -> l.forAll(n -> n <= 100));
      assertEquals(List.of(101), c.shrunk());
    }

    @Test
    void a_number_at_least_37_shrinks_to_37() {
      assertEquals(37, counterexample(Gen.integers(-1000, 1000), n -> n < 37).shrunk());
    }

    @Test
    void a_negative_number_below_minus_12_shrinks_to_minus_13() {
      assertEquals(-13, counterexample(Gen.integers(-1000, 1000), n -> n >= -12).shrunk());
    }

    @Test
    void numbers_shrink_towards_the_bound_nearest_zero() {
      assertEquals(50, counterexample(Gen.integers(50, 90), n -> false).shrunk());
      assertEquals(-50, counterexample(Gen.integers(-90, -50), n -> false).shrunk());
    }

    @Test
    void a_list_longer_than_three_shrinks_to_four_zeros() {
      assertEquals(List.of(0, 0, 0, 0), counterexample(Gen.listOf(Gen.integers(0, 9), 0, 30), l -> l.size() <= 3)
          .shrunk());
    }

    @Test
    void mapped_and_flat_mapped_values_shrink_through_the_mapping() {
      Gen<DayWindow> windows = CaseGens.dayWindows(LocalDate.of(2026, 1, 1), 300, 90);
      DayWindow shrunk = counterexample(windows, w -> w.days() < 10).shrunk();
      assertEquals(DayWindow.ofDays(LocalDate.of(2026, 1, 1), 10), shrunk);
    }

    @Test
    void a_set_with_two_large_numbers_shrinks_to_the_two_smallest() {
      Set<Integer> shrunk = counterexample(Gen.setOf(Gen.integers(0, 1000), 0, 20), s -> s.count(n -> n >= 10) < 2)
          .shrunk();
      assertEquals(io.vavr.collection.HashSet.of(10, 11), shrunk.toSet());
    }

    @Test
    void an_optional_value_shrinks_to_none_when_none_also_fails() {
      assertEquals(Option.none(), counterexample(Gen.optionOf(Gen.integers(0, 9)), o -> false).shrunk());
    }

    @Test
    void check_reports_the_shrunk_value_and_the_seed() {
      AssertionError e = assertThrows(AssertionError.class,
          () -> Property.forAll(Gen.listOf(Gen.integers(0, 1000), 0, 30)).seed(99L).check(l -> l.forAll(n -> n <= 100)));
      assertTrue(e.getMessage().contains("List(101)"), e.getMessage());
      assertTrue(e.getMessage().contains("-Dcasemgmt.seed=99"), e.getMessage());
    }
  }
}
