package io.github.awssim.core.services.metering;

import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/**
 * AWS Marketplace Metering, simulated: the backend awssim answers Metering calls with, and the typed
 * API tests use to seed and read its state. Obtain it with {@code sim.metering()}.
 */
public interface MeteringSimulator extends MarketplaceMeteringClient {
}
