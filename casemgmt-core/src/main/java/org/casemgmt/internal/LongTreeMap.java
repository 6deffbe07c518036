package org.casemgmt.internal;

import io.vavr.collection.List;

/**
 * A persistent (immutable, structurally shared) sorted map from primitive {@code long} keys to
 * non-null values, with the navigation look-ups that Vavr 1.0's {@code TreeMap} lacks.
 *
 * <pre>{@code
 * LongTreeMap<String> windows = LongTreeMap.<String>empty().put(10, "a").put(20, "b");
 * windows.floor(15).value();    // "a": the window starting at or before day 15
 * windows.ceiling(15).key();    // 20:  the next window starting at or after day 15
 * windows.remove(10).size();    // 1, while windows itself still holds both entries
 * }</pre>
 *
 * <p><b>Why it exists.</b> The "no two interventions for the same key have intersecting half-open
 * day windows" invariant is checked for every intervention added. With windows ordered by start
 * day, an overlap check needs only the neighbours of the new window, i.e. a {@code floor} or
 * {@code lower} and a {@code ceiling} look-up, each O(log n). Vavr's {@code TreeMap} would force a
 * linear scan and box every key.
 *
 * <p><b>Structure.</b> An AVL tree: every update copies only the O(log n) nodes on the path to the
 * changed key and shares all other nodes with the previous version, so older versions stay valid
 * and unchanged, which is what the event-sourced domain state needs. The AVL height bound
 * (≈ 1.44 log₂ n, about 30 for a million keys) makes recursion safe.
 *
 * <p><b>Deliberate {@code null} returns.</b> Unlike the rest of the library, {@link #get},
 * {@link #floor}, {@link #ceiling}, {@link #lower}, {@link #higher}, {@link #first} and
 * {@link #last} return {@code null} when there is no answer instead of an {@code Option}. This is an
 * internal class on a hot path and those look-ups allocate nothing: the returned {@link Entry} is the
 * tree node itself. Because values can never be {@code null} ({@link #put} rejects them), a
 * {@code null} result is unambiguous.
 *
 * <p>Public only so that other packages of the library can use it; the package is not exported.
 *
 * @param <V> the type of the values, never {@code null}
 */
public final class LongTreeMap<V> {

  private static final LongTreeMap<?> EMPTY = new LongTreeMap<>(null, 0);

  /** Root of the AVL tree, {@code null} for the empty map. */
  private final Node<V> root;
  private final int size;

  private LongTreeMap(Node<V> root, int size) {
    this.root = root;
    this.size = size;
  }

  /**
   * A key with its value, as returned by the navigation look-ups.
   *
   * <p>An interface rather than a record so that the tree nodes can be handed out directly and
   * look-ups allocate nothing. Entries are immutable and stay valid after the map is updated.
   * They compare by identity; compare {@link #key()} and {@link #value()} for content.
   *
   * @param <V> the type of the value
   */
  public interface Entry<V> {

    /**
     * The key, as a primitive so that the hot path never boxes.
     *
     * @return the key of this entry
     */
    long key();

    /**
     * The value stored under {@link #key()}.
     *
     * @return the value, never {@code null}
     */
    V value();
  }

  /**
   * Callback for {@link #forEach(LongEntryConsumer)} that receives the key unboxed, which a
   * {@code java.util.function.BiConsumer<Long, V>} could not.
   *
   * @param <V> the type of the values
   */
  @FunctionalInterface
  public interface LongEntryConsumer<V> {

    /**
     * Receives one entry of the map.
     *
     * @param key   the entry's key, unboxed
     * @param value the value stored under {@code key}, never {@code null}
     */
    void accept(long key, V value);
  }

  /**
   * The empty map, shared by all value types since it holds no value.
   *
   * @param <V> the type of the values
   * @return the one shared empty map, typed for {@code V}
   */
  @SuppressWarnings("unchecked")
  public static <V> LongTreeMap<V> empty() {
    return (LongTreeMap<V>) EMPTY;
  }

  /**
   * The number of keys, in O(1) because it is kept alongside the tree.
   *
   * @return the number of entries
   */
  public int size() {
    return size;
  }

