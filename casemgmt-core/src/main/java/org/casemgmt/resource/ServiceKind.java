package org.casemgmt.resource;

import io.vavr.collection.List;
import org.casemgmt.InputError;
import org.casemgmt.internal.Check;

/**
 * A kind of service a provider delivers, such as counselling or a housing support. Kinds are open: each
 * organisation names its own; a few common ones are built in as constants.
 *
 * <p>An <em>exclusive</em> kind is one a person can receive from only one provider at a time, whatever the
 * need — a residential placement, say: two of them may never overlap in time for the same client.
 *
 * <pre>{@code ServiceKind shelter = ServiceKind.exclusive("NIGHT_SHELTER"); }</pre>
 *
 * <p><b>One code, one meaning.</b> Kinds are values, compared by code and exclusivity, so a code given once as
 * exclusive and once not would be two different kinds — and the rule that two exclusive services never overlap
 * would not see the second. Hence:
 * <ul>
 *   <li>the built-in codes are reserved: {@link #of(String) of("RESIDENTIAL_PLACEMENT")} answers the exclusive
 *       constant, and a built-in code with the other exclusivity ({@code exclusive("COUNSELLING")}, or the
 *       canonical constructor) is refused with an {@link org.casemgmt.InvalidInputException};</li>
 *   <li>an organisation keeps its own codes in a {@link ServiceCatalogue}, which refuses a code defined twice
 *       with different exclusivity. The catalogue lives in the embedding application, not here: casemgmt holds
 *       no global registry (the model has no state outside the values it is given), and each organisation
 *       embedding it has its own kinds;</li>
 *   <li>a case file refuses a command that brings a code it already knows with the other exclusivity
 *       ({@code Rejection.ConflictingServiceKind}), whatever catalogue the kind came from.</li>
 * </ul>
 *
 * @param code      the kind's code, an identifier such as {@code "COUNSELLING"}
 * @param exclusive whether two services of this kind may not overlap for the same client
 */
public record ServiceKind(String code, boolean exclusive) {

  /** Counselling and social-work support. */
  public static final ServiceKind COUNSELLING = new ServiceKind("COUNSELLING", false);
  /** Housing support. */
  public static final ServiceKind HOUSING = new ServiceKind("HOUSING", false);
  /** Psychological support. */
  public static final ServiceKind PSYCHOLOGICAL_SUPPORT = new ServiceKind("PSYCHOLOGICAL_SUPPORT", false);
  /** Vocational training. */
  public static final ServiceKind TRAINING = new ServiceKind("TRAINING", false);
  /** Coaching for job interviews and job search. */
  public static final ServiceKind JOB_COACHING = new ServiceKind("JOB_COACHING", false);
  /** Care at home. */
  public static final ServiceKind HOME_CARE = new ServiceKind("HOME_CARE", false);
  /** A residential placement: exclusive, a person lives in one place at a time. */
  public static final ServiceKind RESIDENTIAL_PLACEMENT = new ServiceKind("RESIDENTIAL_PLACEMENT", true);

  /** The built-in kinds, in the order declared; {@link ServiceCatalogue#builtIn()} starts from them. */
  static final List<ServiceKind> BUILT_IN = List.of(COUNSELLING, HOUSING, PSYCHOLOGICAL_SUPPORT, TRAINING,
      JOB_COACHING, HOME_CARE, RESIDENTIAL_PLACEMENT);

  /**
   * Throws {@link org.casemgmt.InvalidInputException} for a malformed code, or a built-in code with the other
   * exclusivity.
   */
  public ServiceKind {
    Check.orThrow(Check.identifier("code", code));
    Check.orThrow(reserved(code, exclusive));
  }

