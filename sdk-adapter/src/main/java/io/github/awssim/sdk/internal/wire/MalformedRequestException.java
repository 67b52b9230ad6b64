package io.github.awssim.sdk.internal.wire;

/**
 * The request's bytes do not parse as the protocol requires. Answered with the protocol's own error
 * code ({@code SerializationException} for JSON), never surfaced as an engine stack trace.
 */
public final class MalformedRequestException extends RuntimeException {
    private final String errorCode;

    public MalformedRequestException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public MalformedRequestException(String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
