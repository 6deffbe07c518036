package org.casemgmt.examples.bench;

import io.vavr.collection.HashMap;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Either;
import java.util.concurrent.TimeUnit;
import org.casemgmt.casefile.CaseFile;
import org.casemgmt.casefile.Command;
import org.casemgmt.casefile.Command.OpenCase;
import org.casemgmt.casefile.Command.RecordReview;
import org.casemgmt.casefile.InvalidHistory;
import org.casemgmt.casefile.RecordedEvent;
import org.casemgmt.plan.ReviewDecision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay of a stored history, measured on its own: {@link CaseFile#replay}, which decides every event's command
 * again and accepts the event only if the rules record exactly it, against {@link CaseFile#replayTrusted}, which
 * checks the history's numbering and case and applies the events, in the same run. Two
 * histories: the reference lifecycle's 26 events ({@link ReferenceLifecycleBenchmark}) and a long case of 500
 * events (the lifecycle up to implementation, then monthly monitoring reviews). Throughput in histories per
 * second; quote the ratio verified / trusted.
 *
 * <pre>
 * mvn -q -pl casemgmt-examples -am package -DskipTests exec:exec -Pjmh -Dexec.executable=java \
 *     -Djmh.args="ReplayBenchmark -f 3 -wi 5 -i 5 -prof gc"
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseG1GC"})
public class ReplayBenchmark {

  /** Which history is replayed: the reference lifecycle's or a long case's. */
  @Param({"lifecycle", "long"})
  public String history;

  private Seq<RecordedEvent> events;

  /** Builds the history once per trial, through the real commands. */
  @Setup
  public void prepare() {
    events = history.equals("long") ? longCase(500) : lifecycle();
  }

  /**
   * Replays the history checking every event against the rules.
   *
   * @return the rebuilt case file, returned so that the JIT cannot drop the work
   */
  @Benchmark
  public CaseFile verified() {
    return replayed(CaseFile.replay(events));
  }

  /**
   * Replays the history applying its events without the rules.
   *
   * @return the rebuilt case file, returned so that the JIT cannot drop the work
   */
  @Benchmark
  public CaseFile trusted() {
    return replayed(CaseFile.replayTrusted(events));
  }

  private static CaseFile replayed(Either<InvalidHistory, CaseFile> result) {
    if (result.isLeft()) {
      throw new IllegalStateException("the history was refused: " + result.swap().map(InvalidHistory::problem)
          .getOrNull());
    }
    return result.getOrNull();
  }

  /** The reference lifecycle's history: 26 events, intake to closure. */
  static Seq<RecordedEvent> lifecycle() {
    return history(ReferenceLifecycleBenchmark.commands().length, Vector.empty());
  }

  /**
   * A long case of {@code length} events: the reference lifecycle up to its second review, then monthly
   * monitoring reviews that keep the plan going.
   */
  static Seq<RecordedEvent> longCase(int length) {
    Command[] lifecycle = ReferenceLifecycleBenchmark.commands();
    int reviews = length - 1 - (lifecycle.length - 3);
    Vector<Command> more = Vector.empty();
    for (int i = 0; i < reviews; i++) {
      more = more.append(new RecordReview(ReferenceLifecycleBenchmark.DAY0.plusDays(90L + 30L * i), HashMap.empty(),
          ReviewDecision.CONTINUE));
    }
    return history(lifecycle.length - 3, more);
  }

  /** Opens a case, handles the first {@code take} lifecycle commands and then {@code more}, keeping the events. */
  private static Seq<RecordedEvent> history(int take, Seq<Command> more) {
    OpenCase opening = ReferenceLifecycleBenchmark.openings(1)[0];
    Seq<RecordedEvent> events = CaseFile.decideOpening(ReferenceLifecycleBenchmark.ANNA, opening)
        .getOrElseThrow(r -> new IllegalStateException(r.rule()));
    CaseFile file = CaseFile.replay(events).getOrElseThrow(h -> new IllegalStateException(h.detail()));
    for (Command command : Vector.of(ReferenceLifecycleBenchmark.commands()).take(take).appendAll(more)) {
      Seq<RecordedEvent> next = file.decide(ReferenceLifecycleBenchmark.ANNA, command)
          .getOrElseThrow(r -> new IllegalStateException(command.kind() + " refused: " + r.rule()));
      events = events.appendAll(next);
      file = file.evolve(next);
    }
    return Vector.ofAll(events);
  }
}
