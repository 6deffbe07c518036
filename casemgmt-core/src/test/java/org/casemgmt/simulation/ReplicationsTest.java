package org.casemgmt.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReplicationsTest {

  static final Scenario SCENARIO = Scenarios.smallReference(3).toBuilder().horizonDays(120).build();

  @Nested
  class The_summary_does_not_depend_on_where_the_replications_run {

    @Test
    void on_the_calling_thread_on_a_two_thread_pool_and_on_the_library_s_own_pool_the_summary_is_the_same() {
      ReplicationSummary own = Simulation.replications(SCENARIO, 4);
      ArrayList<Thread> ranOn = new ArrayList<>();
      ReplicationSummary direct = Simulation.replications(SCENARIO, 4, task -> {
        ranOn.add(Thread.currentThread());
        task.run();
      });
      ExecutorService two = Executors.newFixedThreadPool(2);
      try {
        ReplicationSummary pooled = Simulation.replications(SCENARIO, 4, two);
        assertEquals(own, direct);
        assertEquals(own, pooled);
        assertEquals(own.toCsv(), pooled.toCsv());
        assertEquals(4, ranOn.size());
        ranOn.forEach(t -> assertSame(Thread.currentThread(), t));
        assertFalse(two.isShutdown(), "the caller's executor is left as it was");
      } finally {
        two.shutdownNow();
      }
    }

    @Test
    void one_thread_or_more_threads_than_replications_give_the_same_summary() {
      ReplicationSummary expected = Simulation.replications(SCENARIO, 3, Runnable::run);
      assertEquals(expected, Simulation.replications(SCENARIO, 3, 1));
      assertEquals(expected, Simulation.replications(SCENARIO, 3, 8));
    }

    @Test
    void replication_i_is_the_same_run_whatever_the_number_of_replications() {
      ReplicationSummary three = Simulation.replications(SCENARIO, 3, Runnable::run);
      ReplicationSummary five = Simulation.replications(SCENARIO, 5, Runnable::run);
      assertEquals(three.runs(), five.runs().take(3));
    }
  }

  @Nested
  class Failures {

    @Test
    void an_executor_that_refuses_a_replication_fails_the_call_and_the_replications_already_given_are_cancelled() {
      AtomicInteger accepted = new AtomicInteger();
      ArrayList<Runnable> given = new ArrayList<>();
      assertThrows(RejectedExecutionException.class, () -> Simulation.replications(SCENARIO, 3, task -> {
        if (accepted.incrementAndGet() > 2) {
          throw new RejectedExecutionException("full");
        }
        given.add(task); // held, never run
      }));
      assertEquals(2, given.size());
      given.forEach(task -> assertTrue(((java.util.concurrent.Future<?>) task).isCancelled()));
    }

    @Test
    void missing_or_impossible_arguments_are_refused() {
      assertThrows(IllegalArgumentException.class,
          () -> Simulation.replications(SCENARIO, 2, (java.util.concurrent.Executor) null));
      assertThrows(IllegalArgumentException.class, () -> Simulation.replications(null, 2, Runnable::run));
      assertThrows(IllegalArgumentException.class, () -> Simulation.replications(SCENARIO, 0, Runnable::run));
      assertThrows(IllegalArgumentException.class, () -> Simulation.replications(SCENARIO, 2, 0));
    }
  }
}