  /**
   * Whether the map holds no entry.
   *
   * @return {@code true} if {@link #size()} is zero
   */
  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * A map that also maps {@code key} to {@code value}, replacing any previous value; this map is
   * left unchanged.
   *
   * <p>Returns {@code this} when {@code value} is the very instance already stored, so that
   * callers re-recording an unchanged fact neither allocate nor see a "new" version.
   *
   * @param key   any long, e.g. a window's start as an epoch day
   * @param value the value, not {@code null}
   * @return the updated map
   * @throws IllegalArgumentException if {@code value} is {@code null}
   */
  public LongTreeMap<V> put(long key, V value) {
    if (value == null) {
      // Internal and not exported: only casemgmt's own code calls it, after the public entry points checked their
      // input, so a null here is a bug of casemgmt rather than an input error.
      throw new IllegalArgumentException("value is null");
    }
    // A look-up first tells whether the size grows and lets an identical put skip the path copy;
    // both traversals touch the same O(log n) nodes, so the second one is cheap.
    Node<V> existing = find(key);
    if (existing != null && existing.value == value) {
      return this;
    }
    return new LongTreeMap<>(insert(root, key, value), existing == null ? size + 1 : size);
  }

  /**
   * A map without {@code key}; this map is left unchanged.
   *
   * @param key the key to remove
   * @return the updated map, or {@code this} if {@code key} is absent
   */
  public LongTreeMap<V> remove(long key) {
    if (find(key) == null) {
      return this;
    }
    return size == 1 ? empty() : new LongTreeMap<>(delete(root, key), size - 1);
  }

  /**
   * The value stored under {@code key}.
   *
   * @param key the key to look up
   * @return the value, or {@code null} if absent (see the class comment for why not an {@code Option})
   */
  public V get(long key) {
    Node<V> node = find(key);
    return node == null ? null : node.value;
  }

  /**
   * Whether {@code key} is present.
   *
   * @param key the key to look up
   * @return {@code true} if the map holds {@code key}
   */
  public boolean containsKey(long key) {
    return find(key) != null;
  }

  /**
   * The entry with the greatest key less than or equal to {@code key}: for windows keyed by start
   * day, the window that may contain day {@code key}.
   *
   * @param key the bound, inclusive
   * @return the entry, or {@code null} if every key is greater
   */
  public Entry<V> floor(long key) {
    Node<V> best = null;
    for (Node<V> n = root; n != null; ) {
      if (key < n.key) {
        n = n.left;
      } else if (key > n.key) {
        best = n;
        n = n.right;
      } else {
        return n;
      }
    }
    return best;
  }

  /**
   * The two neighbours of a key in one descent: {@link #floor} (greatest key at most {@code key}) and
   * {@link #higher} (least key above it). For windows keyed by start day and disjoint, they are the only two
   * that can overlap a window starting on day {@code key}; one descent instead of two halves the cache misses
   * in a large tree.
   *
   * @param key the start day of a candidate window, or any key to find the neighbours of
   * @return both neighbours, either of them null where there is none
   */
  public Neighbours<V> neighbours(long key) {
    Node<V> floor = null;
    Node<V> higher = null;
    for (Node<V> n = root; n != null; ) {
      if (n.key <= key) {
        floor = n;
        n = n.right;
      } else {
        higher = n;
        n = n.left;
      }
    }
    return new Neighbours<>(floor, higher);
  }

  /**
   * The result of {@link #neighbours}.
   *
   * @param floor the entry with the greatest key at most the key asked, or null
   * @param higher the entry with the least key greater than the key asked, or null
   * @param <V> the type of the values
   */
  public record Neighbours<V>(Entry<V> floor, Entry<V> higher) {}

  /**
   * The entry with the least key greater than or equal to {@code key}: for windows keyed by start
   * day, the first window that starts at or after day {@code key}.
   *
   * @param key the bound, inclusive
   * @return the entry, or {@code null} if every key is smaller
   */
  public Entry<V> ceiling(long key) {
    Node<V> best = null;
    for (Node<V> n = root; n != null; ) {
      if (key > n.key) {
        n = n.right;
      } else if (key < n.key) {
        best = n;
        n = n.left;
      } else {
        return n;
      }
    }
    return best;
  }

  /**
   * The entry with the greatest key strictly less than {@code key}, i.e. the predecessor.
   *
   * @param key the bound, exclusive
   * @return the entry, or {@code null} if no key is smaller
   */
  public Entry<V> lower(long key) {
    Node<V> best = null;
    for (Node<V> n = root; n != null; ) {
      if (n.key < key) {
        best = n;
        n = n.right;
      } else {
        n = n.left;
      }
    }
    return best;
  }

