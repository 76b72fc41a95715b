/**
 * The engine's side of the audit log ({@code audit}): a history event handler beside the engine's own.
 */
package org.complaints.engine.audit;
