package io.github.awssim.junit.internal;

import io.github.awssim.sdk.SimulatedHttpClient;
import java.net.URI;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/**
 * Asks the SDK which default HTTP clients it gives clients built without {@code .httpClient(...)}. The SDK
 * settles that once per JVM, at the first such client (sdk-internals.md §2); asking while the swap's
 * properties are set settles it on awssim if nothing came first, and tells when something did.
 *
 * <p>Only public SDK API: a probe client is built the ordinary way and one call is started; the SDK puts
 * its HTTP client's name in the User-Agent ({@code md/http#<name>}) before {@code beforeTransmission},
 * where the probe reads it and stops the call, so nothing is sent anywhere.
 */
final class SdkDefaultHttpClients {
    private static final URI NOWHERE = URI.create("http://awssim-probe.invalid");

    private SdkDefaultHttpClients() {
    }

    /** Stops the probe call once the User-Agent is known. */
    private static final class Seen extends RuntimeException {
        private final String clientName;

        Seen(String clientName) {
            super(null, null, false, false);
            this.clientName = clientName;
        }
    }

    private static final class Probe implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            String agent = context.httpRequest().firstMatchingHeader("User-Agent").orElse("");
            int i = agent.indexOf("md/http#");
            String name = i < 0 ? "unknown" : agent.substring(i + "md/http#".length()).split(" ")[0];
            throw new Seen(name);
        }
    }

    /** Null when both defaults are awssim's; else "sync"/"async" and the name of the client the SDK chose. */
    static String[] notAwssim() {
        try {
            String sync = syncClientName();
            if (!SimulatedHttpClient.CLIENT_NAME.equals(sync)) {
                return new String[] {"sync", sync};
            }
            String async = asyncClientName();
            if (!SimulatedHttpClient.CLIENT_NAME.equals(async)) {
                return new String[] {"async", async};
            }
            return null;
        } catch (RuntimeException | LinkageError e) {
            return null;   // could not tell: leave the decision to the safety net
        }
    }

    private static String syncClientName() {
        try (MarketplaceMeteringClient probe = MarketplaceMeteringClient.builder().region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create()).endpointOverride(NOWHERE)
            .overrideConfiguration(o -> o.addExecutionInterceptor(new Probe())).build()) {
            probe.resolveCustomer(r -> r.registrationToken("probe"));
            return "unknown";
        } catch (Seen seen) {
            return seen.clientName;
        }
    }

    private static String asyncClientName() {
        try (MarketplaceMeteringAsyncClient probe = MarketplaceMeteringAsyncClient.builder().region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create()).endpointOverride(NOWHERE)
            .overrideConfiguration(o -> o.addExecutionInterceptor(new Probe())).build()) {
            probe.resolveCustomer(r -> r.registrationToken("probe")).join();
            return "unknown";
        } catch (CompletionException e) {
            Throwable t = e;
            while (t != null && !(t instanceof Seen)) {
                t = t.getCause();
            }
            if (t == null) {
                throw e;
            }
            return ((Seen) t).clientName;
        }
    }
}
