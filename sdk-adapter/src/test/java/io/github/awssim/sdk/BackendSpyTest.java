package io.github.awssim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.github.awssim.core.Simulation;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringAsyncClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;

/** A backend is the SDK client interface, so Mockito works on it and counts what reached the service. */
class BackendSpyTest {
    @Test
    void aSpiedSimulatorCountsEveryAttemptThatReachedTheService() {
        Simulation sim = Simulation.builder().startTime(Instant.parse("2026-05-01T08:30:00Z")).build();
        MarketplaceMeteringClient backend = spy(sim.backend(MarketplaceMeteringClient.class));
        sim.register(MarketplaceMeteringClient.class, backend);
        Mockito.doThrow(ThrottlingException.builder().message("Rate exceeded").build())
            .doThrow(ThrottlingException.builder().message("Rate exceeded").build())
            .doCallRealMethod()
            .when(backend).meterUsage(any(MeterUsageRequest.class));

        MeterUsageResponse r = SimulatedClients.create(sim, MarketplaceMeteringClient.class)
            .meterUsage(b -> b.productCode("prod-1").usageDimension("Users").usageQuantity(1).timestamp(sim.clock().instant()));

        assertThat(r.meteringRecordId()).isNotBlank();
        verify(backend, times(3)).meterUsage(any(MeterUsageRequest.class));
        assertThat(sim.journal().last().attemptCount()).isEqualTo(3);
        doCallRealMethod().when(backend).meterUsage(any(MeterUsageRequest.class));
    }

    @Test
    void theSpyOfTheSyncInterfaceCountsTheAttemptsOfAnAsyncClientToo() {
        Simulation sim = Simulation.builder().startTime(Instant.parse("2026-05-01T08:30:00Z")).build();
        MarketplaceMeteringClient backend = spy(sim.backend(MarketplaceMeteringClient.class));
        sim.register(MarketplaceMeteringClient.class, backend);
        Mockito.doThrow(ThrottlingException.builder().message("Rate exceeded").build())
            .doCallRealMethod()
            .when(backend).meterUsage(any(MeterUsageRequest.class));

        MeterUsageResponse r = SimulatedClients.create(sim, MarketplaceMeteringAsyncClient.class)
            .meterUsage(b -> b.productCode("prod-1").usageDimension("Users").usageQuantity(1).timestamp(sim.clock().instant()))
            .join();

        assertThat(r.meteringRecordId()).isNotBlank();
        verify(backend, times(2)).meterUsage(any(MeterUsageRequest.class));   // the throttled attempt and its retry
        assertThat(sim.metering().records()).as("the spy shares the simulator's state").hasSize(1);
    }
}
