package org.casemgmt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import java.util.ArrayList;
import org.casemgmt.testkit.Gen;
import org.casemgmt.testkit.Property;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Examples for {@link EntityMap}, then a property that checks every operation against {@link java.util.HashMap}
 * as an oracle over generated sequences of puts that cross the change from the array form to the hash form,
 * with keys whose hash codes collide, and checks that no earlier version ever changes.
 */
class EntityMapTest {

  /** A key with a chosen hash code, so that collisions are certain: equal by name only. */
  private record Key(String name, int hash) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key that && name.equals(that.name);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static Key key(int n) {
    return new Key("k" + n, n % 3); // three hash codes for all keys: most look-ups meet a collision
  }

  private static EntityMap<Key, String> mapOf(int size) {
    EntityMap<Key, String> map = EntityMap.empty();
    for (int n = 0; n < size; n++) {
      map = map.put(key(n), "v" + n);
    }
    return map;
  }

  @Nested
  class Small_maps {

    @Test
    void the_empty_map_holds_nothing() {
      EntityMap<Key, String> empty = EntityMap.empty();
      assertTrue(empty.isEmpty());
      assertEquals(0, empty.size());
      assertNull(empty.get(key(1)));
      assertFalse(empty.valuesIterator().hasNext());
      assertTrue(empty.asMap().isEmpty());
    }

    @Test
    void a_put_adds_or_replaces_and_leaves_the_old_map_as_it_was() {
      EntityMap<Key, String> one = EntityMap.<Key, String>empty().put(key(1), "a");
      EntityMap<Key, String> two = one.put(key(4), "b"); // same hash code as key(1)
      EntityMap<Key, String> replaced = two.put(new Key("k1", 1), "c");
      assertEquals("a", one.get(key(1)));
      assertNull(one.get(key(4)));
      assertEquals(List.of("a", "b"), List.ofAll(() -> two.valuesIterator()));
      assertEquals(List.of("c", "b"), List.ofAll(() -> replaced.valuesIterator()), "insertion order kept");
      assertEquals(2, replaced.size());
    }

    @Test
    void putting_the_same_value_again_answers_the_same_map() {
      String value = "a";
      EntityMap<Key, String> map = EntityMap.<Key, String>empty().put(key(1), value);
      assertSame(map, map.put(key(1), value));
    }

    @Test
    void null_keys_and_values_are_refused() {
      EntityMap<Key, String> empty = EntityMap.empty();
      assertThrows(IllegalArgumentException.class, () -> empty.put(null, "a"));
      assertThrows(IllegalArgumentException.class, () -> empty.put(key(1), null));
      assertThrows(IllegalArgumentException.class, () -> mapOf(3).mapValues(v -> null));
      assertThrows(IllegalArgumentException.class, () -> mapOf(EntityMap.ARRAY_FORM_LIMIT + 1).mapValues(v -> null),
          "in the hash form too");
    }

    @Test
    void map_values_copies_only_when_a_value_changes() {
      EntityMap<Key, String> map = mapOf(5);
      assertSame(map, map.mapValues(v -> v));
      EntityMap<Key, String> upper = map.mapValues(String::toUpperCase);
      assertEquals("V3", upper.get(key(3)));
      assertEquals("v3", map.get(key(3)));
    }

    @Test
    void equality_ignores_insertion_order_and_form() {
      EntityMap<Key, String> forward = EntityMap.<Key, String>empty().put(key(1), "a").put(key(2), "b");
      EntityMap<Key, String> backward = EntityMap.<Key, String>empty().put(key(2), "b").put(key(1), "a");
      assertEquals(forward, backward);
      assertEquals(forward.hashCode(), backward.hashCode());
      assertNotEquals(forward, backward.put(key(2), "c"));
      assertNotEquals(forward, backward.put(key(3), "c"));
      assertEquals(EntityMap.ofAll(mapOf(40).asMap()), mapOf(40));
    }

    @Test
    void the_vavr_view_has_the_same_entries_and_prints_like_it() {
      EntityMap<Key, String> map = mapOf(3);
      assertEquals(HashMap.of(key(0), "v0", key(1), "v1", key(2), "v2"), map.asMap());
      assertSame(map.asMap(), map.asMap(), "computed once");
      assertEquals(map.asMap().toString(), map.toString());
    }
  }

  @Nested
  class Large_maps {

    @Test
    void past_the_small_size_it_keeps_every_entry() {
      EntityMap<Key, String> large = mapOf(EntityMap.ARRAY_FORM_LIMIT * 4);
      assertEquals(EntityMap.ARRAY_FORM_LIMIT * 4, large.size());
      for (int n = 0; n < EntityMap.ARRAY_FORM_LIMIT * 4; n++) {
        assertEquals("v" + n, large.get(key(n)));
      }
      assertNull(large.get(key(-1)));
      assertEquals("x", large.put(key(7), "x").get(key(7)));
      assertEquals("v7", large.get(key(7)));
    }
  }

  /** One step of the walk: put {@code value} under key {@code key}. */
  private record Put(int key, int value) {}

  @Test
  void every_sequence_of_puts_agrees_with_a_java_hash_map_and_keeps_earlier_versions() {
    Gen<Put> puts = Gen.integers(0, 60).flatMap(k -> Gen.integers(0, 4).map(v -> new Put(k, v)));
    Property.forAll(Gen.listOf(puts, 0, 120)).seed(20261201L).tries(400).check(steps -> {
      java.util.HashMap<Key, String> oracle = new java.util.HashMap<>();
      EntityMap<Key, String> map = EntityMap.empty();
      ArrayList<EntityMap<Key, String>> versions = new ArrayList<>();
      ArrayList<java.util.HashMap<Key, String>> expected = new ArrayList<>();
      for (Put step : steps) {
        oracle.put(key(step.key()), "v" + step.value());
        map = map.put(key(step.key()), "v" + step.value());
        versions.add(map);
        expected.add(new java.util.HashMap<>(oracle));
      }
      for (int v = 0; v < versions.size(); v++) {
        if (!agrees(versions.get(v), expected.get(v))) {
          return false;
        }
      }
      return agrees(map, oracle);
    });
  }

  private static boolean agrees(EntityMap<Key, String> map, java.util.Map<Key, String> oracle) {
    if (map.size() != oracle.size() || map.isEmpty() != oracle.isEmpty()) {
      return false;
    }
    for (int n = -1; n <= 61; n++) {
      if (!java.util.Objects.equals(oracle.get(key(n)), map.get(key(n)))
          || map.containsKey(key(n)) != oracle.containsKey(key(n))) {
        return false;
      }
    }
    java.util.HashMap<Key, String> walked = new java.util.HashMap<>();
    for (java.util.Iterator<Key> keys = map.keysIterator(); keys.hasNext(); ) {
      Key k = keys.next();
      walked.put(k, map.get(k));
    }
    java.util.ArrayList<String> values = new java.util.ArrayList<>();
    map.valuesIterator().forEachRemaining(values::add);
    java.util.ArrayList<String> oracleValues = new java.util.ArrayList<>(oracle.values());
    values.sort(null);
    oracleValues.sort(null);
    return walked.equals(oracle) && values.equals(oracleValues)
        && map.asMap().toJavaMap().equals(oracle)
        && map.equals(EntityMap.ofAll(HashMap.ofAll(oracle)))
        && map.hashCode() == EntityMap.ofAll(HashMap.ofAll(oracle)).hashCode();
  }
}
