/**
 * Running the application: metrics, the outbox's health, this node among several (job lock owner, release
 * on stop), and the engine settings and indexes that keep it fast on PostgreSQL.
 */
package org.complaints.operations;
