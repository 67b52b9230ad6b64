package io.github.awssim.core.services.costprofiler;

import java.time.Instant;

/** One call as the rules see it: which operation, whose account, which region, and the simulation time it arrived. */
record Call(String operation, String accountId, String region, Instant now) {
}
