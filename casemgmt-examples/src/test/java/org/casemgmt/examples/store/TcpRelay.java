package org.casemgmt.examples.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on 127.0.0.1 between a client and a PostgreSQL server that can lose a connection right after
 * COMMIT: once armed, it forwards the next client message that holds {@code COMMIT} to the server, waits for the
 * server's answer (so the commit has happened), drops the answer and closes both sides. The client sees the
 * connection fail with its transaction's outcome unknown; the server has committed.
 */
final class TcpRelay implements AutoCloseable {

  private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket listener;
  private final int target;
  private final AtomicBoolean armed = new AtomicBoolean();
  private final AtomicInteger cuts = new AtomicInteger();
  private volatile boolean closed;

  TcpRelay(int target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "relay-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port clients connect to. */
  int port() {
    return listener.getLocalPort();
  }

  /** Loses the connection that next sends a COMMIT, after the server has answered it. */
  void cutAfterNextCommit() {
    armed.set(true);
  }

  /** How many connections were cut. */
  int cuts() {
    return cuts.get();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        AtomicBoolean cutOnAnswer = new AtomicBoolean();
        pump(client, server, true, cutOnAnswer);
        pump(server, client, false, cutOnAnswer);
      } catch (IOException e) {
        if (!closed) {
          throw new IllegalStateException("relay failed", e);
        }
      }
    }
  }

  private void pump(Socket from, Socket to, boolean clientToServer, AtomicBoolean cutOnAnswer) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[65536];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (!clientToServer && cutOnAnswer.get()) {
            // The server answered the COMMIT: it has committed. The answer is lost with the connection.
            cuts.incrementAndGet();
            from.close();
            to.close();
            return;
          }
          if (clientToServer && contains(buffer, n, COMMIT) && armed.compareAndSet(true, false)) {
            cutOnAnswer.set(true);
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // One side closed: the relay of this connection ends.
      } finally {
        try {
          from.close();
          to.close();
        } catch (IOException e) {
          // Already closed.
        }
      }
    }, "relay-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static boolean contains(byte[] buffer, int length, byte[] word) {
    outer:
    for (int i = 0; i + word.length <= length; i++) {
      for (int j = 0; j < word.length; j++) {
        if (buffer[i + j] != word[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
  }
}
