package org.casemgmt.casefile;

import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeMap;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import org.casemgmt.InputError;
import org.casemgmt.InvalidInputException;
import org.casemgmt.internal.Check;
import org.casemgmt.party.TeamRole;

/**
 * Who may do what in a case, as data like the {@link PhaseTable}: for each {@link TeamRole}, the
 * {@link CommandKind commands} it may issue, each either on anything or only on its own provider's services. Every
 * command is checked against the case's table before the phase table: an actor who is not on the team, or whose
 * role does not permit the command, gets {@link Rejection.NotAuthorized} and nothing changes.
 *
 * <pre>{@code
 * Permissions ours = Permissions.parse(List.of(
 *     "CASE_MANAGER: *",
 *     "SUPERVISOR: APPROVE_PLAN, CLOSE_CASE, HAND_OVER",
 *     "PROVIDER_REPRESENTATIVE: START_INTERVENTION (own provider), COMPLETE_INTERVENTION (own provider)"));
 * CaseFile file = CaseFile.open(anna, openCase, ours).get();
 * }</pre>
 *
 * <p><b>The default</b> ({@link #socialServices()}), for social services: the case manager may issue every command
 * (so a lone case manager works exactly as without a team); the supervisor may hand the case over, manage the team,
 * approve and countersign plans, suspend, resume, close and reopen; no countersignature is required (an
 * organisation asks for one with {@link Builder#requireCountersignature} or a {@code COUNTERSIGNATURE:} line); the professionals (social worker, nurse, educator,
 * psychologist, employment counsellor) contribute to the assessment and the review — record needs, strengths and
 * resources, revise needs, add participants and record reviews and outcomes; a provider representative may start,
 * suspend, resume and complete interventions and accept, decline and complete referrals, each only where the
 * intervention or referral is with their own provider.
 */
public final class Permissions {

  /** On what a role may issue a command. */
  public enum Reach {
    /** On anything in the case. */
    ANY,
    /** Only on an intervention or referral with the member's own provider. */
    OWN_PROVIDER
  }

  /** The commands a condition {@link Reach#OWN_PROVIDER} can apply to: those about one intervention or referral. */
  public static final java.util.Set<CommandKind> PROVIDER_SCOPED = java.util.Collections.unmodifiableSet(EnumSet.of(
      CommandKind.START_INTERVENTION, CommandKind.SUSPEND_INTERVENTION, CommandKind.RESUME_INTERVENTION,
      CommandKind.COMPLETE_INTERVENTION, CommandKind.CANCEL_INTERVENTION, CommandKind.ACCEPT_REFERRAL,
      CommandKind.DECLINE_REFERRAL, CommandKind.COMPLETE_REFERRAL));

  private static final Permissions SOCIAL_SERVICES = socialServicesTable();

  /** The most lines {@link #parse} reads: a table has one line per role, and comments. */
  public static final int MAX_LINES = 1_000;

  /** The commands a supervisor may countersign: a plan's approval, a case's closure. */
  public static final java.util.Set<CommandKind> COUNTERSIGNABLE = java.util.Collections.unmodifiableSet(
      EnumSet.of(CommandKind.APPROVE_PLAN, CommandKind.CLOSE_CASE));

  /** Per role, per command kind: the reach, or null if not permitted. */
  private final EnumMap<TeamRole, Reach[]> table;
  private final EnumSet<CommandKind> countersigned;
  private final boolean referralsWithinConsent;

  private Permissions(EnumMap<TeamRole, Reach[]> table, EnumSet<CommandKind> countersigned,
      boolean referralsWithinConsent) {
    this.table = table;
    this.countersigned = countersigned;
    this.referralsWithinConsent = referralsWithinConsent;
  }

  /**
   * Whether a referral may carry only needs in life domains the client shares with the provider it goes to
   * ({@link Rejection.NotShared} otherwise). Off in the default table, so that histories recorded before consent was
   * kept still replay; an organisation turns it on with {@link #withReferralsWithinConsent()} or a
   * {@code REFERRALS: WITHIN CONSENT} line.
   *
   * @return true if referrals are limited to the shared domains
   */
  public boolean referralsWithinConsent() {
    return referralsWithinConsent;
  }

  /**
   * This table, limiting every referral to the life domains the client shares with its provider.
   *
   * @return the table with the limit
   */
  public Permissions withReferralsWithinConsent() {
    return toBuilder().limitReferralsToConsent().build();
  }

  /** A builder holding this table, to change a copy of it. */
  private Builder toBuilder() {
    Builder copy = builder();
    table.forEach((role, row) -> copy.table.put(role, row.clone()));
    copy.countersigned.addAll(countersigned);
    copy.referralsWithinConsent = referralsWithinConsent;
    return copy;
  }