  /**
   * The entry with the least key strictly greater than {@code key}, i.e. the successor.
   *
   * @param key the bound, exclusive
   * @return the entry, or {@code null} if no key is greater
   */
  public Entry<V> higher(long key) {
    Node<V> best = null;
    for (Node<V> n = root; n != null; ) {
      if (n.key > key) {
        best = n;
        n = n.left;
      } else {
        n = n.right;
      }
    }
    return best;
  }

  /**
   * The entry with the smallest key.
   *
   * @return the entry, or {@code null} if the map is empty
   */
  public Entry<V> first() {
    return root == null ? null : leftmost(root);
  }

  /**
   * The entry with the greatest key.
   *
   * @return the entry, or {@code null} if the map is empty
   */
  public Entry<V> last() {
    Node<V> n = root;
    if (n == null) {
      return null;
    }
    while (n.right != null) {
      n = n.right;
    }
    return n;
  }

  /**
   * Passes every entry to {@code action} in ascending key order, without boxing keys or
   * allocating an iterator.
   *
   * @param action the callback, not {@code null}
   * @throws IllegalArgumentException if {@code action} is {@code null}
   */
  public void forEach(LongEntryConsumer<? super V> action) {
    if (action == null) {
      // As in put: internal, called by casemgmt's own code only; a null is a bug, not an input error.
      throw new IllegalArgumentException("action is null");
    }
    forEach(root, action);
  }

  /**
   * The values in ascending key order, for callers that continue in Vavr.
   *
   * @return the values, ordered by key
   */
  public List<V> values() {
    return prependDescending(root, List.empty());
  }

  /**
   * Equal when both maps hold the same keys with equal values; the tree shapes may differ.
   *
   * @param other the object to compare with
   * @return {@code true} if {@code other} is a {@code LongTreeMap} with the same content
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof LongTreeMap<?> that) || size != that.size) {
      return false;
    }
    Cursor<V> mine = new Cursor<>(root);
    Cursor<?> theirs = new Cursor<>(that.root);
    for (Node<V> a = mine.next(); a != null; a = mine.next()) {
      Node<?> b = theirs.next();
      if (a.key != b.key || !a.value.equals(b.value)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A hash consistent with {@link #equals(Object)}: it depends on the content only, not on the
   * tree shape.
   *
   * @return the same number for maps with the same entries, whatever their tree shape
   */
  @Override
  public int hashCode() {
    int[] hash = {1};
    forEach(root, (key, value) -> hash[0] = 31 * hash[0] + (Long.hashCode(key) ^ value.hashCode()));
    return hash[0];
  }

