package io.github.awssim.core.services.pricingcalculator;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The price of one unit of usage, in USD, for a (service code, usage type, operation) — what a bill estimate
 * or workload estimate multiplies usage amounts by. Set it with
 * {@link PricingCalculatorSimulator#rate(Rate)}; immutable.
 *
 * <pre>{@code
 * sim.pricingCalculator().rate(Rate.of("AmazonEC2", "BoxUsage:t3.micro", "RunInstances", new BigDecimal("0.0104"))
 *         .withUnit("Hrs").withLocation("US East (N. Virginia)"));
 * }</pre>
 *
 * @param serviceCode e.g. {@code AmazonEC2}
 * @param usageType e.g. {@code BoxUsage:t3.micro}
 * @param operation e.g. {@code RunInstances}
 * @param pricePerUnit USD per unit of usage, zero or more
 * @param unit the unit usage amounts are counted in, e.g. {@code Hrs}; shown in quantities, may be null
 * @param location the location line items show, e.g. {@code US East (N. Virginia)}; may be null
 */
public record Rate(String serviceCode, String usageType, String operation, BigDecimal pricePerUnit, String unit,
                   String location) {
    public Rate {
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(usageType, "usageType");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(pricePerUnit, "pricePerUnit");
        if (pricePerUnit.signum() < 0) {
            throw new IllegalArgumentException(PricingCalculatorMessages.negativeRate(serviceCode, usageType, operation,
                pricePerUnit));
        }
    }

    /** A rate without unit or location. */
    public static Rate of(String serviceCode, String usageType, String operation, BigDecimal pricePerUnit) {
        return new Rate(serviceCode, usageType, operation, pricePerUnit, null, null);
    }

    /** This rate counted in {@code unit} (e.g. {@code Hrs}, {@code GB-Mo}). */
    public Rate withUnit(String unit) {
        return new Rate(serviceCode, usageType, operation, pricePerUnit, unit, location);
    }

    /** This rate with the location its line items show. */
    public Rate withLocation(String location) {
        return new Rate(serviceCode, usageType, operation, pricePerUnit, unit, location);
    }

    /** This rate with another price. */
    public Rate withPricePerUnit(BigDecimal pricePerUnit) {
        return new Rate(serviceCode, usageType, operation, pricePerUnit, unit, location);
    }

    /** The key usage lines are priced by. */
    RateKey key() {
        return new RateKey(serviceCode, usageType, operation);
    }

    /** (service code, usage type, operation). */
    record RateKey(String serviceCode, String usageType, String operation) {
        @Override
        public String toString() {
            return serviceCode + " / " + usageType + " / " + operation;
        }
    }
}
