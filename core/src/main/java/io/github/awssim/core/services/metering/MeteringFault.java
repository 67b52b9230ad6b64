package io.github.awssim.core.services.metering;

/**
 * Service-side failures {@link MeteringSimulator#failNext(int, MeteringFault)} makes the next calls answer,
 * before any rule runs and without recording anything. Both are errors the SDK retries, so a client
 * with retries sees them in {@code numAttempts()} and only throws once its attempts run out.
 */
public enum MeteringFault {
    /**
     * {@code ThrottlingException}, HTTP 400: "the calls to the API are throttled". The SDK classifies
     * the code as throttling and retries it with throttling backoff.
     */
    THROTTLING,

    /**
     * {@code InternalServiceErrorException}, HTTP 500: "an internal error has occurred; retry your request".
     * The SDK retries it as a 5xx.
     */
    INTERNAL_ERROR
}
