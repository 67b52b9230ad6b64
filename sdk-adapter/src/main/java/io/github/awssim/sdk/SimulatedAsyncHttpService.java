package io.github.awssim.sdk;

import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpService;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The SDK's async HTTP-client SPI, answered by awssim: set
 * {@code -Dsoftware.amazon.awssdk.http.async.service.impl=io.github.awssim.sdk.SimulatedAsyncHttpService}
 * and every async client built without an explicit HTTP client reaches a simulation chosen by
 * {@link GlobalSimulation} (the one bound to the thread making the attempt, else the one bound to the
 * thread that built the client, else {@link GlobalSimulation#current()}). Retries of an async call run
 * on the SDK's own threads; they reach the simulation the call's first attempt reached.
 */
public final class SimulatedAsyncHttpService implements SdkAsyncHttpService {
    public SimulatedAsyncHttpService() {
    }

    @Override
    public SdkAsyncHttpClient.Builder createAsyncHttpClientFactory() {
        return new Factory();
    }

    private static final class Factory implements SdkAsyncHttpClient.Builder<Factory> {
        @Override
        public SdkAsyncHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            // The SDK builds its default HTTP client on the thread that builds the service client.
            return SimulatedHttpClient.routed(GlobalSimulation.boundToCurrentThread());
        }
    }
}
