/**
 * AssertJ assertions on a simulation's journal, executions and stubs, whose failures print what did
 * happen. Needs {@code org.assertj:assertj-core} on the test classpath.
 *
 * <pre>{@code
 * import static io.github.awssim.core.assertions.AwsSimAssertions.assertThat;
 *
 * assertThat(sim.journal()).hasExecutions(MeterUsageRequest.class, 3).hasOnlyExecutionsOf(MeterUsageRequest.class);
 * assertThat(sim.journal()).lastExecution().hasAttempts(3).succeeded();
 * assertThat(sim.stubs()).areAllUsed();
 * }</pre>
 */
package io.github.awssim.core.assertions;
