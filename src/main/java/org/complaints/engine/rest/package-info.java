/**
 * The engine's REST API as the application serves it: HTTP Basic on {@code /engine-rest}, the webapps'
 * session for staff pages, and refusals and conflicts mapped to 400 and 409.
 */
package org.complaints.engine.rest;
