package org.casemgmt.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.casemgmt.internal.LongTreeMap.Entry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Examples for every operation of {@link LongTreeMap}, then a seeded random walk that checks it
 * against {@link java.util.TreeMap} as an oracle, including the AVL invariants after every step and
 * the persistence of older versions.
 */
class LongTreeMapTest {

  /** Builds a map from alternating keys and values, e.g. {@code map(1, "a", 5, "b")}. */
  private static LongTreeMap<String> map(Object... keysAndValues) {
    LongTreeMap<String> map = LongTreeMap.empty();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map = map.put(((Number) keysAndValues[i]).longValue(), (String) keysAndValues[i + 1]);
    }
    map.checkInvariants();
    return map;
  }

  /** A map holding {@code "v<key>"} for every key of {@code keys}, inserted in the given order. */
  private static LongTreeMap<String> mapOf(LongStream keys) {
    LongTreeMap<String> map = LongTreeMap.empty();
    for (long key : keys.toArray()) {
      map = map.put(key, "v" + key);
    }
    map.checkInvariants();
    return map;
  }

  private static void assertEntry(long key, String value, Entry<String> actual) {
    assertEquals(key + "=" + value, actual == null ? null : actual.key() + "=" + actual.value());
  }

  @Nested
  class The_empty_map {

    private final LongTreeMap<String> empty = LongTreeMap.empty();

    @Test
    void has_size_zero_and_is_empty() {
      assertEquals(0, empty.size());
      assertTrue(empty.isEmpty());
      assertDoesNotThrow(empty::checkInvariants);
    }

    @Test
    void is_one_shared_instance() {
      assertSame(LongTreeMap.<String>empty(), LongTreeMap.<Integer>empty());
    }

    @Test
    void answers_every_look_up_with_null() {
      assertNull(empty.get(0));
      assertFalse(empty.containsKey(0));
      assertNull(empty.floor(0));
      assertNull(empty.ceiling(0));
      assertNull(empty.lower(0));
      assertNull(empty.higher(0));
      assertNull(empty.first());
      assertNull(empty.last());
    }

    @Test
    void has_no_values_and_visits_nothing() {
      assertTrue(empty.values().isEmpty());
      empty.forEach((key, value) -> {
        throw new AssertionError("visited " + key);
      });
    }

    @Test
    void prints_as_empty_braces() {
      assertEquals("{}", empty.toString());
    }

    @Test
    void removing_from_it_returns_it() {
      assertSame(empty, empty.remove(42));
    }
  }

  @Nested
  class Put {

    @Test
    void adds_a_key_to_the_empty_map() {
      LongTreeMap<String> map = LongTreeMap.<String>empty().put(7, "a");
      assertEquals(1, map.size());
      assertFalse(map.isEmpty());
      assertEquals("a", map.get(7));
      assertTrue(map.containsKey(7));
    }

    @Test
    void replacing_a_value_keeps_the_size() {
      LongTreeMap<String> map = map(1, "a", 2, "b").put(2, "B");
      assertEquals(2, map.size());
      assertEquals("B", map.get(2));
      assertEquals("{1=a, 2=B}", map.toString());
    }

    @Test
    void putting_the_same_value_instance_again_returns_the_same_map() {
      String value = "a";
      LongTreeMap<String> map = map(1, value, 2, "b");
      assertSame(map, map.put(1, value));
    }

    @Test
    void putting_an_equal_but_different_instance_replaces_it() {
      String original = new String("a");
      String equalCopy = new String("a");
      LongTreeMap<String> map = LongTreeMap.<String>empty().put(1, original);
      LongTreeMap<String> replaced = map.put(1, equalCopy);
      assertNotSame(map, replaced);
      assertSame(equalCopy, replaced.get(1));
      assertSame(original, map.get(1));
    }

    @Test
    void a_null_value_is_rejected_with_an_illegal_argument() {
      LongTreeMap<String> map = map(1, "a");
      IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> map.put(2, null));
      assertEquals("value is null", thrown.getMessage());
    }

    @Test
    void the_extreme_long_keys_are_ordinary_keys() {
      LongTreeMap<String> map = map(Long.MAX_VALUE, "max", Long.MIN_VALUE, "min", 0, "zero");
      assertEquals("{-9223372036854775808=min, 0=zero, 9223372036854775807=max}", map.toString());
    }

    @Test
    void ascending_insertions_stay_balanced() {
      LongTreeMap<String> map = mapOf(LongStream.range(0, 1 << 12));
      assertEquals(1 << 12, map.size());
      assertDoesNotThrow(map::checkInvariants);
    }

    @Test
    void descending_insertions_stay_balanced() {
      LongTreeMap<String> map = mapOf(LongStream.range(0, 1 << 12).map(i -> -i));
      assertEquals(1 << 12, map.size());
      assertDoesNotThrow(map::checkInvariants);
    }
  }

  @Nested
  class Remove {

    @Test
    void removing_an_absent_key_returns_the_same_map() {
      LongTreeMap<String> map = map(1, "a", 3, "c");
      assertSame(map, map.remove(2));
    }

    @Test
    void removing_the_only_key_gives_the_empty_map() {
      assertSame(LongTreeMap.empty(), map(1, "a").remove(1));
    }

    @Test
    void removing_a_leaf_keeps_the_others() {
      LongTreeMap<String> map = map(2, "b", 1, "a", 3, "c").remove(3);
      map.checkInvariants();
      assertEquals("{1=a, 2=b}", map.toString());
    }

    @Test
    void removing_the_root_of_a_full_tree_keeps_the_others_in_order() {
      // Ascending insertion of 1..7 yields a perfect tree rooted at 4.
      LongTreeMap<String> map = mapOf(LongStream.rangeClosed(1, 7)).remove(4);
      map.checkInvariants();
      assertEquals("{1=v1, 2=v2, 3=v3, 5=v5, 6=v6, 7=v7}", map.toString());
      assertFalse(map.containsKey(4));
    }

    @Test
    void removing_every_key_in_turn_stays_balanced_down_to_empty() {
      LongTreeMap<String> map = mapOf(LongStream.range(0, 200));
      for (long key = 0; key < 200; key += 2) {
        map = map.remove(key);
        map.checkInvariants();
      }
      for (long key = 199; key > 0; key -= 2) {
        map = map.remove(key);
        map.checkInvariants();
      }
      assertTrue(map.isEmpty());
    }
  }

  @Nested
  class Get {

    @Test
    void finds_every_present_key_and_nothing_else() {
      LongTreeMap<String> map = map(10, "a", 20, "b", 30, "c");
      assertEquals("a", map.get(10));
      assertEquals("b", map.get(20));
      assertEquals("c", map.get(30));
      assertNull(map.get(15));
      assertNull(map.get(31));
      assertTrue(map.containsKey(20));
      assertFalse(map.containsKey(25));
    }
  }

  @Nested
  class Navigation {

    private final LongTreeMap<String> map = map(10, "a", 20, "b", 30, "c");

    @Test
    void floor_of_a_present_key_is_that_key() {
      assertEntry(20, "b", map.floor(20));
    }

    @Test
    void floor_between_two_keys_is_the_smaller_one() {
      assertEntry(20, "b", map.floor(29));
    }

    @Test
    void floor_below_the_first_key_is_null() {
      assertNull(map.floor(9));
      assertEntry(10, "a", map.floor(10));
    }

    @Test
    void floor_above_the_last_key_is_the_last_entry() {
      assertEntry(30, "c", map.floor(Long.MAX_VALUE));
    }

    @Test
    void ceiling_of_a_present_key_is_that_key() {
      assertEntry(20, "b", map.ceiling(20));
    }

    @Test
    void ceiling_between_two_keys_is_the_greater_one() {
      assertEntry(30, "c", map.ceiling(21));
    }

    @Test
    void ceiling_above_the_last_key_is_null() {
      assertNull(map.ceiling(31));
      assertEntry(30, "c", map.ceiling(30));
    }

    @Test
    void ceiling_below_the_first_key_is_the_first_entry() {
      assertEntry(10, "a", map.ceiling(Long.MIN_VALUE));
    }

    @Test
    void lower_of_a_present_key_is_its_predecessor() {
      assertEntry(10, "a", map.lower(20));
    }

    @Test
    void lower_of_the_first_key_is_null() {
      assertNull(map.lower(10));
      assertEntry(10, "a", map.lower(11));
    }

    @Test
    void higher_of_a_present_key_is_its_successor() {
      assertEntry(30, "c", map.higher(20));
    }

    @Test
    void higher_of_the_last_key_is_null() {
      assertNull(map.higher(30));
      assertEntry(30, "c", map.higher(29));
    }

    @Test
    void first_and_last_are_the_extreme_entries() {
      assertEntry(10, "a", map.first());
      assertEntry(30, "c", map.last());
    }

    @Test
    void in_a_single_entry_map_every_look_up_hits_or_misses_that_entry() {
      LongTreeMap<String> single = map(5, "x");
      assertEntry(5, "x", single.first());
      assertEntry(5, "x", single.last());
      assertEntry(5, "x", single.floor(5));
      assertEntry(5, "x", single.ceiling(5));
      assertNull(single.floor(4));
      assertNull(single.ceiling(6));
      assertNull(single.lower(5));
      assertNull(single.higher(5));
      assertEntry(5, "x", single.lower(6));
      assertEntry(5, "x", single.higher(4));
    }

    @Test
    void neighbours_are_the_floor_and_the_successor_found_in_one_descent() {
      Random random = new Random(7);
      for (int round = 0; round < 200; round++) {
        LongTreeMap<String> generated = LongTreeMap.empty();
        int size = random.nextInt(40);
        for (int i = 0; i < size; i++) {
          long key = random.nextInt(100);
          generated = generated.put(key, "v" + key);
        }
        for (long key = -2; key <= 102; key++) {
          LongTreeMap.Neighbours<String> around = generated.neighbours(key);
          String where = "round " + round + ", key " + key + " in " + generated;
          org.junit.jupiter.api.Assertions.assertSame(generated.floor(key), around.floor(), where);
          org.junit.jupiter.api.Assertions.assertSame(generated.higher(key), around.higher(), where);
        }
      }
    }

    @Test
    void look_ups_at_the_extreme_long_keys_do_not_overflow() {
      LongTreeMap<String> extremes = map(Long.MIN_VALUE, "min", Long.MAX_VALUE, "max");
      assertNull(extremes.lower(Long.MIN_VALUE));
      assertNull(extremes.higher(Long.MAX_VALUE));
      assertEntry(Long.MIN_VALUE, "min", extremes.floor(Long.MIN_VALUE));
      assertEntry(Long.MAX_VALUE, "max", extremes.ceiling(Long.MAX_VALUE));
      assertEntry(Long.MAX_VALUE, "max", extremes.higher(Long.MIN_VALUE));
      assertEntry(Long.MIN_VALUE, "min", extremes.lower(Long.MAX_VALUE));
    }
  }

  @Nested
  class Traversal {

    private final LongTreeMap<String> map = map(30, "c", 10, "a", 20, "b");

    @Test
    void for_each_visits_the_entries_in_ascending_key_order() {
      StringBuilder visited = new StringBuilder();
      map.forEach((key, value) -> visited.append(key).append(value).append(' '));
      assertEquals("10a 20b 30c ", visited.toString());
    }

    @Test
    void for_each_rejects_a_null_action_with_an_illegal_argument() {
      IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> map.forEach(null));
      assertEquals("action is null", thrown.getMessage());
    }

    @Test
    void values_are_listed_in_ascending_key_order() {
      assertEquals(io.vavr.collection.List.of("a", "b", "c"), map.values());
    }

    @Test
    void to_string_lists_the_entries_in_ascending_key_order() {
      assertEquals("{10=a, 20=b, 30=c}", map.toString());
    }
  }

  @Nested
  class Equality {

    @Test
    void maps_with_the_same_content_are_equal_whatever_the_insertion_order() {
      LongTreeMap<String> ascending = mapOf(LongStream.range(0, 100));
      LongTreeMap<String> descending = mapOf(LongStream.range(0, 100).map(i -> 99 - i));
      assertEquals(ascending, descending);
      assertEquals(ascending.hashCode(), descending.hashCode());
    }

    @Test
    void maps_built_differently_but_ending_with_the_same_content_are_equal() {
      LongTreeMap<String> viaRemovals = mapOf(LongStream.range(0, 50)).remove(7).remove(30).put(7, "v7");
      LongTreeMap<String> direct = mapOf(LongStream.range(0, 50).filter(key -> key != 30));
      assertEquals(direct, viaRemovals);
      assertEquals(direct.hashCode(), viaRemovals.hashCode());
    }

    @Test
    void a_different_value_makes_maps_unequal() {
      assertNotEquals(map(1, "a", 2, "b"), map(1, "a", 2, "c"));
    }

    @Test
    void a_different_key_makes_maps_unequal() {
      assertNotEquals(map(1, "a", 2, "b"), map(1, "a", 3, "b"));
    }

    @Test
    void a_different_size_makes_maps_unequal() {
      assertNotEquals(map(1, "a"), map(1, "a", 2, "b"));
      assertNotEquals(LongTreeMap.empty(), map(1, "a"));
    }

    @Test
    void a_map_is_not_equal_to_other_types() {
      assertNotEquals(map(1, "a"), Map.of(1L, "a"));
      assertFalse(map(1, "a").equals(null));
    }
  }

  @Nested
  class Persistence {

    @Test
    void put_leaves_the_original_map_unchanged() {
      LongTreeMap<String> original = map(1, "a", 2, "b", 3, "c");
      LongTreeMap<String> updated = original.put(2, "B").put(4, "d");
      assertEquals("{1=a, 2=b, 3=c}", original.toString());
      assertEquals("{1=a, 2=B, 3=c, 4=d}", updated.toString());
      original.checkInvariants();
    }

    @Test
    void remove_leaves_the_original_map_unchanged() {
      LongTreeMap<String> original = mapOf(LongStream.rangeClosed(1, 7));
      LongTreeMap<String> updated = original.remove(4).remove(1);
      assertEquals(7, original.size());
      assertEquals("{1=v1, 2=v2, 3=v3, 4=v4, 5=v5, 6=v6, 7=v7}", original.toString());
      assertEquals("{2=v2, 3=v3, 5=v5, 6=v6, 7=v7}", updated.toString());
      original.checkInvariants();
    }

    @Test
    void an_entry_handed_out_stays_valid_after_updates() {
      LongTreeMap<String> map = map(1, "a", 2, "b");
      Entry<String> entry = map.floor(2);
      map.put(2, "B").remove(1).remove(2);
      assertEntry(2, "b", entry);
    }
  }

  /**
   * Random put/remove walks over a small key range, so keys collide and removals hit, compared
   * step by step with {@link java.util.TreeMap}. Re-run one walk with
   * {@code -DLongTreeMapTest.seed=<seed>}.
   */
  @Nested
  class Against_java_util_TreeMap {

    private static final int STEPS = 5_000;
    private static final int KEY_RANGE = 500;
    private static final int PROBES_PER_STEP = 4;
    private static final int FULL_COMPARISON_EVERY = 100;
    private static final int SNAPSHOT_EVERY = 250;

    @TestFactory
    Stream<DynamicTest> random_walks_agree_with_the_oracle_at_every_step() {
      String fixed = System.getProperty("LongTreeMapTest.seed");
      Stream<Long> seeds = fixed != null
          ? Stream.of(Long.parseLong(fixed))
          : Stream.of(1L, 42L, 20_240_601L, 0xC0FFEEL, -7_777_777_777L, 987_654_321L);
      return seeds.map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> walk(seed)));
    }

    private record Snapshot(int step, LongTreeMap<String> version, TreeMap<Long, String> expected) {}

    private void walk(long seed) {
      Random random = new Random(seed);
      LongTreeMap<String> map = LongTreeMap.empty();
      TreeMap<Long, String> oracle = new TreeMap<>();
      ArrayList<Snapshot> snapshots = new ArrayList<>();

      for (int step = 0; step < STEPS; step++) {
        int currentStep = step;
        // Alternate growing and shrinking phases so the walk visits both full and near-empty maps.
        boolean growing = (step / 1000) % 2 == 0;
        int putPercent = growing ? 70 : 25;
        long key = random.nextInt(KEY_RANGE);
        int dice = random.nextInt(100);
        String operation;
        LongTreeMap<String> before = map;
        if (dice < 5 && oracle.containsKey(key)) {
          operation = "re-put same instance " + key;
          map = map.put(key, oracle.get(key));
          assertSame(before, map, "seed=" + seed + " step=" + step + " " + operation);
        } else if (dice < putPercent) {
          String value = "s" + step;
          operation = "put " + key + "=" + value;
          map = map.put(key, value);
          oracle.put(key, value);
        } else {
          operation = "remove " + key;
          boolean present = oracle.remove(key) != null;
          map = map.remove(key);
          if (!present) {
            assertSame(before, map, "seed=" + seed + " step=" + step + " " + operation);
          }
        }
        String context = "seed=" + seed + " step=" + step + " " + operation;
        Supplier<String> message = () -> context;

        assertDoesNotThrow(map::checkInvariants, message);
        assertEquals(oracle.size(), map.size(), message);
        assertEquals(oracle.isEmpty(), map.isEmpty(), message);
        assertSameEntry(oracle.firstEntry(), map.first(), () -> context + " first");
        assertSameEntry(oracle.lastEntry(), map.last(), () -> context + " last");
        for (int probe = 0; probe < PROBES_PER_STEP; probe++) {
          long at = random.nextInt(KEY_RANGE + 20) - 10;
          Supplier<String> probeMessage = () -> context + " probe=" + at;
          assertEquals(oracle.get(at), map.get(at), probeMessage);
          assertEquals(oracle.containsKey(at), map.containsKey(at), probeMessage);
          assertSameEntry(oracle.floorEntry(at), map.floor(at), () -> probeMessage.get() + " floor");
          assertSameEntry(oracle.ceilingEntry(at), map.ceiling(at), () -> probeMessage.get() + " ceiling");
          assertSameEntry(oracle.lowerEntry(at), map.lower(at), () -> probeMessage.get() + " lower");
          assertSameEntry(oracle.higherEntry(at), map.higher(at), () -> probeMessage.get() + " higher");
        }
        if (step % FULL_COMPARISON_EVERY == 0) {
          assertSameContent(oracle, map, message);
        }
        if (step % SNAPSHOT_EVERY == 0) {
          snapshots.add(new Snapshot(currentStep, map, new TreeMap<>(oracle)));
        }
      }

      for (Snapshot snapshot : snapshots) {
        Supplier<String> message = () -> "seed=" + seed + " snapshot of step " + snapshot.step();
        assertDoesNotThrow(snapshot.version()::checkInvariants, message);
        assertSameContent(snapshot.expected(), snapshot.version(), message);
      }
    }

    private void assertSameEntry(Map.Entry<Long, String> expected, Entry<String> actual, Supplier<String> message) {
      String expectedText = expected == null ? null : expected.getKey() + "=" + expected.getValue();
      String actualText = actual == null ? null : actual.key() + "=" + actual.value();
      assertEquals(expectedText, actualText, message);
    }

    private void assertSameContent(TreeMap<Long, String> expected, LongTreeMap<String> actual, Supplier<String> message) {
      assertEquals(expected.size(), actual.size(), message);
      assertEquals(expected.toString(), actual.toString(), message);
      assertEquals(io.vavr.collection.List.ofAll(expected.values()), actual.values(), message);
      ArrayList<Long> visitedKeys = new ArrayList<>();
      actual.forEach((key, value) -> {
        visitedKeys.add(key);
        assertSame(expected.get(key), value, message);
      });
      assertEquals(new ArrayList<>(expected.keySet()), visitedKeys, message);
      LongTreeMap<String> rebuilt = LongTreeMap.empty();
      for (Map.Entry<Long, String> entry : expected.entrySet()) {
        rebuilt = rebuilt.put(entry.getKey(), entry.getValue());
      }
      assertEquals(rebuilt, actual, message);
      assertEquals(rebuilt.hashCode(), actual.hashCode(), message);
    }
  }
}
