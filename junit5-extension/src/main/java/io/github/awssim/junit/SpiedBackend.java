package io.github.awssim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a Mockito spy of a service's backend, registered in the test's simulation: it behaves as the
 * backend (sharing the simulator's state) and records every attempt that reached the service, retries
 * included.
 *
 * <pre>{@code
 * @Test
 * void throttledCallsAreRetried(MarketplaceMeteringClient metering, @SpiedBackend MarketplaceMeteringClient backend) {
 *     doThrow(ThrottlingException.builder().message("Rate exceeded").build())
 *             .doCallRealMethod().when(backend).meterUsage(any(MeterUsageRequest.class));
 *
 *     metering.meterUsage(r -> r.productCode("prod-1").usageDimension("Users").usageQuantity(1).timestamp(Instant.now()));
 *
 *     verify(backend, times(2)).meterUsage(any(MeterUsageRequest.class));
 * }
 * }</pre>
 *
 * The parameter's type is the service's <em>sync</em> client interface (it answers async clients too).
 * There is one spy per simulation: every parameter that asks for it, in the test and its lifecycle
 * methods, gets the same one; with {@code scope = CLASS} it is shared, like the simulation. Needs
 * {@code org.mockito:mockito-core} on the test class path.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface SpiedBackend {
}
