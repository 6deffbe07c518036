package org.casemgmt.simulation;

import java.util.Arrays;

/**
 * The future-event list of a {@link Run}: occurrences in order of (time, key), the key being unique (the
 * scheduling order, with the kind in its low bits), so the order is total and runs are deterministic.
 *
 * <p>An occurrence is four {@code long}s — the time's bits, the key, and two words the run packs (subject and
 * detail) — so nothing is allocated per occurrence and no reference is moved around. Why not one heap: a run
 * allocates about a kilobyte per occurrence on the real rules, which keeps evicting a large heap's lower levels
 * from the caches, and a removal then waits on memory at almost every level. So occurrences are filed by day:
 * those of the current day sit in a small 4-ary heap that stays in cache; those of the next {@value #DAYS} days
 * are appended, unsorted, to one bucket per day, and heaped when their day comes; later ones wait in a second
 * heap and move to their bucket as their day comes within reach. Every occurrence of a day at or before the
 * current one is in the current heap, every other one is later, so the first of the current heap is the first
 * of all.
 */
final class Agenda {

  /** How many days ahead have a bucket (a power of two). */
  static final int DAYS = 256;

  /** A 4-ary min-heap on (time, key) of four-long entries; a removal descends about log4(n) levels. */
  static final class Heap {
    private long[] h = new long[4 * 64];
    private int size;

    boolean isEmpty() {
      return size == 0;
    }

    int size() {
      return size;
    }

    double firstTime() {
      return Double.longBitsToDouble(h[0]);
    }

    long firstKey() {
      return h[1];
    }

    long firstSubject() {
      return h[2];
    }

    long firstDetail() {
      return h[3];
    }

    void add(long timeBits, long key, long subject, long detail) {
      if (4 * size == h.length) {
        h = Arrays.copyOf(h, h.length * 2);
      }
      long[] a = h;
      double time = Double.longBitsToDouble(timeBits);
      int at = size++;
      while (at > 0) {
        int parent = (at - 1) >>> 2;
        double t = Double.longBitsToDouble(a[4 * parent]);
        if (time > t || (time == t && key > a[4 * parent + 1])) {
          break;
        }
        move(a, 4 * parent, 4 * at);
        at = parent;
      }
      int e = 4 * at;
      a[e] = timeBits;
      a[e + 1] = key;
      a[e + 2] = subject;
      a[e + 3] = detail;
    }

    void removeFirst() {
      long[] a = h;
      int end = --size;
      if (end == 0) {
        return;
      }
      int last = 4 * end;
      double time = Double.longBitsToDouble(a[last]);
      long key = a[last + 1];
      int at = 0;
      while (true) {
        int child = 4 * at + 1;
        if (child >= end) {
          break;
        }
        // The least of up to four children, which lie side by side.
        int stop = Math.min(child + 4, end);
        double tc = Double.longBitsToDouble(a[4 * child]);
        long kc = a[4 * child + 1];
        for (int other = child + 1; other < stop; other++) {
          double to = Double.longBitsToDouble(a[4 * other]);
          if (to < tc || (to == tc && a[4 * other + 1] < kc)) {
            child = other;
            tc = to;
            kc = a[4 * other + 1];
          }
        }
        if (time < tc || (time == tc && key < kc)) {
          break;
        }
        move(a, 4 * child, 4 * at);
        at = child;
      }
      move(a, last, 4 * at);
    }

    /** Copies one entry (plain stores beat {@code System.arraycopy}'s set-up for four longs). */
    private static void move(long[] a, int from, int to) {
      a[to] = a[from];
      a[to + 1] = a[from + 1];
      a[to + 2] = a[from + 2];
      a[to + 3] = a[from + 3];
    }
  }

  private final Heap today = new Heap();
  private final Heap later = new Heap();
  private final long[][] buckets = new long[DAYS][];
  private final int[] bucketSizes = new int[DAYS];
  private int bucketed;
  private long day;

  /**
   * Files an occurrence.
   *
   * @param time    when it happens (not NaN)
   * @param key     the unique tie-breaker: earlier keys first at equal times
   * @param subject a word for the run
   * @param detail  another word for the run
   */
  void add(double time, long key, long subject, long detail) {
    long timeBits = Double.doubleToRawLongBits(time);
    double floor = Math.floor(time);
    if (floor <= day) {
      today.add(timeBits, key, subject, detail);
    } else if (floor < day + DAYS) {
      int b = (int) ((long) floor & (DAYS - 1));
      long[] bucket = buckets[b];
      int at = 4 * bucketSizes[b];
      if (bucket == null || at == bucket.length) {
        bucket = bucket == null ? new long[4 * 16] : Arrays.copyOf(bucket, bucket.length * 2);
        buckets[b] = bucket;
      }
      bucket[at] = timeBits;
      bucket[at + 1] = key;
      bucket[at + 2] = subject;
      bucket[at + 3] = detail;
      bucketSizes[b]++;
      bucketed++;
    } else {
      later.add(timeBits, key, subject, detail);
    }
  }

  /**
   * Whether an occurrence is filed; if so, the {@code first…} methods describe the earliest.
   *
   * @return false once everything filed has been removed
   */
  boolean hasNext() {
    while (today.isEmpty() && (bucketed > 0 || !later.isEmpty())) {
      if (bucketed == 0) {
        day = Math.max(day, (long) Math.floor(later.firstTime()) - 1); // nothing in reach: jump ahead
      }
      day++;
      while (!later.isEmpty() && Math.floor(later.firstTime()) < day + DAYS) {
        long timeBits = Double.doubleToRawLongBits(later.firstTime());
        long key = later.firstKey();
        long subject = later.firstSubject();
        long detail = later.firstDetail();
        later.removeFirst();
        add(Double.longBitsToDouble(timeBits), key, subject, detail);
      }
      int b = (int) (day & (DAYS - 1));
      int count = bucketSizes[b];
      if (count > 0) {
        long[] bucket = buckets[b];
        for (int e = 0; e < 4 * count; e += 4) {
          today.add(bucket[e], bucket[e + 1], bucket[e + 2], bucket[e + 3]);
        }
        bucketSizes[b] = 0;
        bucketed -= count;
      }
    }
    return !today.isEmpty();
  }

  /** {@return the time of the earliest occurrence} Only after {@link #hasNext} said true. */
  double firstTime() {
    return today.firstTime();
  }

  /** {@return the key of the earliest occurrence} Only after {@link #hasNext} said true. */
  long firstKey() {
    return today.firstKey();
  }

  /** {@return the subject word of the earliest occurrence} Only after {@link #hasNext} said true. */
  long firstSubject() {
    return today.firstSubject();
  }

  /** {@return the detail word of the earliest occurrence} Only after {@link #hasNext} said true. */
  long firstDetail() {
    return today.firstDetail();
  }

  /** Removes the earliest occurrence. Only after {@link #hasNext} said true. */
  void removeFirst() {
    today.removeFirst();
  }

  /** {@return how many occurrences are filed} */
  int size() {
    return today.size() + bucketed + later.size();
  }
}