  /**
   * Whether the organisation's policy wants a command countersigned by a supervisor before it takes effect.
   *
   * @param kind a command kind
   * @return true for the kinds the table was built to require a countersignature for
   * @throws InvalidInputException if the kind is missing
   */
  public boolean requiresCountersignature(CommandKind kind) {
    Check.orThrow(Check.present("kind", kind));
    return countersigned.contains(kind);
  }

  /** {@return the default table for social services (see the class comment)} */
  public static Permissions socialServices() {
    return SOCIAL_SERVICES;
  }

  private static Permissions socialServicesTable() {
    Builder b = builder().allowAll(TeamRole.CASE_MANAGER);
    b.allow(TeamRole.SUPERVISOR, CommandKind.HAND_OVER, CommandKind.JOIN_TEAM, CommandKind.LEAVE_TEAM,
        CommandKind.APPROVE_PLAN, CommandKind.COUNTERSIGN, CommandKind.SUSPEND_CASE, CommandKind.RESUME_CASE, CommandKind.CLOSE_CASE,
        CommandKind.REOPEN_CASE);
    for (TeamRole professional : new TeamRole[] {TeamRole.SOCIAL_WORKER, TeamRole.NURSE, TeamRole.EDUCATOR,
        TeamRole.PSYCHOLOGIST, TeamRole.EMPLOYMENT_COUNSELLOR}) {
      b.allow(professional, CommandKind.RECORD_NEED, CommandKind.REVISE_NEED, CommandKind.RECORD_STRENGTH,
          CommandKind.RECORD_RESOURCE, CommandKind.ADD_PARTICIPANT, CommandKind.RECORD_REVIEW,
          CommandKind.RECORD_OUTCOME);
    }
    b.allowOnOwnProvider(TeamRole.PROVIDER_REPRESENTATIVE, CommandKind.START_INTERVENTION,
        CommandKind.SUSPEND_INTERVENTION, CommandKind.RESUME_INTERVENTION, CommandKind.COMPLETE_INTERVENTION,
        CommandKind.ACCEPT_REFERRAL, CommandKind.DECLINE_REFERRAL, CommandKind.COMPLETE_REFERRAL);
    return b.build();
  }

  /**
   * This table, asking also for a supervisor's countersignature before these commands take effect.
   *
   * <pre>{@code Permissions fourEyes = Permissions.socialServices().withCountersignature(APPROVE_PLAN, CLOSE_CASE); }</pre>
   *
   * @param kinds {@link CommandKind#APPROVE_PLAN} and/or {@link CommandKind#CLOSE_CASE}
   * @return the table with the countersignatures
   * @throws InvalidInputException if a kind cannot be countersigned
   */
  public Permissions withCountersignature(CommandKind... kinds) {
    return toBuilder().requireCountersignature(kinds).build();
  }

