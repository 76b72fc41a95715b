package org.complaints.response;

import java.math.BigDecimal;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a proposed resolution needs a complaint manager's approval (ISO 10002 7.7).
 *
 * @param approvalMonetaryLimit a monetary remedy above this amount (EUR) needs approval
 * @param approvalPriorities    priorities whose resolutions always need approval
 */
@ConfigurationProperties("complaints.response")
public record ResponseProperties(
        @DefaultValue("500") BigDecimal approvalMonetaryLimit,
        @DefaultValue({"high", "urgent"}) Set<String> approvalPriorities) {}
