/**
 * The audit log (ISO 10002 4.12): every action on a complaint, the engine's included, in one hash chain;
 * its sealer, its verification and the staff endpoint that runs it.
 */
package org.complaints.audit;
