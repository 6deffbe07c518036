/**
 * casemgmt: case management as an executable domain model — cases, clients, needs, resources, providers,
 * goals, plans and interventions, with a phase machine and the invariants of good practice.
 *
 * <p>Start from {@link org.casemgmt.casefile.CaseFile}. {@code org.casemgmt.internal} is not exported.
 */
module org.casemgmt {
  requires transitive io.vavr;
  requires org.slf4j;
  requires static org.immutables.value.annotations;
  // Optional, never needed at run time: lets the tests parse the XES that org.casemgmt.export writes by hand.
  requires static java.xml;

  exports org.casemgmt;
  exports org.casemgmt.casefile;
  exports org.casemgmt.export;
  exports org.casemgmt.fhir;
  exports org.casemgmt.i18n;
  exports org.casemgmt.need;
  exports org.casemgmt.party;
  exports org.casemgmt.plan;
  exports org.casemgmt.resource;
  exports org.casemgmt.service;
  exports org.casemgmt.simulation;
  exports org.casemgmt.testkit;
}
