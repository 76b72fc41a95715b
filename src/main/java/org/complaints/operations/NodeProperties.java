package org.complaints.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This node among several on one database.
 *
 * @param id              the node's name, unique among the nodes and the same across its restarts (e.g. host
 *                        name plus instance); the job executor locks jobs under it. Empty: a random name per start
 * @param shutdownJobWait when the node stops, how long jobs already running get to finish; jobs it had taken but
 *                        not started are released at once, for another node to run
 */
@ConfigurationProperties("complaints.node")
public record NodeProperties(String id, @DefaultValue("20s") Duration shutdownJobWait) {

    public boolean named() {
        return id != null && !id.isBlank();
    }
}
