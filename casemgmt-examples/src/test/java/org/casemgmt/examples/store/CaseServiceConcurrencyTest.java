package org.casemgmt.examples.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import com.zaxxer.hikari.HikariDataSource;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
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
import org.casemgmt.casefile.CommandId;
import org.casemgmt.casefile.Issued;
import org.casemgmt.casefile.IssuedCommand;
import org.casemgmt.casefile.Phase;
import org.casemgmt.need.IdentifiedBy;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.need.NeedId;
import org.casemgmt.need.Priority;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.party.TeamMember;
import org.casemgmt.party.TeamRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Eight writers in four application instances (each its own pool, store and service, as separate processes would
 * have) hammer the same cases on H2 and on a real PostgreSQL: every command lands (after retries on version
 * conflicts), and the database alone shows afterwards that versions are gap-free, each command is stored once,
 * and every stored history replays to exactly what the writers were answered.
 */
@ParameterizedClass
@MethodSource("org.casemgmt.examples.store.TestDatabase#all")
class CaseServiceConcurrencyTest {

  static final int INSTANCES = 4;
  static final int THREADS = 8;
  static final int COMMANDS_PER_THREAD = 250;
  static final int CASES = 30;
  static final long SEED = 20261123L;
  static final LocalDate DAY0 = LocalDate.of(2026, 3, 2);
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final LifeDomain[] DOMAINS = LifeDomain.values();

  final TestDatabase db;

  CaseServiceConcurrencyTest(TestDatabase db) {
    this.db = db;
  }

  /** A command that landed (in its envelope), and the case file its writer was answered. */
  record Landed(IssuedCommand command, CaseFile answered) {}

  static CaseId caseId(int n) {
    return CaseId.of("CONC-" + n);
  }

  /**
   * Writer {@code t}'s {@code i}-th command, issued by the writer with an id of its own: a need with an id of its
   * own, or a strength, on a random domain.
   */
  static IssuedCommand command(int thread, int i, Random random) {
    Issued issued = Issued.by(StaffId.of("worker-" + thread), T0.plusSeconds(60))
        .withCommandId(CommandId.of("w" + thread + "-" + i));
    LifeDomain domain = DOMAINS[random.nextInt(DOMAINS.length)];
    return IssuedCommand.of(issued, random.nextBoolean()
        ? new Command.RecordNeed(NeedId.of("N-" + thread + "-" + i), domain, "need " + i,
            Priority.values()[random.nextInt(Priority.values().length)], IdentifiedBy.CASE_MANAGER)
        : new Command.RecordStrength(domain, "strength " + i));
  }

