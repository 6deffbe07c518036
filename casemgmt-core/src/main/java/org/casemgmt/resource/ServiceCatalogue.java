package org.casemgmt.resource;

import io.vavr.collection.List;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import org.casemgmt.InputError;
import org.casemgmt.internal.Check;

/**
 * The service kinds an organisation works with — the built-in ones and its own — with one meaning per code: a
 * code is exclusive or not, never both. It is the place to turn a code read from a form, a file or another
 * system into a {@link ServiceKind}, so that every part of the application means the same kind by it.
 *
 * <pre>{@code
 * ServiceCatalogue ours = ServiceCatalogue.builtIn()
 *     .with(ServiceKind.exclusive("NIGHT_SHELTER"), ServiceKind.of("DAY_CENTRE"));
 * Option<ServiceKind> shelter = ours.kind("NIGHT_SHELTER");   // exclusive, wherever the code comes from
 * ours.with(ServiceKind.of("NIGHT_SHELTER"));                 // InvalidInputException: NIGHT_SHELTER is exclusive
 * }</pre>
 *
 * <p><b>Where it lives, and why.</b> In the embedding application: built once, e.g. from its configuration at
 * start-up, and handed to the code that builds commands. casemgmt keeps no catalogue of its own: the model holds
 * no state beyond the values it is given (a global registry would be hidden, mutable, shared state), kinds
 * travel by value inside commands and events, and two organisations embedding casemgmt in one process may name
 * different kinds. What casemgmt guarantees without a catalogue is narrower: {@link ServiceKind} reserves the
 * built-in codes, and a case file refuses a command that would give a code it already knows the other
 * exclusivity ({@code Rejection.ConflictingServiceKind}). The catalogue keeps one meaning per code across all of
 * an organisation's cases.
 *
 * <p>A catalogue is immutable: {@link #with} answers a new one.
 */
public final class ServiceCatalogue {

  private static final ServiceCatalogue BUILT_IN =
      new ServiceCatalogue(TreeMap.ofEntries(ServiceKind.BUILT_IN.map(k -> io.vavr.Tuple.of(k.code(), k))));

  private final SortedMap<String, ServiceKind> byCode;

  private ServiceCatalogue(SortedMap<String, ServiceKind> byCode) {
    this.byCode = byCode;
  }

  /**
   * The catalogue of casemgmt's built-in kinds ({@link ServiceKind#COUNSELLING} … {@link
   * ServiceKind#RESIDENTIAL_PLACEMENT}), to which an organisation adds its own.
   *
   * <pre>{@code ServiceCatalogue ours = ServiceCatalogue.builtIn().with(ServiceKind.of("DAY_CENTRE")); }</pre>
   *
   * @return a catalogue holding only the built-in kinds
   */
  public static ServiceCatalogue builtIn() {
    return BUILT_IN;
  }

  /**
   * This catalogue with more kinds. A kind already present, with the same exclusivity, is accepted and changes
   * nothing; a code present (or given twice) with the other exclusivity is refused, with every such code named.
   *
   * @param kinds the kinds to add, each a built-in constant or one of the organisation's own
   * @return a new catalogue with the kinds, or this one if it already had them all
   * @throws org.casemgmt.InvalidInputException if the array is missing or holds null, or a code would have two
   *     exclusivities (problem {@link InputError.Problem#CONFLICTING})
   */
  public ServiceCatalogue with(ServiceKind... kinds) {
    Check.orThrow(Check.present("kinds", kinds));
    List<ServiceKind> added = List.of(kinds);
    Check.orThrow(Check.elements("kinds", added, false));
    SortedMap<String, ServiceKind> grown = byCode;
    List<InputError> conflicts = Option.of(ServiceKind.conflictAmong("kinds", added)).toList();
    for (ServiceKind kind : added) {
      ServiceKind known = byCode.get(kind.code()).getOrNull();
      if (known == null) {
        grown = grown.put(kind.code(), kind);
      } else if (known.exclusive() != kind.exclusive()) {
        conflicts = conflicts.append(new InputError("kinds", InputError.Problem.CONFLICTING,
            "the catalogue's kind " + kind.code() + " is " + (known.exclusive() ? "exclusive" : "not exclusive")));
      }
    }
    Check.orThrow(conflicts.distinct().toJavaArray(InputError[]::new));
    return grown == byCode ? this : new ServiceCatalogue(grown);
  }

  /**
   * The kind with this code, if the catalogue has it.
   *
   * @param code the code, e.g. {@code "NIGHT_SHELTER"}
   * @return the kind, or none if the catalogue does not define the code
   * @throws org.casemgmt.InvalidInputException if the code is missing
   */
  public Option<ServiceKind> kind(String code) {
    Check.orThrow(Check.present("code", code));
    return byCode.get(code);
  }

  /** {@return every kind of the catalogue, sorted by code} */
  public List<ServiceKind> kinds() {
    return byCode.values().toList();
  }

  /** Two catalogues are equal when they define the same kinds. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ServiceCatalogue that && byCode.equals(that.byCode);
  }

  @Override
  public int hashCode() {
    return byCode.hashCode();
  }

  /** The kinds by code, exclusive ones marked, e.g. {@code ServiceCatalogue[COUNSELLING, ...]}. */
  @Override
  public String toString() {
    return kinds().mkString("ServiceCatalogue[", ", ", "]");
  }
}
