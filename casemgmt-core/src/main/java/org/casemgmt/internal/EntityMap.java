package org.casemgmt.internal;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A persistent (immutable) map for the entities one case holds by id — needs, goals, interventions, providers,
 * deferrals — built for their usual size: a handful, sometimes a few dozen, rarely (a long plan) many thousands.
 *
 * <pre>{@code
 * EntityMap<NeedId, Need> needs = EntityMap.<NeedId, Need>empty().put(need.id(), need);
 * needs.get(need.id());     // the need, or null
 * needs.asMap();            // the same entries as a Vavr Map, for the public API
 * }</pre>
 *
 * <p><b>Why it exists.</b> Every event a case file applies copies the maps it changes, and the rules look
 * entities up and walk them on nearly every command. For a few entries a Vavr {@code HashMap} (a hash trie)
 * spends more on its nodes and iterators than on the entries themselves. Up to {@value #ARRAY_FORM_LIMIT} entries
 * this map is one array of keys and values in insertion order: a look-up is a short scan, a change copies one small
 * array, a walk allocates nothing but the iterator. Past that size it holds a Vavr {@code HashMap}, so adding
 * the n-th entry of a large plan stays {@code O(log n)}.
 *
 * <p><b>Contract.</b> Keys and values are never {@code null} (the callers' values are validated before they
 * get here); {@link #get} answers {@code null} for an absent key, without allocating. Equality is by content
 * (the same keys mapped to equal values), whatever the insertion order or the representation. The public API
 * shows the entries as a Vavr {@link Map} through {@link #asMap()}, computed once per instance.
 *
 * <p>Public only so that other packages of the library can use it; the package is not exported.
 *
 * @param <K> the type of the keys (ids: values with {@code equals} and {@code hashCode})
 * @param <V> the type of the values
 */
public final class EntityMap<K, V> {

  /**
   * Up to this many entries the map is an array; past it, a hash trie. It decides only the representation: the
   * answers are the same either way.
   *
   * <p>Why 16: in the array form a look-up is a linear scan and every change copies the whole array, so both grow
   * with the size, while a trie's costs grow with its depth. 16 is well above what a case file usually holds (a
   * simulated reference case has one need, goal and intervention; the narrated seeds at most seven needs and four
   * interventions), so nearly every map stays an array, and low enough that a map that does grow large (a plan of
   * thousands of interventions) leaves the linear form early. Public so that a shortcut that is cheap only over
   * the array form can say so by referring to it.
   */
  public static final int ARRAY_FORM_LIMIT = 16;

  private static final EntityMap<?, ?> EMPTY = new EntityMap<>(new Object[0], new int[0], null);

  /** Array form: key, value, key, value… in insertion order; {@code null} in the hash form. */
  private final Object[] entries;
  /**
   * Array form: the keys' hash codes, in the same order, so that a look-up calls {@code equals} (a call that
   * cannot be inlined, the keys being of many types) only on a likely match. Shared by copies that change a value.
   */
  private final int[] hashes;
  /** Hash form; {@code null} in the array form. */
  private final HashMap<K, V> hashed;
  /** The Vavr view, computed on first use (a racy single check: every thread computes an equal map). */
  private Map<K, V> view;

  private EntityMap(Object[] entries, int[] hashes, HashMap<K, V> hashed) {
    this.entries = entries;
    this.hashes = hashes;
    this.hashed = hashed;
    this.view = hashed;
  }

  /**
   * {@return the empty map}
   *
   * @param <K> the type of the keys
   * @param <V> the type of the values
   */
  @SuppressWarnings("unchecked")
  public static <K, V> EntityMap<K, V> empty() {
    return (EntityMap<K, V>) EMPTY;
  }

  /**
   * The entries of a Vavr map.
   *
   * @param map the entries, without null keys or values
   * @param <K> the type of the keys
   * @param <V> the type of the values
   * @return a map with the same entries
   */
  public static <K, V> EntityMap<K, V> ofAll(Map<K, V> map) {
    EntityMap<K, V> result = empty();
    for (java.util.Iterator<io.vavr.Tuple2<K, V>> all = map.iterator(); all.hasNext(); ) {
      io.vavr.Tuple2<K, V> entry = all.next();
      result = result.put(entry._1, entry._2);
    }
    return result;
  }

  /** {@return how many entries the map holds} */
  public int size() {
    return entries != null ? entries.length >> 1 : hashed.size();
  }

  /** {@return whether the map holds no entry} */
  public boolean isEmpty() {
    return size() == 0;
  }

  /**
   * The value of a key.
   *
   * @param key an entity's id
   * @return its value, or {@code null} if the map has none
   */
  @SuppressWarnings("unchecked")
  public V get(K key) {
    Object[] e = entries;
    if (e != null) {
      int i = indexOf(key);
      return i < 0 ? null : (V) e[i + 1];
    }
    return hashed.getOrElse(key, null);
  }

  /**
   * {@return whether the map holds the key}
   *
   * @param key an entity's id
   */
  public boolean containsKey(K key) {
    return get(key) != null;
  }

  /**
   * The map with one more entry, or with a new value for a key it holds; this map is unchanged.
   *
   * @param key   the key, not null
   * @param value the value, not null
   * @return the new map
   * @throws IllegalArgumentException if the key or the value is null (a bug in the caller: entities are validated)
   */
  public EntityMap<K, V> put(K key, V value) {
    if (key == null || value == null) {
      // Internal and not exported: keys and values are entities the public entry points already checked, so a
      // null here is a bug of casemgmt rather than an input error.
      throw new IllegalArgumentException(key == null ? "key is null" : "value is null");
    }
    Object[] e = entries;
    if (e == null) {
      return new EntityMap<>(null, null, hashed.put(key, value));
    }
    int i = indexOf(key);
    if (i >= 0) {
      if (e[i + 1] == value) {
        return this;
      }
      Object[] copy = e.clone();
      copy[i + 1] = value;
      return new EntityMap<>(copy, hashes, null);
    }
    if (e.length < 2 * ARRAY_FORM_LIMIT) {
      Object[] copy = Arrays.copyOf(e, e.length + 2);
      copy[e.length] = key;
      copy[e.length + 1] = value;
      int[] newHashes = Arrays.copyOf(hashes, hashes.length + 1);
      newHashes[hashes.length] = key.hashCode();
      return new EntityMap<>(copy, newHashes, null);
    }
    return new EntityMap<>(null, null, toHashMap().put(key, value));
  }

  /**
   * In the array form, the position of the key in {@link #entries}, or -1. Callers usually hold the very id
   * instance the map holds, so the keys are first compared by identity, which reads neither key; only then by
   * hash code and {@code equals}.
   */
  private int indexOf(Object key) {
    Object[] e = entries;
    for (int i = 0; i < e.length; i += 2) {
      if (e[i] == key) {
        return i;
      }
    }
    int[] h = hashes;
    int hash = key.hashCode();
    for (int n = 0; n < h.length; n++) {
      if (h[n] == hash) {
        if (e[2 * n].equals(key)) {
          return 2 * n;
        }
      }
    }
    return -1;
  }

  /**
   * The map with every value transformed; this map is unchanged.
   *
   * @param mapper the transformation, answering a non-null value
   * @throws IllegalArgumentException if the transformation answers null
   * @param <W>    the type of the new values
   * @return the new map, with the same keys
   */
  @SuppressWarnings("unchecked")
  public <W> EntityMap<K, W> mapValues(Function<? super V, ? extends W> mapper) {
    Object[] e = entries;
    if (e == null) {
      return new EntityMap<>(null, null, hashed.mapValues(v -> nonNull(mapper.apply(v))));
    }
    Object[] copy = null;
    for (int i = 1; i < e.length; i += 2) {
      W mapped = nonNull(mapper.apply((V) e[i]));
      if (mapped != e[i] && copy == null) {
        copy = e.clone();
      }
      if (copy != null) {
        copy[i] = mapped;
      }
    }
    return copy == null ? (EntityMap<K, W>) this : new EntityMap<>(copy, hashes, null);
  }

  private static <W> W nonNull(W mapped) {
    if (mapped == null) {
      // As in put: the mappers are casemgmt's own, so a null is a bug, not an input error.
      throw new IllegalArgumentException("mapped value is null");
    }
    return mapped;
  }

  /** {@return the values, in insertion order while the map is small} */
  public java.util.Iterator<V> valuesIterator() {
    return entries == null ? hashed.valuesIterator() : new Walk<>(entries, 1);
  }

  /** {@return the keys, in insertion order while the map is small} */
  public java.util.Iterator<K> keysIterator() {
    return entries == null ? hashed.keysIterator() : new Walk<>(entries, 0);
  }

  /** Every other element of the array form, from the first key (0) or the first value (1). */
  private static final class Walk<T> implements java.util.Iterator<T> {
    private final Object[] entries;
    private int next;

    Walk(Object[] entries, int first) {
      this.entries = entries;
      this.next = first;
    }

    @Override
    public boolean hasNext() {
      return next < entries.length;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
      if (next >= entries.length) {
        throw new NoSuchElementException();
      }
      T element = (T) entries[next];
      next += 2;
      return element;
    }
  }

  /** {@return the same entries as a Vavr map (computed once for this instance)} */
  public Map<K, V> asMap() {
    Map<K, V> v = view;
    if (v == null) {
      v = toHashMap();
      view = v;
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  private HashMap<K, V> toHashMap() {
    if (hashed != null) {
      return hashed;
    }
    HashMap<K, V> map = HashMap.empty();
    for (int i = 0; i < entries.length; i += 2) {
      map = map.put((K) entries[i], (V) entries[i + 1]);
    }
    return map;
  }

  /** Equal when both hold the same keys mapped to equal values, in whatever order or form. */
  @Override
  @SuppressWarnings("unchecked")
  public boolean equals(Object other) {
    if (other == this) {
      return true;
    }
    if (!(other instanceof EntityMap<?, ?> that) || size() != that.size()) {
      return false;
    }
    EntityMap<K, Object> those = (EntityMap<K, Object>) that;
    for (java.util.Iterator<K> keys = keysIterator(); keys.hasNext(); ) {
      K key = keys.next();
      if (!get(key).equals(those.get(key))) {
        return false;
      }
    }
    return true;
  }

  /** The sum over the entries of key hash xor value hash: independent of order and form, like equality. */
  @Override
  public int hashCode() {
    int hash = 0;
    for (java.util.Iterator<K> keys = keysIterator(); keys.hasNext(); ) {
      K key = keys.next();
      hash += key.hashCode() ^ get(key).hashCode();
    }
    return hash;
  }

  /** As the Vavr map prints (the values redact their own sensitive fields). */
  @Override
  public String toString() {
    return asMap().toString();
  }
}
