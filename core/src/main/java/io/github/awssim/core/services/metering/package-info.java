/**
 * AWS Marketplace Metering, simulated. API: {@link io.github.awssim.core.services.metering.MeteringSimulator}
 * (the backend and the typed state API, from {@code sim.metering()}), and the values it takes and gives:
 * {@link io.github.awssim.core.services.metering.CallerIdentity},
 * {@link io.github.awssim.core.services.metering.MeteringRecord},
 * {@link io.github.awssim.core.services.metering.MeteringOperation},
 * {@link io.github.awssim.core.services.metering.MeteringFault}. The package-private classes beside them
 * hold the state and the rules and are not API.
 */
package io.github.awssim.core.services.metering;
