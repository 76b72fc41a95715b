package org.complaints.response;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The recourse every decision names (ISO 10002 7.8, ISO 10003).
 *
 * @param externalBody    the external dispute-resolution body
 * @param externalBodyUrl where complainants find it
 */
@ConfigurationProperties("complaints.recourse")
public record RecourseProperties(String externalBody, String externalBodyUrl) {}
