/**
 * Fault injection as data: an immutable {@link io.github.awssim.core.faults.FaultPlan} of
 * {@link io.github.awssim.core.faults.FaultRule}s, installed on a simulation with
 * {@code sim.install(plan)}. The engine decides which attempt a rule strikes, drawing from the
 * simulation's seed; the SDK adapter makes transport faults happen on the wire.
 */
package io.github.awssim.core.faults;
