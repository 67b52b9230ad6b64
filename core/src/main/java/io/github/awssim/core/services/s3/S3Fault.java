package io.github.awssim.core.services.s3;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Service-side failures {@link S3Simulator#failNext(int, S3Fault)} makes the next calls answer, before any
 * rule runs and without changing anything. All three are errors the SDK retries, so a client with
 * retries sees them in {@code numAttempts()} and only throws once its attempts run out.
 */
public enum S3Fault {
    /** {@code SlowDown}, HTTP 503: "Please reduce your request rate." The SDK retries it as throttling. */
    SLOW_DOWN,

    /** {@code InternalError}, HTTP 500: "We encountered an internal error. Please try again." Retried as a 5xx. */
    INTERNAL_ERROR,

    /**
     * {@code InternalError} inside an HTTP <b>200</b> answer, as S3 sends when CopyObject, UploadPartCopy or
     * CompleteMultipartUpload fails after it began: the SDK finds the {@code <Error>} document in the body,
     * throws {@code S3Exception} with status 200, and retries it ({@code InternalError} is retryable). Other
     * operations cannot carry it and answer {@link #INTERNAL_ERROR} instead.
     */
    INTERNAL_ERROR_IN_200_RESPONSE;

    AwsServiceException exception(String operation) {
        switch (this) {
            case SLOW_DOWN:
                return S3Errors.error("SlowDown", "Please reduce your request rate.");
            case INTERNAL_ERROR_IN_200_RESPONSE:
                if (S3State.ERROR_IN_200_OPERATIONS.contains(operation)) {
                    return S3Errors.inOkResponse("InternalError", "We encountered an internal error. Please try again.");
                }
                return S3Errors.error("InternalError", "We encountered an internal error. Please try again.");
            default:
                return S3Errors.error("InternalError", "We encountered an internal error. Please try again.");
        }
    }
}
