package org.casemgmt.examples.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source over a real database whose next COMMIT can be held (a writer paused mid-append, its transaction
 * open and its rows locked) or followed by a lost connection (the commit reaches the database, its answer never
 * reaches the store), whose next statement of a kind can be held before it runs, and whose commits can be slowed
 * at random (so that transactions commit in another order than they began). Everything else goes to the real
 * database unchanged.
 */
final class FaultyDataSource implements DataSource {

  /** What happens at the next COMMIT. */
  private sealed interface Fault {}

  /** The commit waits until released. */
  static final class Pause implements Fault {
    private final CountDownLatch paused = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Waits until a writer is held at its COMMIT. */
    void awaitPaused() throws InterruptedException {
      if (!paused.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("no writer reached COMMIT");
      }
    }

    /** Lets the held writer commit. */
    void release() {
      released.countDown();
    }
  }

  /** The commit happens, then the connection is reported lost. */
  private static final class CutAfterCommit implements Fault {}

  private final DataSource real;
  private final AtomicReference<Fault> next = new AtomicReference<>();
  private final AtomicReference<HeldStatement> nextStatement = new AtomicReference<>();
  private volatile SplittableRandom slowRandom;
  private volatile int slowPercent;
  private volatile long slowMillis;

  FaultyDataSource(DataSource real) {
    this.real = real;
  }

  /** Holds the next COMMIT until the answer's {@link Pause#release()}. */
  Pause pauseNextCommit() {
    Pause pause = new Pause();
    next.set(pause);
    return pause;
  }

  /** A statement to hold: the first one whose SQL contains the fragment. */
  private record HeldStatement(String fragment, Pause pause) {}

  /**
   * Holds the next statement whose SQL contains a fragment, before it is prepared, until the answer's
   * {@link Pause#release()}.
   *
   * @param fragment a part of the statement's SQL
   * @return the pause
   */
  Pause pauseNextStatement(String fragment) {
    Pause pause = new Pause();
    nextStatement.set(new HeldStatement(fragment, pause));
    return pause;
  }

  /** Commits the next COMMIT, then throws as a connection lost before the answer arrived would. */
  void cutAfterNextCommit() {
    next.set(new CutAfterCommit());
  }

  /**
   * Holds some commits for a while before they are sent: each with the given chance, drawn from a seeded random.
   *
   * @param seed    the random's seed
   * @param percent the chance of each commit, from 0 to 100
   * @param millis  how long a slowed commit waits
   */
  void slowCommits(long seed, int percent, long millis) {
    slowRandom = new SplittableRandom(seed);
    slowPercent = percent;
    slowMillis = millis;
  }

  private void maybeSlow() throws InterruptedException {
    SplittableRandom random = slowRandom;
    if (random == null) {
      return;
    }
    boolean slow;
    synchronized (random) {
      slow = random.nextInt(100) < slowPercent;
    }
    if (slow) {
      Thread.sleep(slowMillis);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(real.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(real.getConnection(username, password));
  }

  private Connection wrap(Connection connection) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          HeldStatement held = nextStatement.get();
          if (held != null && method.getName().equals("prepareStatement")
              && ((String) args[0]).contains(held.fragment()) && nextStatement.compareAndSet(held, null)) {
            held.pause().paused.countDown();
            if (!held.pause().released.await(60, TimeUnit.SECONDS)) {
              throw new AssertionError("the held statement was never released");
            }
          }
          if (method.getName().equals("commit") && method.getParameterCount() == 0) {
            maybeSlow();
            Fault fault = next.getAndSet(null);
            if (fault instanceof Pause pause) {
              pause.paused.countDown();
              if (!pause.released.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the paused writer was never released");
              }
            } else if (fault instanceof CutAfterCommit) {
              connection.commit();
              connection.close();
              throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
            }
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return real.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    real.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    real.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return real.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return real.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return real.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return real.isWrapperFor(type);
  }
}
