package io.github.awssim.core.services.costprofiler;

/**
 * Service-side failures {@link CostProfilerSimulator#failNext(int, CostProfilerFault)} makes the next calls
 * answer, before any rule runs and without changing anything. Every operation declares both.
 */
public enum CostProfilerFault {
    /** {@code ThrottlingException}, HTTP 429: the SDK classifies it as throttling and retries with backoff. */
    THROTTLING,

    /** {@code InternalServerException}, HTTP 500: the SDK retries it as a 5xx. */
    INTERNAL_ERROR
}
