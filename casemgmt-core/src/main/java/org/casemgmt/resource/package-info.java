/**
 * What the plan builds on: the client's own strengths, the formal (public, private, third-sector) and
 * informal (family, friends, neighbours, community) resources around them, and the providers that deliver
 * kinds of services — some of them exclusive for a person, like a residential placement. A kind's code has one
 * meaning: the built-in codes are reserved, and an organisation keeps its own in a {@link
 * org.casemgmt.resource.ServiceCatalogue}.
 */
package org.casemgmt.resource;
