package io.github.awssim.samples;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.BatchMeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.RegisterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.RegisterUsageResponse;
import software.amazon.awssdk.services.marketplacemetering.model.ResolveCustomerRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ResolveCustomerResponse;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;

/**
 * A Metering backend that answers {@code ThrottlingException} to the next {@code n} MeterUsage calls and
 * then hands every call to the simulator it wraps. A backend is just the SDK's client interface, so this
 * is all a hand-made fault takes.
 */
public final class ThrottleFirstCalls implements MarketplaceMeteringClient {
    private final MarketplaceMeteringClient simulator;
    private final AtomicInteger remaining;

    public ThrottleFirstCalls(MarketplaceMeteringClient simulator, int n) {
        this.simulator = simulator;
        this.remaining = new AtomicInteger(n);
    }

    @Override
    public MeterUsageResponse meterUsage(MeterUsageRequest request) {
        if (remaining.getAndDecrement() > 0) {
            throw ThrottlingException.builder().message("Rate exceeded").build();
        }
        return simulator.meterUsage(request);
    }

    @Override
    public BatchMeterUsageResponse batchMeterUsage(BatchMeterUsageRequest request) {
        return simulator.batchMeterUsage(request);
    }

    @Override
    public RegisterUsageResponse registerUsage(RegisterUsageRequest request) {
        return simulator.registerUsage(request);
    }

    @Override
    public ResolveCustomerResponse resolveCustomer(ResolveCustomerRequest request) {
        return simulator.resolveCustomer(request);
    }

    @Override
    public String serviceName() {
        return simulator.serviceName();
    }

    @Override
    public void close() {
    }
}
