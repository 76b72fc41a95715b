/**
 * The application's clock, which follows the engine clock ({@code deadlines}).
 */
package org.complaints.engine.clock;
