package io.github.awssim.sdk;

import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpService;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The SDK's async HTTP-client SPI, answered by awssim: set
 * {@code -Dsoftware.amazon.awssdk.http.async.service.impl=io.github.awssim.sdk.SimulatedAsyncHttpService}
 * and every async client built without an explicit HTTP client reaches {@link GlobalSimulation#current()}.
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
            return SimulatedHttpClient.routed();
        }
    }
}
