package io.github.awssim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.awssim.core.Simulation;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClientBuilder;

/** Design decision 7: while a simulation is open, nothing reaches real AWS by accident. */
class SafetyNetTest {
    private final Simulation sim = Simulation.create();

    @AfterEach
    void close() {
        sim.close();
    }

    private static MarketplaceMeteringClientBuilder realClient() {
        return MarketplaceMeteringClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.US_EAST_1)
            .credentialsProvider(Clients.CREDENTIALS);
    }

    @Test
    void aClientOnAnotherHttpClientIsStoppedBeforeItLeavesForAws() {
        MarketplaceMeteringClient real = realClient().build();

        assertThatThrownBy(() -> real.meterUsage(b -> b.productCode("p").usageDimension("d").timestamp(sim.clock().instant())))
            .isInstanceOfSatisfying(SdkClientException.class, e -> {
                assertThat(e.numAttempts()).isEqualTo(1);
                assertThat(e.getMessage())
                    .startsWith("awssim: stopped a MarketplaceMetering.MeterUsage call that was about to leave for "
                        + "https://metering.marketplace.us-east-1.amazonaws.com/")
                    .contains(".httpClient(SimulatedHttpClient.create(sim))")
                    .contains("-Dawssim.safetyNet=off");
            });
    }

    @Test
    void anAsyncClientOnAnotherHttpClientIsStoppedBeforeItLeavesForAws() {
        // Any async HTTP client that is not awssim's; this one fails the test's count if the SDK ever reaches it.
        AtomicInteger sent = new AtomicInteger();
        SdkAsyncHttpClient elsewhere = new SdkAsyncHttpClient() {
            @Override
            public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
                sent.incrementAndGet();
                return CompletableFuture.failedFuture(new IOException("would have left for " + request.request().host()));
            }

            @Override
            public String clientName() {
                return "NettyNio";
            }

            @Override
            public void close() {
            }
        };
        try (MarketplaceMeteringAsyncClient real = MarketplaceMeteringAsyncClient.builder().httpClient(elsewhere)
            .region(Region.US_EAST_1).credentialsProvider(Clients.CREDENTIALS).build()) {

            Throwable thrown = catchThrowable(() -> real.meterUsage(b -> b.productCode("p").usageDimension("d")
                .timestamp(sim.clock().instant())).join());

            assertThat(thrown).isInstanceOf(CompletionException.class).cause()
                .isInstanceOfSatisfying(SdkClientException.class, e -> {
                    assertThat(e.numAttempts()).isEqualTo(1);
                    assertThat(e.getMessage()).startsWith("awssim: stopped a MarketplaceMetering.MeterUsage call that was "
                        + "about to leave for https://metering.marketplace.us-east-1.amazonaws.com/");
                });
            assertThat(sent).as("attempts that reached the other HTTP client").hasValue(0);
        }
    }

    @Test
    void endpointsThatAreNotAwsAreLeftAlone() {
        // A local emulator (LocalStack, a WireMock) is not real AWS: the request goes out and fails on its own.
        MarketplaceMeteringClient local = realClient().endpointOverride(URI.create("http://127.0.0.1:9"))
            .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build();

        assertThatThrownBy(() -> local.meterUsage(b -> b.productCode("p").usageDimension("d").timestamp(sim.clock().instant())))
            .isInstanceOf(SdkClientException.class)
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("awssim:"));
    }
}
