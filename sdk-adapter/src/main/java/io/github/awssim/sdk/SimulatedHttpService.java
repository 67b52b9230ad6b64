package io.github.awssim.sdk;

import io.github.awssim.core.Simulation;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
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
            Simulation builtFor = GlobalSimulation.boundToCurrentThread();
            return builtFor == null ? SimulatedHttpClient.routed() : new BuiltForBinding(builtFor);
        }
    }

    /** Routes each attempt as {@link GlobalSimulation} says, remembering the simulation bound when it was built. */
    private static final class BuiltForBinding implements SdkHttpClient {
        private final Simulation builtFor;

        BuiltForBinding(Simulation builtFor) {
            this.builtFor = builtFor;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return SimulatedHttpClient.create(GlobalSimulation.route(builtFor)).prepareRequest(request);
        }

        @Override
        public String clientName() {
            return SimulatedHttpClient.CLIENT_NAME;
        }

        @Override
        public void close() {
        }
    }
}
