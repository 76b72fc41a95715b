/**
 * Engine settings for running on PostgreSQL and on several nodes ({@code operations}): job executor per
 * node, lock release on stop, indexes, task query planning, the timer arithmetic's XML factory.
 */
package org.complaints.engine.operations;
