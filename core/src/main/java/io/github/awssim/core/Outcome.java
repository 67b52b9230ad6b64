package io.github.awssim.core;

import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkResponse;

/**
 * What one attempt of a call ended with, as the service side saw it.
 *
 * <pre>{@code
 * switch (attempt.outcome()) { ... }                       // or:
 * if (execution.outcome() instanceof Outcome.ServiceError e) { e.errorCode(); }
 * }</pre>
 */
public sealed interface Outcome permits Outcome.Response, Outcome.ServiceError, Outcome.TransportFault {

    /** A short label for tables and messages: the response type, the error code, or the fault. */
    String label();

    /** The service answered with a response. */
    record Response(SdkResponse response) implements Outcome {
        public Response {
            Objects.requireNonNull(response, "response");
        }

        @Override
        public String label() {
            return response.getClass().getSimpleName();
        }
    }

    /**
     * The service answered with an error: a modeled exception ({@code DuplicateRequestException}), an
     * unmodeled code ({@code ValidationException} on Metering), or an {@code awssim:} error.
     *
     * @param exception the exception as the service raised it; the SDK client throws its own copy
     * @param errorCode the code on the wire
     * @param httpStatus the HTTP status on the wire
     */
    record ServiceError(AwsServiceException exception, String errorCode, int httpStatus) implements Outcome {
        public ServiceError {
            Objects.requireNonNull(exception, "exception");
            Objects.requireNonNull(errorCode, "errorCode");
        }

        @Override
        public String label() {
            return errorCode;
        }
    }

    /**
     * The attempt failed in transport: the client saw no (complete) answer. {@code engineRan} tells
     * whether the service had already acted on the request, as with a response lost after commit.
     */
    record TransportFault(String fault, boolean engineRan, String detail) implements Outcome {
        public TransportFault {
            Objects.requireNonNull(fault, "fault");
        }

        @Override
        public String label() {
            return fault;
        }
    }
}
