package io.github.awssim.core.services.metering.internal;

import io.github.awssim.core.internal.Engine;
import io.github.awssim.core.internal.ServiceErrors;
import io.github.awssim.core.services.metering.MeteringSimulator;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageResponse;

/** AWS Marketplace Metering, simulated. (Skeleton: the full rule set lands with the metering work.) */
public class DefaultMeteringSimulator implements MeteringSimulator {
    private final Engine engine;
    private final ServiceErrors errors = ServiceErrors.of(MarketplaceMeteringClient.class);

    public DefaultMeteringSimulator(Engine engine) {
        this.engine = engine;
    }

    @Override
    public MeterUsageResponse meterUsage(MeterUsageRequest request) {
        errors.validate("MeterUsage", request).ifPresent(e -> {
            throw e;
        });
        return MeterUsageResponse.builder().meteringRecordId(engine.newUuid()).build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
