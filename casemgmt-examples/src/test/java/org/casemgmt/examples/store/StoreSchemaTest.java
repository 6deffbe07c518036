package org.casemgmt.examples.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema's migrations: applied once, also when many application instances start together on an empty database. */
@ParameterizedClass
@MethodSource("org.casemgmt.examples.store.TestDatabase#all")
class StoreSchemaTest {

  static final int INSTANCES = 12;

  final TestDatabase db;

  StoreSchemaTest(TestDatabase db) {
    this.db = db;
  }

  @Test
  void instances_starting_together_on_an_empty_database_all_start_and_migrate_it_once() throws Exception {
    String name = db.createEmpty();
    java.util.List<HikariDataSource> pools = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(INSTANCES);
    try {
      for (int i = 0; i < INSTANCES; i++) {
        pools.add(db.pool(name, 2));
      }
      CyclicBarrier start = new CyclicBarrier(INSTANCES);
      java.util.List<Future<Seq<Integer>>> started = new ArrayList<>();
      for (HikariDataSource pool : pools) {
        started.add(threads.submit(() -> {
          start.await(30, TimeUnit.SECONDS);
          Seq<Integer> applied = StoreSchema.migrate(pool);
          JdbcEventStore.over(pool); // the instance can open its store
          return applied;
        }));
      }
      java.util.List<Seq<Integer>> applied = new ArrayList<>();
      for (Future<Seq<Integer>> instance : started) {
        applied.add(instance.get(60, TimeUnit.SECONDS));
      }
      // Exactly one instance applied the migrations, in order; the others found them applied.
      assertEquals(1, applied.stream().filter(a -> !a.isEmpty()).count());
      assertEquals(List.of(1, 2, 3), applied.stream().filter(a -> !a.isEmpty()).findFirst().orElseThrow());
      try (Connection c = db.direct(name).getConnection(); Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT version FROM casemgmt_schema ORDER BY version")) {
        List<Integer> versions = List.empty();
        while (r.next()) {
          versions = versions.append(r.getInt(1));
        }
        assertEquals(List.of(1, 2, StoreSchema.CURRENT), versions);
      }
    } finally {
      threads.shutdownNow();
      pools.forEach(HikariDataSource::close);
    }
  }

  @Test
  void migrating_a_current_database_changes_nothing() {
    String name = db.createEmpty();
    try (HikariDataSource pool = db.pool(name, 2)) {
      assertEquals(List.of(1, 2, 3), StoreSchema.migrate(pool));
      assertEquals(List.empty(), StoreSchema.migrate(pool));
      assertEquals(List.empty(), StoreSchema.migrate(pool));
    }
  }
}
