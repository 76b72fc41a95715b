package org.complaints.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The open period after an out-of-scope or not-a-complaint explanation (ISO 10002 7.5, 7.8): the complaint stays
 * open this long so that the complainant can add information or disagree, and a complaint manager answers such a
 * reaction within the review time.
 *
 * @param openDays   working days after the explanation during which the complainant can still react
 * @param reviewDays working days a complaint manager has to confirm the closure or send it back to assessment
 */
@ConfigurationProperties("complaints.deadlines.out-of-scope")
public record ScopeDeadlineProperties(
        @DefaultValue("10") int openDays, @DefaultValue("2") int reviewDays) {}
