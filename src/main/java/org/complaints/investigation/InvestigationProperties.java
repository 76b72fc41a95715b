package org.complaints.investigation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param relatedLookbackDays how far back related complaints are searched (ISO 10002 7.6, 8.2) */
@ConfigurationProperties("complaints.investigation")
public record InvestigationProperties(@DefaultValue("365") int relatedLookbackDays) {}