  @Test
  void eight_writers_in_four_instances_lose_no_update_and_store_each_command_once() throws Exception {
    String name = db.createEmpty();
    java.util.List<HikariDataSource> pools = new ArrayList<>();
    try {
      java.util.List<CaseService> services = new ArrayList<>();
      for (int i = 0; i < INSTANCES; i++) {
        HikariDataSource pool = db.pool(name, THREADS / INSTANCES + 1);
        pools.add(pool);
        StoreSchema.migrate(pool);
        services.add(new CaseService(JdbcEventStore.over(pool), 1_000));
      }
      Issued anna = Issued.by(StaffId.of("anna"), T0);
      for (int n = 0; n < CASES; n++) {
        CaseService service = services.get(n % INSTANCES);
        assertTrue(service.open(anna, Command.OpenCase.of(caseId(n), Client.of(ClientId.of("C-" + n), "Client " + n,
            LocalDate.of(1970, 1, 1)), DAY0, DOMAINS)).isRight());
        assertTrue(service.handle(caseId(n), anna, new Command.StartAssessment()).isRight());
        for (int t = 0; t < THREADS; t++) {
          // Each writer is a social worker on the team: the default permissions let them record needs and strengths.
          assertTrue(service.handle(caseId(n), anna, new Command.JoinTeam(TeamMember.of(StaffId.of("worker-" + t),
              TeamRole.SOCIAL_WORKER, DAY0))).isRight());
        }
      }
      ConcurrentHashMap<CaseId, java.util.List<Landed>> landed = new ConcurrentHashMap<>();
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      long started = System.nanoTime();
      java.util.List<Future<Integer>> writers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        CaseService service = services.get(t % INSTANCES);
        writers.add(threads.submit(() -> {
          Random random = new Random(SEED + thread);
          int failures = 0;
          for (int i = 0; i < COMMANDS_PER_THREAD; i++) {
            CaseId target = caseId(random.nextInt(CASES));
            IssuedCommand command = command(thread, i, random);
            Either<CaseService.Failure, CaseFile> result = service.handle(target, command);
            if (result.isRight()) {
              landed.computeIfAbsent(target, k -> Collections.synchronizedList(new ArrayList<>()))
                  .add(new Landed(command, result.get()));
            } else {
              failures++;
            }
          }
          return failures;
        }));
      }
      int failures = 0;
      for (Future<Integer> writer : writers) {
        failures += writer.get(180, TimeUnit.SECONDS);
      }
      threads.shutdown();
      long millis = (System.nanoTime() - started) / 1_000_000;
      int total = THREADS * COMMANDS_PER_THREAD;
      long conflicts = services.stream().mapToLong(CaseService::conflicts).sum();
      System.out.printf("concurrency on %s: %d commands by %d threads in %d instances over %d cases in %d ms; "
          + "%d version conflicts, %d failures%n", db, total, THREADS, INSTANCES, CASES, millis, conflicts, failures);

      assertEquals(0, failures, "every command lands, after retries if need be");
      assertEquals(total, landed.values().stream().mapToInt(java.util.List::size).sum());

      // From the database alone: every case's versions 1..n without a gap, every command once.
      DataSource direct = db.direct(name);
      try (Connection c = direct.getConnection(); Statement s = c.createStatement()) {
        try (ResultSet r = s.executeQuery("SELECT case_id, COUNT(*), MIN(sequence), MAX(sequence) FROM case_event "
            + "GROUP BY case_id")) {
          int cases = 0;
          while (r.next()) {
            cases++;
            assertEquals(1, r.getLong(3), r.getString(1));
            assertEquals(r.getLong(2), r.getLong(4), r.getString(1) + " has a gap");
          }
          assertEquals(CASES, cases);
        }
        try (ResultSet r = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT command_id) FROM case_event "
            + "WHERE command_id LIKE 'w%'")) {
          r.next();
          assertEquals(total, r.getLong(1), "one event per command");
          assertEquals(total, r.getLong(2), "each command once");
        }
        try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM case_command WHERE command_id LIKE 'w%'")) {
          r.next();
          assertEquals(total, r.getLong(1));
        }
      }

      JdbcEventStore reader = JdbcEventStore.over(pools.get(0));
      for (int n = 0; n < CASES; n++) {
        CaseId id = caseId(n);
        Seq<Landed> accepted = Vector.ofAll(landed.getOrDefault(id, List.<Landed>empty().asJava()))
            .sortBy(l -> l.answered().version());
        long before = 2L + THREADS; // opened, assessment started, the writers joined
        assertEquals(Vector.rangeClosed(before + 1, before + accepted.size()),
            accepted.map(l -> l.answered().version()), id.value());
        // Every answer is the stored history replayed up to the answer's version.
        for (Landed l : accepted) {
          assertEquals(Option.some(l.answered()), reader.load(id, l.answered().version()), id.value());
        }
        // And the stored state is what the accepted commands imply, in the order they landed.
        CaseFile expected = reader.load(id, before).getOrElseThrow(() -> new AssertionError(id));
        for (Landed l : accepted) {
          expected = expected.handle(l.command()).getOrElseThrow(r -> new AssertionError(r.rule()));
        }
        CaseFile loaded = reader.load(id).getOrElseThrow(() -> new AssertionError(id));
        assertEquals(expected, loaded, id.value());
        assertEquals(Option.none(), reader.audit(id));
      }
      assertEquals(Vector.range(0, CASES).map(CaseServiceConcurrencyTest::caseId).sorted(),
          reader.casesInPhase(Phase.ASSESSMENT));
    } finally {
      pools.forEach(HikariDataSource::close);
    }
  }
}
