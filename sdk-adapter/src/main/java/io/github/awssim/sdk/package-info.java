/**
 * Puts an awssim {@link io.github.awssim.core.Simulation} under real AWS SDK for Java v2 clients.
 * Front doors: {@link io.github.awssim.sdk.SimulatedHttpClient} (one builder line),
 * {@link io.github.awssim.sdk.SimulatedClients} (ready clients), and the zero-code swap through the
 * SDK's HTTP-client SPI ({@link io.github.awssim.sdk.SimulatedHttpService},
 * {@link io.github.awssim.sdk.GlobalSimulation}).
 */
package io.github.awssim.sdk;