  /**
   * The kind with this code: the built-in constant if the code is built in (so {@code of("RESIDENTIAL_PLACEMENT")}
   * is exclusive), else a non-exclusive kind of the organisation's own.
   *
   * <pre>{@code ServiceKind dayCentre = ServiceKind.of("DAY_CENTRE"); }</pre>
   *
   * @param code an identifier: 1 to 64 letters, digits or {@code - _ . : /}
   * @return the built-in kind with this code, or a non-exclusive kind
   * @throws org.casemgmt.InvalidInputException if the code is missing, blank or malformed
   */
  public static ServiceKind of(String code) {
    ServiceKind builtIn = builtIn(code);
    return builtIn != null ? builtIn : new ServiceKind(code, false);
  }

  /**
   * An exclusive service kind: the built-in constant if the code is built in and exclusive, else an exclusive kind
   * of the organisation's own.
   *
   * @param code an identifier: 1 to 64 letters, digits or {@code - _ . : /}
   * @return the built-in exclusive constant, or a new exclusive kind with this code
   * @throws org.casemgmt.InvalidInputException if the code is missing, blank or malformed, or is a built-in code of a
   *     non-exclusive kind, such as {@code "COUNSELLING"}
   */
  public static ServiceKind exclusive(String code) {
    ServiceKind builtIn = builtIn(code);
    return builtIn != null && builtIn.exclusive ? builtIn : new ServiceKind(code, true);
  }

  /**
   * Whether this kind's code is one of the built-in ones; such a kind always equals its constant.
   *
   * @return whether the code is reserved by casemgmt
   */
  public boolean isBuiltIn() {
    // The constants themselves first, by identity: the kinds the rules meet are nearly always them.
    return this == COUNSELLING || this == HOUSING || this == PSYCHOLOGICAL_SUPPORT || this == TRAINING
        || this == JOB_COACHING || this == HOME_CARE || this == RESIDENTIAL_PLACEMENT || builtIn(code) != null;
  }

  /** The built-in constant with this code, or null if the code is not built in (or is null). */
  static ServiceKind builtIn(String code) {
    if (code == null) {
      return null;
    }
    // While the class initialises, a constant not yet assigned reads as null here: each constant's constructor
    // finds itself unassigned and passes. ServiceCatalogueTest checks that every constant is found by its code.
    return switch (code) {
      case "COUNSELLING" -> COUNSELLING;
      case "HOUSING" -> HOUSING;
      case "PSYCHOLOGICAL_SUPPORT" -> PSYCHOLOGICAL_SUPPORT;
      case "TRAINING" -> TRAINING;
      case "JOB_COACHING" -> JOB_COACHING;
      case "HOME_CARE" -> HOME_CARE;
      case "RESIDENTIAL_PLACEMENT" -> RESIDENTIAL_PLACEMENT;
      default -> null;
    };
  }

  /** A built-in code given with the other exclusivity, or null. The code is a catalogue code: safe to name. */
  private static InputError reserved(String code, boolean exclusive) {
    ServiceKind builtIn = builtIn(code);
    return builtIn == null || builtIn.exclusive == exclusive ? null
        : new InputError("exclusive", InputError.Problem.CONFLICTING,
            "the built-in kind " + code + " is " + (builtIn.exclusive ? "exclusive" : "not exclusive"));
  }

  /**
   * The first problem of a set of kinds that gives one code two exclusivities, naming that code; or null.
   *
   * @param field the field the kinds were given in, e.g. {@code "offers"}
   * @param kinds the kinds, none null
   */
  static InputError conflictAmong(String field, Iterable<ServiceKind> kinds) {
    java.util.Map<String, ServiceKind> seen = new java.util.HashMap<>();
    for (ServiceKind kind : kinds) {
      ServiceKind other = seen.putIfAbsent(kind.code, kind);
      if (other != null && other.exclusive != kind.exclusive) {
        return new InputError(field, InputError.Problem.CONFLICTING,
            "the code " + kind.code + " is given both as exclusive and as not exclusive");
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return exclusive ? code + "(exclusive)" : code;
  }
}
