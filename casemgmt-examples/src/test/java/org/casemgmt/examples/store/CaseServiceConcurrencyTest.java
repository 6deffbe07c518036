package org.casemgmt.examples.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.Phase;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.junit.jupiter.api.Test;

/**
 * Eight writers hammer the same fifty cases through one store: every command lands (after retries on version
 * conflicts), no update is lost, and every case's stored history replays to exactly the case file its accepted
 * commands imply.
 */
class CaseServiceConcurrencyTest {

  static final int THREADS = 8;
  static final int COMMANDS_PER_THREAD = 1_000;
  static final int CASES = 50;
  static final long SEED = 20261123L;
  static final LocalDate DAY0 = LocalDate.of(2026, 3, 2);
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final LifeDomain[] DOMAINS = LifeDomain.values();

  /** A command that landed (in its envelope), and the version its event got. */
  record Landed(long version, IssuedCommand command) {}

  static CaseId caseId(int n) {
    return CaseId.of("CONC-" + n);
  }

  /**
   * Writer {@code t}'s {@code i}-th command, issued by the writer: a need with an id of its own, or a strength,
   * on a random domain.
   */
  static IssuedCommand command(int thread, int i, Random random) {
    Issued issued = Issued.by(StaffId.of("worker-" + thread), T0.plusSeconds(60));
    LifeDomain domain = DOMAINS[random.nextInt(DOMAINS.length)];
    return IssuedCommand.of(issued, random.nextBoolean()
        ? new Command.RecordNeed(NeedId.of("N-" + thread + "-" + i), domain, "need " + i,
            Priority.values()[random.nextInt(Priority.values().length)], IdentifiedBy.CASE_MANAGER)
        : new Command.RecordStrength(domain, "strength " + i));
  }

  @Test
  void eight_writers_over_fifty_cases_lose_no_update() throws Exception {
    try (JdbcEventStore store = JdbcEventStore.h2InMemory("concurrency")) {
      CaseService service = new CaseService(store, 1_000);
      Issued anna = Issued.by(StaffId.of("anna"), T0);
      for (int n = 0; n < CASES; n++) {
        assertTrue(service.open(anna, Command.OpenCase.of(caseId(n), Client.of(ClientId.of("C-" + n), "Client " + n,
            LocalDate.of(1970, 1, 1)), DAY0, DOMAINS)).isRight());
        assertTrue(service.handle(caseId(n), anna, new Command.StartAssessment()).isRight());
      }
      ConcurrentHashMap<CaseId, java.util.List<Landed>> landed = new ConcurrentHashMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      long started = System.nanoTime();
      java.util.List<Future<Integer>> writers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        writers.add(pool.submit(() -> {
          Random random = new Random(SEED + thread);
          int failures = 0;
          for (int i = 0; i < COMMANDS_PER_THREAD; i++) {
            CaseId target = caseId(random.nextInt(CASES));
            IssuedCommand command = command(thread, i, random);
            Either<CaseService.Failure, CaseFile> result = service.handle(target, command);
            if (result.isRight()) {
              long version = result.map(CaseFile::version).getOrElse(-1L);
              landed.computeIfAbsent(target, k -> Collections.synchronizedList(new ArrayList<>()))
                  .add(new Landed(version, command));
            } else {
              failures++;
            }
          }
          return failures;
        }));
      }
      int failures = 0;
      for (Future<Integer> writer : writers) {
        failures += writer.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      long millis = (System.nanoTime() - started) / 1_000_000;
      int total = THREADS * COMMANDS_PER_THREAD;
      System.out.printf("concurrency: %d commands by %d threads over %d cases in %d ms (%.0f commands/s); "
              + "%d version conflicts, %d retries, %d failures%n", total, THREADS, CASES, millis,
          total * 1000.0 / Math.max(1, millis), service.conflicts(), service.retries(), failures);

      assertEquals(0, failures, "every command lands, after retries if need be");
      assertEquals(service.conflicts(), service.retries(), "every conflict was retried");
      assertEquals(total, landed.values().stream().mapToInt(java.util.List::size).sum());

      for (int n = 0; n < CASES; n++) {
        CaseId id = caseId(n);
        Seq<RecordedEvent> history = store.eventsAfter(id, 0);
        Seq<Landed> accepted = Vector.ofAll(landed.getOrDefault(id, List.<Landed>empty().asJava()))
            .sortBy(Landed::version);
        // One event per accepted command, after the opening and the start of the assessment; no gap, no loss.
        assertEquals(2 + accepted.size(), history.size(), id.value());
        assertEquals(Vector.rangeClosed(1L, history.size()), history.map(RecordedEvent::sequence), id.value());
        assertEquals(Vector.rangeClosed(3L, 2L + accepted.size()), accepted.map(Landed::version), id.value());
        // The stored state is what the accepted commands imply, in the order they landed.
        CaseFile expected = CaseFile.replay(history.take(2)).getOrElseThrow(i -> new AssertionError(i));
        for (Landed l : accepted) {
          expected = expected.handle(l.command()).getOrElseThrow(r -> new AssertionError(r.rule()));
        }
        CaseFile loaded = store.load(id).getOrElseThrow(() -> new AssertionError(id));
        assertEquals(expected, loaded, id.value());
        assertEquals(accepted.count(l -> l.command().command() instanceof Command.RecordNeed), loaded.needs().size());
        assertEquals(accepted.count(l -> l.command().command() instanceof Command.RecordStrength),
            loaded.strengths().size());
      }
      assertEquals(Vector.range(0, CASES).map(CaseServiceConcurrencyTest::caseId).sorted(),
          store.casesInPhase(Phase.ASSESSMENT));
    }
  }
}
