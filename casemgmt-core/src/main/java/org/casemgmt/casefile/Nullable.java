package org.casemgmt.casefile;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one attribute of {@link CaseState} that may be absent without an {@code Option} around it (the
 * current plan, read on every planning command). Immutables recognises any annotation named {@code Nullable}.
 */
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.CLASS)
@interface Nullable {}
