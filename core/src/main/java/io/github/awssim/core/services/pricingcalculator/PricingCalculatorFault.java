package io.github.awssim.core.services.pricingcalculator;

/**
 * Service-side failures {@link PricingCalculatorSimulator#failNext(int, PricingCalculatorFault)} makes the next
 * calls answer, before any rule runs and without changing anything. A queued fault strikes the next call to an
 * operation whose model declares it and lets other calls pass.
 */
public enum PricingCalculatorFault {
    /**
     * {@code ThrottlingException}, HTTP 429, {@code retryAfterSeconds} 1: every operation declares it. The SDK
     * classifies it as throttling and retries with throttling backoff.
     */
    THROTTLING,

    /** {@code InternalServerException}, HTTP 500: every operation declares it. The SDK retries it as a 5xx. */
    INTERNAL_ERROR,

    /**
     * {@code DataUnavailableException}, HTTP 400, "the requested data is currently unavailable": declared by every
     * operation except TagResource, UntagResource and ListTagsForResource, which it passes by. Not retried.
     */
    DATA_UNAVAILABLE
}
