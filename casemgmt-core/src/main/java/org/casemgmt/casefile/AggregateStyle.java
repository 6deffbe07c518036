package org.casemgmt.casefile;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of the case file's {@link CaseDetails}: the generated implementation, its builder and
 * withers are package-private, so users obtain case files only through {@link CaseFile#open},
 * {@link CaseFile#handle}, {@link CaseFile#evolve} and {@link CaseFile#replay} and can never build an illegal one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
    jdkOnly = true,
    allowedClasspathAnnotations = {Override.class},
    defaults = @Value.Immutable(copy = true, prehash = false))
@interface AggregateStyle {}
