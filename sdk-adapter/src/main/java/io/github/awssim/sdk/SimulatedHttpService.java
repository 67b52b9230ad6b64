package io.github.awssim.sdk;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The SDK's sync HTTP-client SPI, answered by awssim: set
 * {@code -Dsoftware.amazon.awssdk.http.service.impl=io.github.awssim.sdk.SimulatedHttpService} and every
 * sync client built without an explicit HTTP client reaches a simulation chosen by {@link GlobalSimulation}
 * (the one bound to the calling thread, else the one bound to the thread that built the client, else
 * {@link GlobalSimulation#current()}).
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
            // The SDK builds its default HTTP client on the thread that builds the service client.
            return SimulatedHttpClient.routed(GlobalSimulation.boundToCurrentThread());
        }
    }
}
