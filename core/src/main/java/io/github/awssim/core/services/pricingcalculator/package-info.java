/**
 * AWS Billing and Cost Management Pricing Calculator, simulated. API:
 * {@link io.github.awssim.core.services.pricingcalculator.PricingCalculatorSimulator} (the backend of all 36
 * operations and the typed API, from {@code sim.pricingCalculator()}), and the values it takes:
 * {@link io.github.awssim.core.services.pricingcalculator.Rate},
 * {@link io.github.awssim.core.services.pricingcalculator.AccountType},
 * {@link io.github.awssim.core.services.pricingcalculator.PricingCalculatorFault},
 * {@link io.github.awssim.core.services.pricingcalculator.PricingCalculatorQuota},
 * {@link io.github.awssim.core.services.pricingcalculator.PricingCalculatorResource}. The package-private classes
 * beside them hold the state and the rules and are not API.
 */
package io.github.awssim.core.services.pricingcalculator;
