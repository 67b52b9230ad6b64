package io.github.awssim.junit.internal;

import io.github.awssim.sdk.SimulatedHttpClient;
import software.amazon.awssdk.core.internal.http.loader.DefaultSdkAsyncHttpClientBuilder;
import software.amazon.awssdk.core.internal.http.loader.DefaultSdkHttpClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Asks the SDK which default HTTP clients it gives clients built without {@code .httpClient(...)}. The SDK
 * settles that once per JVM, at the first such client (sdk-internals.md §2); asking while the swap's
 * properties are set settles it on awssim if nothing came first, and tells when something did. Uses the
 * SDK's internal loader, the very code its client builders call; if a later SDK moves it, the check is
 * skipped rather than failing tests.
 */
final class SdkDefaultHttpClients {
    private SdkDefaultHttpClients() {
    }

    /** Null when both defaults are awssim's; else "sync"/"async" and the name of the client the SDK chose. */
    static String[] notAwssim() {
        try {
            try (SdkHttpClient sync = new DefaultSdkHttpClientBuilder().buildWithDefaults(AttributeMap.empty())) {
                if (!SimulatedHttpClient.CLIENT_NAME.equals(sync.clientName())) {
                    return new String[] {"sync", sync.clientName()};
                }
            }
            try (SdkAsyncHttpClient async = new DefaultSdkAsyncHttpClientBuilder().buildWithDefaults(AttributeMap.empty())) {
                if (!SimulatedHttpClient.CLIENT_NAME.equals(async.clientName())) {
                    return new String[] {"async", async.clientName()};
                }
            }
            return null;
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }
}