  /** {@return a builder of an empty table: nobody may do anything until allowed} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a table from lines of text, e.g. from an organisation's configuration: each line
   * {@code ROLE: KIND, KIND (own provider), …} or {@code ROLE: *} for every command, and optionally
   * {@code COUNTERSIGNATURE: APPROVE_PLAN, CLOSE_CASE} for what a supervisor must countersign and
   * {@code REFERRALS: WITHIN CONSENT} to limit referrals to the shared domains. Names are those of
   * {@link TeamRole} and {@link CommandKind}; blank lines and lines starting with {@code #} are skipped.
   *
   * @param lines the table
   * @return the table
   * @throws InvalidInputException naming every unknown role or command kind, malformed line, role given twice,
   *     or {@code (own provider)} on a command that concerns no intervention or referral
   */
  public static Permissions parse(Seq<String> lines) {
    if (lines == null) {
      throw new InvalidInputException(List.of(new InputError("lines", InputError.Problem.MISSING, "is required")));
    }
    if (lines.size() > MAX_LINES) {
      throw new InvalidInputException(List.of(new InputError("lines", InputError.Problem.OUT_OF_RANGE,
          "holds more than " + MAX_LINES + " lines: a table has one per role")));
    }
    Builder builder = builder();
    List<InputError> problems = List.empty();
    java.util.Set<TeamRole> seen = EnumSet.noneOf(TeamRole.class);
    int number = 0;
    for (String raw : lines) {
      number++;
      String field = "lines[" + number + "]";
      if (raw == null) {
        problems = problems.append(new InputError(field, InputError.Problem.NULL_ELEMENT, "is null"));
        continue;
      }
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        problems = problems.append(new InputError(field, InputError.Problem.MALFORMED, "is not ROLE: COMMANDS"));
        continue;
      }
      String roleName = line.substring(0, colon).strip();
      if (roleName.equals("REFERRALS")) {
        if (line.substring(colon + 1).strip().equals("WITHIN CONSENT")) {
          builder.referralsWithinConsent = true;
        } else {
          problems = problems.append(new InputError(field, InputError.Problem.MALFORMED,
              "REFERRALS takes only WITHIN CONSENT"));
        }
        continue;
      }
      if (roleName.equals("COUNTERSIGNATURE")) {
        for (String item : line.substring(colon + 1).split(",")) {
          String kindName = item.strip();
          CommandKind kind = Arrays.stream(CommandKind.values()).filter(k -> k.name().equals(kindName)).findFirst()
              .orElse(null);
          if (kind == null || !COUNTERSIGNABLE.contains(kind)) {
            problems = problems.append(new InputError(field, InputError.Problem.MALFORMED,
                "names a command that cannot be countersigned (only APPROVE_PLAN and CLOSE_CASE can)"));
          } else {
            builder.requireCountersignature(kind);
          }
        }
        continue;
      }
      TeamRole role = Arrays.stream(TeamRole.values()).filter(r -> r.name().equals(roleName)).findFirst()
          .orElse(null);
      if (role == null) {
        problems = problems.append(new InputError(field, InputError.Problem.MALFORMED, "names an unknown role"));
        continue;
      }
      if (!seen.add(role)) {
        problems = problems.append(new InputError(field, InputError.Problem.MALFORMED, "repeats the role " + role));
        continue;
      }
      String rest = line.substring(colon + 1).strip();
      if (rest.equals("*")) {
        builder.allowAll(role);
        continue;
      }
      for (String item : rest.split(",")) {
        String entry = item.strip();
        boolean own = entry.endsWith("(own provider)");
        String kindName = own ? entry.substring(0, entry.length() - "(own provider)".length()).strip() : entry;
        CommandKind kind = Arrays.stream(CommandKind.values()).filter(k -> k.name().equals(kindName)).findFirst()
            .orElse(null);
        if (kind == null) {
          problems = problems.append(new InputError(field, InputError.Problem.MALFORMED,
              "names an unknown command kind"));
        } else if (own && !PROVIDER_SCOPED.contains(kind)) {
          problems = problems.append(new InputError(field, InputError.Problem.MALFORMED,
              kind + " concerns no intervention or referral, so it cannot be limited to one's own provider"));
        } else if (own) {
          builder.allowOnOwnProvider(role, kind);
        } else {
          builder.allow(role, kind);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return builder.build();
  }

  /**
   * What a role may do with a kind of command.
   *
   * @param role the role
   * @param kind the command kind
   * @return the reach, or none if the role may not issue it at all
   */
  public io.vavr.control.Option<Reach> reach(TeamRole role, CommandKind kind) {
    Check.orThrow(Check.present("role", role),
        Check.present("kind", kind));
    Reach reach = reachOrNull(role, kind);
    return io.vavr.control.Option.of(reach);
  }

  /** As {@link #reach}, without the option: the rules ask it for every command. */
  Reach reachOrNull(TeamRole role, CommandKind kind) {
    Reach[] row = table.get(role);
    return row == null ? null : row[kind.ordinal()];
  }

  /** {@return the table as role → command kind → reach, in enum order, for display or storage} */
  public Map<TeamRole, Map<CommandKind, Reach>> rows() {
    Map<TeamRole, Map<CommandKind, Reach>> rows = TreeMap.empty();
    for (var entry : table.entrySet()) {
      Map<CommandKind, Reach> row = TreeMap.empty();
      Reach[] reaches = entry.getValue();
      for (CommandKind kind : CommandKind.values()) {
        if (reaches[kind.ordinal()] != null) {
          row = row.put(kind, reaches[kind.ordinal()]);
        }
      }
      rows = rows.put(entry.getKey(), row);
    }
    return rows;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Permissions that) || !table.keySet().equals(that.table.keySet())
        || !countersigned.equals(that.countersigned) || referralsWithinConsent != that.referralsWithinConsent) {
      return false;
    }
    for (var entry : table.entrySet()) {
      if (!Arrays.equals(entry.getValue(), that.table.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return (rows().hashCode() * 31 + countersigned.hashCode()) * 31 + Boolean.hashCode(referralsWithinConsent);
  }

  @Override
  public String toString() {
    return "Permissions" + rows() + (countersigned.isEmpty() ? "" : " countersigned " + countersigned)
        + (referralsWithinConsent ? " referrals within consent" : "");
  }

  /** Builds a table; nothing is permitted until allowed. Not thread-safe; the table it builds is immutable. */
  public static final class Builder {
    private final EnumMap<TeamRole, Reach[]> table = new EnumMap<>(TeamRole.class);
    private final EnumSet<CommandKind> countersigned = EnumSet.noneOf(CommandKind.class);
    private boolean referralsWithinConsent;

    private Builder() {}

    private Reach[] row(TeamRole role) {
      if (role == null) {
        throw new InvalidInputException(List.of(new InputError("role", InputError.Problem.MISSING, "is required")));
      }
      return table.computeIfAbsent(role, r -> new Reach[CommandKind.values().length]);
    }

    /**
     * Lets a role issue every command (except opening a case, which no case file decides).
     *
     * @param role the role
     * @return this builder
     */
    public Builder allowAll(TeamRole role) {
      Reach[] row = row(role);
      for (CommandKind kind : CommandKind.values()) {
        if (kind != CommandKind.OPEN_CASE) {
          row[kind.ordinal()] = Reach.ANY;
        }
      }
      return this;
    }

    /**
     * Lets a role issue commands of these kinds on anything in the case.
     *
     * @param role  the role
     * @param kinds the command kinds
     * @return this builder
     */
    public Builder allow(TeamRole role, CommandKind... kinds) {
      Reach[] row = row(role);
      for (CommandKind kind : Kinds.checked(kinds)) {
        row[kind.ordinal()] = Reach.ANY;
      }
      return this;
    }

    /**
     * Lets a role issue commands of these kinds only on interventions and referrals with the member's own
     * provider.
     *
     * @param role  the role (a provider representative; any other has no provider, so it could never use it)
     * @param kinds command kinds of {@link #PROVIDER_SCOPED}
     * @return this builder
     * @throws InvalidInputException if a kind concerns no intervention or referral
     */
    public Builder allowOnOwnProvider(TeamRole role, CommandKind... kinds) {
      Reach[] row = row(role);
      for (CommandKind kind : Kinds.checked(kinds)) {
        if (!PROVIDER_SCOPED.contains(kind)) {
          throw new InvalidInputException(List.of(new InputError("kinds", InputError.Problem.MALFORMED,
              kind + " concerns no intervention or referral")));
        }
        if (row[kind.ordinal()] != Reach.ANY) {
          row[kind.ordinal()] = Reach.OWN_PROVIDER;
        }
      }
      return this;
    }

    /**
     * Asks for a supervisor's countersignature (four eyes) before these commands take effect.
     *
     * @param kinds {@link CommandKind#APPROVE_PLAN} and/or {@link CommandKind#CLOSE_CASE}
     * @return this builder
     * @throws InvalidInputException if a kind cannot be countersigned
     */
    public Builder requireCountersignature(CommandKind... kinds) {
      for (CommandKind kind : Kinds.checked(kinds)) {
        if (!COUNTERSIGNABLE.contains(kind)) {
          throw new InvalidInputException(List.of(new InputError("kinds", InputError.Problem.MALFORMED,
              kind + " cannot be countersigned (only APPROVE_PLAN and CLOSE_CASE can)")));
        }
        countersigned.add(kind);
      }
      return this;
    }

    /**
     * Limits every referral to the life domains the client shares with its provider.
     *
     * @return this builder
     */
    public Builder limitReferralsToConsent() {
      referralsWithinConsent = true;
      return this;
    }

    /** {@return the table} */
    public Permissions build() {
      EnumMap<TeamRole, Reach[]> copy = new EnumMap<>(TeamRole.class);
      table.forEach((role, row) -> copy.put(role, row.clone()));
      return new Permissions(copy, countersigned.clone(), referralsWithinConsent);
    }
  }

  /** Argument checks of the builder. */
  private static final class Kinds {
    private Kinds() {}

    static CommandKind[] checked(CommandKind[] kinds) {
      if (kinds == null) {
        throw new InvalidInputException(List.of(new InputError("kinds", InputError.Problem.MISSING, "is required")));
      }
      for (CommandKind kind : kinds) {
        if (kind == null) {
          throw new InvalidInputException(List.of(new InputError("kinds", InputError.Problem.NULL_ELEMENT,
              "holds null")));
        }
        if (kind == CommandKind.OPEN_CASE) {
          throw new InvalidInputException(List.of(new InputError("kinds", InputError.Problem.MALFORMED,
              "OPEN_CASE is decided before a case file exists, so no team permits it")));
        }
      }
      return kinds;
    }
  }
}
