package io.github.awssim.sdk.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.awssim.core.Execution;
import io.github.awssim.core.Outcome;
import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.MarketplaceMeteringException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;

/**
 * What a long run keeps per call stays small (README, Performance): repeated short values are one String,
 * identical calls share their answer, and the shortcuts that buy this change no answer.
 */
class MeteringFootprintTest {
    static final Instant NOW = Instant.parse("2026-01-01T10:15:00Z");

    @Test
    void identicalCallsShareTheirValuesAndTheirAnswer() {
        try (Simulation sim = Simulation.builder().startTime(NOW).build();
             MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class)) {
            for (int i = 0; i < 10; i++) {
                client.meterUsage(r -> r.productCode("prod-footprint").usageDimension("Users").usageQuantity(3).timestamp(NOW));
            }

            List<Execution> calls = sim.journal().executions(MeterUsageRequest.class);
            // The string cache is shared with tests running beside this one, which may take a slot in between:
            // without sharing there would be 10 copies of each.
            Set<String> codes = Collections.newSetFromMap(new IdentityHashMap<>());
            Set<String> dimensions = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Execution call : calls) {
                codes.add(call.request(MeterUsageRequest.class).productCode());
                dimensions.add(call.request(MeterUsageRequest.class).usageDimension());
            }
            assertThat(codes).hasSizeLessThan(5);
            assertThat(dimensions).hasSizeLessThan(5);
            assertThat(calls.get(1).request(MeterUsageRequest.class).clientToken())
                .isNotEqualTo(calls.get(0).request(MeterUsageRequest.class).clientToken());   // a fresh token per call
            Outcome.Response a = (Outcome.Response) calls.get(0).outcome();
            Outcome.Response b = (Outcome.Response) calls.get(1).outcome();
            assertThat(b.response()).isSameAs(a.response());
            assertThat(calls.get(1).attempts()).singleElement()
                .satisfies(at -> assertThat(at.at()).isEqualTo(NOW))
                .satisfies(at -> assertThat(at.number()).isEqualTo(1));
        }
    }

    /** Validation remembers the last value a pattern matched; a value that breaks it still fails. */
    @Test
    void aPatternStillRejectsAfterMatching() {
        try (Simulation sim = Simulation.builder().startTime(NOW).build();
             MarketplaceMeteringClient client = SimulatedClients.create(sim, MarketplaceMeteringClient.class)) {
            client.meterUsage(r -> r.productCode("prod-1").usageDimension("Users").usageQuantity(1).timestamp(NOW));

            MarketplaceMeteringException e = catchThrowableOfType(MarketplaceMeteringException.class,
                () -> client.meterUsage(r -> r.productCode("prod 1").usageDimension("Users").usageQuantity(1).timestamp(NOW)));

            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'prod 1' at "
                + "'productCode' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "^[-a-zA-Z0-9/=:_.@]*$");
            client.meterUsage(r -> r.productCode("prod-1").usageDimension("Users").usageQuantity(1).timestamp(NOW));
            assertThat(sim.journal().size()).isEqualTo(3);
        }
    }
}
