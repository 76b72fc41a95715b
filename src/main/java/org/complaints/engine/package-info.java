/**
 * The engine's home: everything that uses Camunda's internal API lives under this package, one sub-package per
 * concern it serves (listed with its hooks in {@code docs/engine-extensions.md}). The package itself holds the small
 * adapters every concern uses: form values read in whatever shape they arrive, the current user, refusals of bad
 * input.
 */
package org.complaints.engine;
