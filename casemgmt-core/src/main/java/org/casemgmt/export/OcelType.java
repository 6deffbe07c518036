package org.casemgmt.export;

import io.vavr.collection.List;

/**
 * The object types of the OCEL log and the attributes of each, kept as data so that the log's header, the objects
 * and the README's table say the same. Only ids, codes, enums, amounts and days: no name, description or other free
 * text of the case has an attribute here.
 *
 * <p>Object ids are unique across the whole log: each is prefixed by its type ({@code staff:CM-1}), and the ids that
 * are unique only within a case — needs, goals, interventions, referrals, plan versions — are also qualified by
 * the case, after a {@code #} that no identifier contains ({@code need:CASE-7#N-1}). Cases, clients, providers and
 * staff have ids of the embedding application, the same in every case.
 */
enum OcelType {
  CASE("case", false, attribute("phase", "string"), attribute("closureReason", "string")),
  CLIENT("client", false),
  NEED("need", true, attribute("domain", "string"), attribute("priority", "string"),
      attribute("identifiedBy", "string"), attribute("status", "string")),
  GOAL("goal", true, attribute("dueOn", "time"), attribute("lifecycle", "string"),
      attribute("achievement", "string")),
  INTERVENTION("intervention", true, attribute("serviceKind", "string"), attribute("cost", "float"),
      attribute("windowStart", "time"), attribute("windowEnd", "time"), attribute("status", "string"),
      attribute("finding", "string")),
  REFERRAL("referral", true, attribute("serviceKind", "string"), attribute("requestedOn", "time"),
      attribute("status", "string")),
  PLAN_VERSION("plan version", true, attribute("number", "integer"), attribute("periodStart", "time"),
      attribute("periodEnd", "time"), attribute("coverageThreshold", "string"), attribute("budgetCap", "float"),
      attribute("agreedOn", "time"), attribute("approvedOn", "time")),
  PROVIDER("provider", false, attribute("resourceType", "string")),
  STAFF("staff", false);

  /** An attribute of an object or event type: its name and its OCEL 2.0 type (string, integer, float, time…). */
  record Attribute(String name, String type) {}

  private final String label;
  private final String prefix;
  private final boolean caseLocal;
  private final List<Attribute> attributes;

  OcelType(String label, boolean caseLocal, Attribute... attributes) {
    this.label = label;
    this.prefix = label.replace(' ', '-') + ":";
    this.caseLocal = caseLocal;
    this.attributes = List.of(attributes);
  }

  static Attribute attribute(String name, String type) {
    return new Attribute(name, type);
  }

  /** {@return the type's name in the log} */
  String label() {
    return label;
  }

  /** {@return the type's attributes, in the order their first values are written} */
  List<Attribute> attributes() {
    return attributes;
  }

  /** {@return whether the type's ids are unique only within a case} */
  boolean caseLocal() {
    return caseLocal;
  }

  /** {@return the log-wide object id of the object of this type with the given id, in the given case} */
  String id(String caseId, String localId) {
    return caseLocal ? prefix + caseId + '#' + localId : prefix + localId;
  }
}
