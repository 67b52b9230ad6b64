/**
 * JUnit 5 integration for awssim. The {@code @SimulatedAws} extension arrives with its own issue; until
 * then, build a {@code Simulation} in the test and clients with {@code SimulatedClients}.
 */
package io.github.awssim.junit;
