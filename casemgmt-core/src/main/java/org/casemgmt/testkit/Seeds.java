package org.casemgmt.testkit;

import io.vavr.collection.List;
import io.vavr.control.Option;
import org.casemgmt.InputError;
import org.casemgmt.InvalidInputException;

/**
 * Where seeds, run sizes and thread counts come from. A run has one master seed; run {@code i} uses a seed derived
 * from the master and {@code i} alone (run 0 the master itself), never from what ran before it or on which thread,
 * so {@code -Dcasemgmt.seed=S -Dcasemgmt.sequences=1} repeats exactly the run whose seed was {@code S},
 * {@code -Dcasemgmt.seed=M} repeats a whole run with master seed {@code M}, and runs checked on several threads
 * are the same runs as on one.
 */
final class Seeds {

  /** System property that fixes the master seed. */
  static final String SEED_PROPERTY = "casemgmt.seed";

  /** System property that sets how many sequences (or tries) a run checks. */
  static final String SEQUENCES_PROPERTY = "casemgmt.sequences";

  /** System property that sets on how many threads the model checker runs its sequences. */
  static final String THREADS_PROPERTY = "casemgmt.threads";

  private Seeds() {}

  /** The explicit seed if given, else the system property, else a fresh one (reported on failure). */
  static long master(Option<Long> explicit) {
    if (explicit.isDefined()) {
      return explicit.getOrElse(0L);
    }
    String property = System.getProperty(SEED_PROPERTY);
    if (property != null && !property.isBlank()) {
      try {
        return Long.parseLong(property.trim());
      } catch (NumberFormatException e) {
        throw malformed(SEED_PROPERTY);
      }
    }
    return mix(System.nanoTime() ^ Thread.currentThread().getId());
  }

  /** The number of sequences: the explicit number if given, else the system property, else the default. */
  static int count(Option<Integer> explicit, int fallback) {
    if (explicit.isDefined()) {
      return explicit.getOrElse(fallback);
    }
    String property = System.getProperty(SEQUENCES_PROPERTY);
    if (property != null && !property.isBlank()) {
      try {
        return Math.max(1, Integer.parseInt(property.trim()));
      } catch (NumberFormatException e) {
        throw malformed(SEQUENCES_PROPERTY);
      }
    }
    return fallback;
  }

  /**
   * The number of threads: the explicit number if given, else the system property, else one per processor the
   * JVM may use; always from 1 to {@code max}.
   */
  static int threads(Option<Integer> explicit, int max) {
    if (explicit.isDefined()) {
      return explicit.getOrElse(1);
    }
    String property = System.getProperty(THREADS_PROPERTY);
    if (property != null && !property.isBlank()) {
      try {
        return Math.min(max, Math.max(1, Integer.parseInt(property.trim())));
      } catch (NumberFormatException e) {
        throw malformed(THREADS_PROPERTY);
      }
    }
    return Math.min(max, Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  /** A -D setting of the test run that is not a whole number, reported like any input (without its value). */
  private static InvalidInputException malformed(String property) {
    return new InvalidInputException(List.of(new InputError("-D" + property, InputError.Problem.MALFORMED,
        "must be a whole number")));
  }

  /** The seed of run {@code index}: the master for run 0, a well-mixed derivative for the others. */
  static long derive(long master, int index) {
    return index == 0 ? master : mix(master + index * 0x9E3779B97F4A7C15L);
  }

  /** SplitMix64's finaliser: spreads nearby inputs over the whole range. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
