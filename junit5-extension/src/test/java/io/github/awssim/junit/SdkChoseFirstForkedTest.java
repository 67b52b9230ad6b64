package io.github.awssim.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;

/**
 * The SDK picks its default HTTP client once per JVM. Here (a JVM of its own: the {@code sdk-chose-first}
 * surefire execution) a client is built before any zero-code test, so the SDK settles on Apache, and the
 * zero-code test says what happened and how to fix it instead of letting calls leave for AWS.
 */
class SdkChoseFirstForkedTest {

    @Test
    void aZeroCodeTestAfterTheSdkChoseAnotherHttpClientSaysSo() {
        MarketplaceMeteringClient.builder().region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create()).build().close();

        Throwable failure = EngineRun.onlyFailure(EngineRun.sequential().run(ZeroCode.class));

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class).hasMessage(
            "awssim: cannot switch on the zero-code swap for ZeroCode.test(): the AWS SDK already chose its default sync HTTP "
                + "client (Apache) in this JVM, and it decides once per JVM, when the first client without an explicit "
                + ".httpClient(...) is built. Clients that code under test builds itself would reach real AWS. Either start "
                + "the test JVM with the swap's system properties, so no test can come first, e.g. in maven-surefire-plugin's "
                + "<systemPropertyVariables>: <software.amazon.awssdk.http.service.impl>io.github.awssim.sdk.SimulatedHttpService"
                + "</software.amazon.awssdk.http.service.impl> and <software.amazon.awssdk.http.async.service.impl>"
                + "io.github.awssim.sdk.SimulatedAsyncHttpService</software.amazon.awssdk.http.async.service.impl>; or, if "
                + "this test only uses injected clients, @SimulatedAws(zeroCodeSwap = false).");
        assertThat(System.getProperty("aws.region")).as("restored after the failure").isNull();
        assertThat(EngineRun.failures(EngineRun.sequential().run(InjectedOnly.class))).isEmpty();
    }

    @Fixture
    @SimulatedAws
    static class ZeroCode {
        @Test
        void test(Simulation sim) {
        }
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class InjectedOnly {
        @Test
        void test(Simulation sim, MarketplaceMeteringClient metering) {
            metering.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1).timestamp(sim.clock().instant()));
        }
    }
}
