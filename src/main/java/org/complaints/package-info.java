/**
 * The complaint-handling application (ISO 10002:2018 on Camunda 7): one package per concern of the
 * process; the packages' dependencies have no cycle, which {@code ArchitectureTest} checks.
 */
package org.complaints;
