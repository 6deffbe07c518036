package org.casemgmt.casefile;

import io.vavr.control.Option;
import java.time.Instant;
import org.casemgmt.internal.Check;
import org.casemgmt.party.StaffId;

/**
 * Who issues a command and when, and optionally the version of the case file the issuer saw. The model has
 * no clock: time always comes in from the caller, so the same commands always give the same events.
 *
 * <pre>{@code
 * Issued now = Issued.by(StaffId.of("anna"), Instant.parse("2026-03-02T09:00:00Z"));
 * Issued guarded = now.expectingVersion(7); // refused with VersionConflict if someone else wrote first
 * }</pre>
 *
 * @param actor           the member of the team issuing the command
 * @param at              when it is issued; not before the case was opened nor before its latest event
 * @param expectedVersion the case file's version the issuer saw, for optimistic concurrency; none to skip the
 *                        check
 */
public record Issued(StaffId actor, Instant at, Option<Long> expectedVersion) {

  /**
   * Throws {@link org.casemgmt.InvalidInputException} if a field is missing or the expected version is null or
   * negative.
   */
  public Issued {
    Check.orThrow(
        Check.present("actor", actor),
        Check.instant("at", at),
        Check.option("expectedVersion", expectedVersion),
        expectedVersion != null && expectedVersion.exists(v -> v != null && v < 0)
            ? Check.atLeast("expectedVersion", expectedVersion.getOrElse(0L), 0)
            : null);
  }

  /**
   * A command issued by an actor at an instant, without a version check.
   *
   * @param actor the member of the team issuing the command
   * @param at    when it is issued, from the application's clock (the model has none)
   * @return a stamp that any version of the case file accepts
   * @throws org.casemgmt.InvalidInputException if an argument is missing
   */
  public static Issued by(StaffId actor, Instant at) {
    return new Issued(actor, at, Option.none());
  }

  /**
   * The same stamp, refused with {@link Rejection.VersionConflict} unless the case file is at this version.
   *
   * @param version the case file's version the issuer saw, from 0 (a case not yet opened)
   * @return a copy of this stamp that carries the expected version
   * @throws org.casemgmt.InvalidInputException if the version is negative
   */
  public Issued expectingVersion(long version) {
    return new Issued(actor, at, Option.some(version));
  }
}