  /**
   * The entries in ascending key order, as {@code {1=a, 5=b}}, for test failures and debugging.
   *
   * @return the text form
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    forEach(root, (key, value) -> {
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(key).append('=').append(value);
    });
    return text.append('}').toString();
  }

  /**
   * Verifies the AVL invariants: stored heights are exact, sibling heights differ by at most one,
   * keys ascend strictly in order, no value is {@code null} and the size matches. Package-private
   * for the tests, which call it after every step of a random walk.
   *
   * @throws IllegalStateException describing the first violation found
   */
  void checkInvariants() {
    int[] count = {0};
    checkHeights(root, count);
    if (count[0] != size) {
      throw new IllegalStateException("size is " + size + " but the tree holds " + count[0]);
    }
    Cursor<V> cursor = new Cursor<>(root);
    Node<V> previous = cursor.next();
    for (Node<V> n = previous == null ? null : cursor.next(); n != null; n = cursor.next()) {
      if (previous.key >= n.key) {
        throw new IllegalStateException("keys out of order: " + previous.key + " before " + n.key);
      }
      previous = n;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Tree internals. Nodes are never mutated after construction, which is what makes sharing safe.

  private static final class Node<V> implements Entry<V> {
    final long key;
    final V value;
    final Node<V> left;
    final Node<V> right;
    final int height;

    Node(long key, V value, Node<V> left, Node<V> right, int height) {
      this.key = key;
      this.value = value;
      this.left = left;
      this.right = right;
      this.height = height;
    }

    @Override
    public long key() {
      return key;
    }

    @Override
    public V value() {
      return value;
    }

    @Override
    public String toString() {
      return key + "=" + value;
    }
  }

  private Node<V> find(long key) {
    Node<V> n = root;
    while (n != null && n.key != key) {
      n = key < n.key ? n.left : n.right;
    }
    return n;
  }

  private static int height(Node<?> n) {
    return n == null ? 0 : n.height;
  }

  private static <V> Node<V> node(long key, V value, Node<V> left, Node<V> right) {
    return new Node<>(key, value, left, right, Math.max(height(left), height(right)) + 1);
  }

  /**
   * Builds a node over two subtrees whose heights differ by at most two (the most one insertion
   * or deletion below can cause), rotating once or twice to restore the AVL balance.
   */
  private static <V> Node<V> balance(long key, V value, Node<V> left, Node<V> right) {
    int hl = height(left);
    int hr = height(right);
    if (hl > hr + 1) {
      if (height(left.left) >= height(left.right)) {
        return node(left.key, left.value, left.left, node(key, value, left.right, right));
      }
      Node<V> lr = left.right;
      return node(lr.key, lr.value, node(left.key, left.value, left.left, lr.left), node(key, value, lr.right, right));
    }
    if (hr > hl + 1) {
      if (height(right.right) >= height(right.left)) {
        return node(right.key, right.value, node(key, value, left, right.left), right.right);
      }
      Node<V> rl = right.left;
      return node(rl.key, rl.value, node(key, value, left, rl.left), node(right.key, right.value, rl.right, right.right));
    }
    return new Node<>(key, value, left, right, Math.max(hl, hr) + 1);
  }

  private static <V> Node<V> insert(Node<V> n, long key, V value) {
    if (n == null) {
      return new Node<>(key, value, null, null, 1);
    }
    if (key < n.key) {
      return balance(n.key, n.value, insert(n.left, key, value), n.right);
    }
    if (key > n.key) {
      return balance(n.key, n.value, n.left, insert(n.right, key, value));
    }
    return new Node<>(key, value, n.left, n.right, n.height);
  }

  /** Removes {@code key}, which the caller has checked is present. */
  private static <V> Node<V> delete(Node<V> n, long key) {
    if (key < n.key) {
      return balance(n.key, n.value, delete(n.left, key), n.right);
    }
    if (key > n.key) {
      return balance(n.key, n.value, n.left, delete(n.right, key));
    }
    if (n.left == null) {
      return n.right;
    }
    if (n.right == null) {
      return n.left;
    }
    Node<V> successor = leftmost(n.right);
    return balance(successor.key, successor.value, n.left, deleteLeftmost(n.right));
  }

  private static <V> Node<V> deleteLeftmost(Node<V> n) {
    if (n.left == null) {
      return n.right;
    }
    return balance(n.key, n.value, deleteLeftmost(n.left), n.right);
  }

  private static <V> Node<V> leftmost(Node<V> n) {
    while (n.left != null) {
      n = n.left;
    }
    return n;
  }

  private static <V> void forEach(Node<V> n, LongEntryConsumer<? super V> action) {
    while (n != null) {
      forEach(n.left, action);
      action.accept(n.key, n.value);
      n = n.right;
    }
  }

  /** Visits right to left so that prepending yields ascending order without a reverse. */
  private static <V> List<V> prependDescending(Node<V> n, List<V> tail) {
    while (n != null) {
      tail = prependDescending(n.right, tail).prepend(n.value);
      n = n.left;
    }
    return tail;
  }

  private static int checkHeights(Node<?> n, int[] count) {
    if (n == null) {
      return 0;
    }
    if (n.value == null) {
      throw new IllegalStateException("null value at key " + n.key);
    }
    count[0]++;
    int hl = checkHeights(n.left, count);
    int hr = checkHeights(n.right, count);
    if (Math.abs(hl - hr) > 1) {
      throw new IllegalStateException("unbalanced at key " + n.key + ": heights " + hl + " and " + hr);
    }
    int actual = Math.max(hl, hr) + 1;
    if (n.height != actual) {
      throw new IllegalStateException("stored height " + n.height + " at key " + n.key + " but actual " + actual);
    }
    return actual;
  }

  /**
   * In-order walk with an explicit stack, so that two maps can be compared side by side. The
   * stack never holds more nodes than the tree is high.
   */
  private static final class Cursor<V> {
    private final Object[] stack;
    private int depth;

    Cursor(Node<V> root) {
      stack = new Object[height(root)];
      pushLeftSpine(root);
    }

    @SuppressWarnings("unchecked")
    Node<V> next() {
      if (depth == 0) {
        return null;
      }
      Node<V> n = (Node<V>) stack[--depth];
      pushLeftSpine(n.right);
      return n;
    }

    private void pushLeftSpine(Node<V> n) {
      for (; n != null; n = n.left) {
        stack[depth++] = n;
      }
    }
  }
}
