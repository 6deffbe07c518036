/**
 * The library's vocabulary as HL7 FHIR status codes, for applications that exchange case data with health and
 * social-care systems: a case as an {@code EpisodeOfCare}, its current plan as a {@code CarePlan}, goals as
 * {@code Goal}s, interventions and referrals as {@code ServiceRequest}s and {@code Task}s. The codes are plain
 * values ({@link org.casemgmt.fhir.FhirCode}); no FHIR library is needed or pulled in.
 */
package org.casemgmt.fhir;
