package io.github.awssim.sdk;

import io.github.awssim.core.Simulation;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpService;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The SDK's async HTTP-client SPI, answered by awssim: set
 * {@code -Dsoftware.amazon.awssdk.http.async.service.impl=io.github.awssim.sdk.SimulatedAsyncHttpService}
 * and every async client built without an explicit HTTP client reaches a simulation chosen by
 * {@link GlobalSimulation} (the one bound to the thread making the attempt, else the one bound to the
 * thread that built the client, else {@link GlobalSimulation#current()}). Retries of an async call run
 * on the SDK's own threads, so they follow the client's build-time binding.
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
            Simulation builtFor = GlobalSimulation.boundToCurrentThread();
            return builtFor == null ? SimulatedHttpClient.routed() : new BuiltForBinding(builtFor);
        }
    }

    /** Routes each attempt as {@link GlobalSimulation} says, remembering the simulation bound when it was built. */
    private static final class BuiltForBinding implements SdkAsyncHttpClient {
        private final Simulation builtFor;

        BuiltForBinding(Simulation builtFor) {
            this.builtFor = builtFor;
        }

        @Override
        public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
            return SimulatedHttpClient.create(GlobalSimulation.route(builtFor)).execute(request);
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
