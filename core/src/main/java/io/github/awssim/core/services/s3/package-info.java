/**
 * Amazon S3, simulated. API: {@link io.github.awssim.core.services.s3.S3Simulator} (the backend and the typed
 * state API, from {@code sim.s3()}), and the values it takes and gives:
 * {@link io.github.awssim.core.services.s3.StoredObject}, {@link io.github.awssim.core.services.s3.S3Fault}.
 * The package-private classes beside them hold the state, the storage and the rules and are not API.
 */
package io.github.awssim.core.services.s3;
