package io.github.awssim.core.services.pricingcalculator;

import io.github.awssim.core.internal.Partitions;
import java.util.function.Supplier;

/**
 * All mutable state of one simulation's Pricing Calculator: a {@link Partition} per account and region, and the
 * price list every partition shares. A {@link PricingCalculatorSimulator}, its views and any Mockito spy of it
 * share one instance.
 */
final class PricingCalculatorState {
    final Partitions<Partition> partitions = new Partitions<>(Partition::new);
    final Prices prices = new Prices();
    final Pages pages;
    final Supplier<String> uuids;

    PricingCalculatorState(long seed, Supplier<String> uuids) {
        this.pages = new Pages(seed);
        this.uuids = uuids;
    }
}
