package org.casemgmt.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The identifiers an OCEL log has already written objects for — cases and clients — kept exactly but compactly,
 * because a log of a million cases must remember a million of each to write every object once.
 *
 * <p>A {@code HashSet<String>} costs about 100 bytes an identifier (the string, its array, the entry, the table);
 * this set keeps the UTF-8 bytes of each identifier, after one length byte, in one growing byte array, and an
 * open-addressing table of offsets into it: about 25 bytes for an identifier of ten characters. Identifiers are at
 * most 64 characters (as {@code Check.identifier} accepts them), so their UTF-8 form fits the length byte.
 */
final class SeenIds {

  private byte[] arena = new byte[256];
  private int used;
  /** Offset into the arena plus one; 0 is an empty slot. The length is a power of two, at most half full. */
  private int[] slots = new int[16];
  private int size;

  /**
   * Adds an identifier.
   *
   * @return whether it was new
   */
  boolean add(String id) {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 255) {
      throw new IllegalArgumentException("identifiers are at most 64 characters");
    }
    int mask = slots.length - 1;
    int i = hash(bytes, 0, bytes.length) & mask;
    while (slots[i] != 0) {
      if (sameAs(slots[i] - 1, bytes)) {
        return false;
      }
      i = (i + 1) & mask;
    }
    if (used + 1 + bytes.length > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + 1 + bytes.length));
    }
    arena[used] = (byte) bytes.length;
    System.arraycopy(bytes, 0, arena, used + 1, bytes.length);
    slots[i] = used + 1;
    used += 1 + bytes.length;
    if (++size * 2 > slots.length) {
      grow();
    }
    return true;
  }

  /** {@return whether the identifier was added} */
  boolean contains(String id) {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    int mask = slots.length - 1;
    for (int i = hash(bytes, 0, bytes.length) & mask; slots[i] != 0; i = (i + 1) & mask) {
      if (sameAs(slots[i] - 1, bytes)) {
        return true;
      }
    }
    return false;
  }

  /** {@return how many identifiers were added} */
  int size() {
    return size;
  }

  private boolean sameAs(int offset, byte[] bytes) {
    int length = arena[offset] & 0xff;
    return length == bytes.length
        && Arrays.equals(arena, offset + 1, offset + 1 + length, bytes, 0, bytes.length);
  }

  private void grow() {
    int[] bigger = new int[slots.length * 2];
    int mask = bigger.length - 1;
    for (int slot : slots) {
      if (slot != 0) {
        int offset = slot - 1;
        int i = hash(arena, offset + 1, arena[offset] & 0xff) & mask;
        while (bigger[i] != 0) {
          i = (i + 1) & mask;
        }
        bigger[i] = slot;
      }
    }
    slots = bigger;
  }

  /** FNV-1a over the bytes, then mixed so that the low bits the table uses depend on every byte. */
  private static int hash(byte[] bytes, int from, int length) {
    int h = 0x811c9dc5;
    for (int k = from; k < from + length; k++) {
      h = (h ^ (bytes[k] & 0xff)) * 0x01000193;
    }
    return h ^ (h >>> 16);
  }
}
