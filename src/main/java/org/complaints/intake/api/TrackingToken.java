package org.complaints.intake.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The complainant's tracking token of a request, from the {@value TrackingTokens#HEADER} header or, where a client
 * cannot set headers, the {@code ?}{@value TrackingTokens#QUERY} parameter (the header wins). Null when the request
 * carries neither; the status service then refuses it as it refuses a wrong token. {@link TrackingTokens} resolves
 * it and describes both ways in the API description.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@interface TrackingToken {}
