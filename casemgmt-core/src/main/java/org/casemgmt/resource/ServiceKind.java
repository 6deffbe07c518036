package org.casemgmt.resource;

import org.casemgmt.internal.Check;

/**
 * A kind of service a provider delivers, such as counselling or a housing support. Kinds are open: each
 * organisation names its own; a few common ones are provided as constants.
 *
 * <p>An <em>exclusive</em> kind is one a person can receive from only one provider at a time, whatever the
 * need — a residential placement, say: two of them may never overlap in time for the same client.
 *
 * <pre>{@code ServiceKind placement = ServiceKind.exclusive("RESIDENTIAL_PLACEMENT"); }</pre>
 *
 * @param code      the kind's code, an identifier such as {@code "COUNSELLING"}
 * @param exclusive whether two services of this kind may not overlap for the same client
 */
public record ServiceKind(String code, boolean exclusive) {

  /** Counselling and social-work support. */
  public static final ServiceKind COUNSELLING = of("COUNSELLING");
  /** Housing support. */
  public static final ServiceKind HOUSING = of("HOUSING");
  /** Psychological support. */
  public static final ServiceKind PSYCHOLOGICAL_SUPPORT = of("PSYCHOLOGICAL_SUPPORT");
  /** Vocational training. */
  public static final ServiceKind TRAINING = of("TRAINING");
  /** Coaching for job interviews and job search. */
  public static final ServiceKind JOB_COACHING = of("JOB_COACHING");
  /** Care at home. */
  public static final ServiceKind HOME_CARE = of("HOME_CARE");
  /** A residential placement: exclusive, a person lives in one place at a time. */
  public static final ServiceKind RESIDENTIAL_PLACEMENT = exclusive("RESIDENTIAL_PLACEMENT");

  /**
   * Creates a service kind, checking its code.
   *
   * @param code the kind's code, an identifier such as {@code "COUNSELLING"}
   * @param exclusive whether two services of this kind may not overlap for the same client
   */
  public ServiceKind {
    Check.orThrow(Check.identifier("code", code));
  }

  /**
   * A non-exclusive service kind.
   *
   * @param code the code
   * @return a non-exclusive service kind
   * @throws org.casemgmt.InvalidInputException if the code is missing, blank or malformed
   */
  public static ServiceKind of(String code) {
    return new ServiceKind(code, false);
  }

  /**
   * An exclusive service kind.
   *
   * @param code the code
   * @return an exclusive service kind
   * @throws org.casemgmt.InvalidInputException if the code is missing, blank or malformed
   */
  public static ServiceKind exclusive(String code) {
    return new ServiceKind(code, true);
  }

  @Override
  public String toString() {
    return exclusive ? code + "(exclusive)" : code;
  }
}
