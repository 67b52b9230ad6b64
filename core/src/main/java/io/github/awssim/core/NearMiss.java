package io.github.awssim.core;

import java.util.List;
import software.amazon.awssdk.core.SdkRequest;

/**
 * A call that matched none of its operation's stubs, with why each stub missed: the members that
 * differed from a partial request, or the condition that was false.
 *
 * @param operation the operation, e.g. {@code MarketplaceMetering.MeterUsage}
 * @param request the request as the service received it
 * @param misses one line per stub, newest first, e.g. {@code stub #2 [UsageDimension='Hosts']: UsageDimension was 'Users'}
 */
public record NearMiss(String operation, SdkRequest request, List<String> misses) {
    @Override
    public String toString() {
        return operation + " matched none of its stubs:\n  " + String.join("\n  ", misses);
    }
}
