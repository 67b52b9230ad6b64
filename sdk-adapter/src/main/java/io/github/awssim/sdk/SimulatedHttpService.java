package io.github.awssim.sdk;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The SDK's sync HTTP-client SPI, answered by awssim: set
 * {@code -Dsoftware.amazon.awssdk.http.service.impl=io.github.awssim.sdk.SimulatedHttpService} and every
 * sync client built without an explicit HTTP client reaches {@link GlobalSimulation#current()}.
 */
public final class SimulatedHttpService implements SdkHttpService {
    public SimulatedHttpService() {
    }

    @Override
    public SdkHttpClient.Builder createHttpClientBuilder() {
        return new Factory();
    }

    private static final class Factory implements SdkHttpClient.Builder<Factory> {
        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return SimulatedHttpClient.routed();
        }
    }
}
