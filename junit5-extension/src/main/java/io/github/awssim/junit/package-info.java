/**
 * JUnit Jupiter integration for awssim (Jupiter 5.13+ and 6.x): {@link io.github.awssim.junit.SimulatedAws}
 * gives each test a fresh simulation, injects it, SDK clients bound to it and Mockito-spied backends
 * ({@link io.github.awssim.junit.SpiedBackend}), and switches on the zero-code swap for code under test
 * that builds its own clients. {@link io.github.awssim.junit.SimulatedAwsExtension#builder()} is its
 * programmatic twin; {@link io.github.awssim.junit.CustomizeSimulation} lets annotations (awssim's fault and
 * state annotations, and your own) customize each new simulation.
 */
package io.github.awssim.junit;
