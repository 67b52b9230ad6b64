package io.github.awssim.sdk.internal.wire;

/**
 * The request's bytes do not parse as the protocol requires. Answered with the protocol's own error
 * code ({@code SerializationException} for JSON), never surfaced as an engine stack trace.
 */
public final class MalformedRequestException extends RuntimeException {
    private final String errorCode;
    private final String queryParameter;

    public MalformedRequestException(String errorCode, String message) {
        this(errorCode, message, null, null);
    }

    public MalformedRequestException(String errorCode, String message, Throwable cause) {
        this(errorCode, message, cause, null);
    }

    private MalformedRequestException(String errorCode, String message, Throwable cause, String queryParameter) {
        super(message, cause);
        this.errorCode = errorCode;
        this.queryParameter = queryParameter;
    }

    /** The same failure, told to come from the query parameter {@code name}: protocols word those their own way. */
    MalformedRequestException inQueryParameter(String name) {
        return new MalformedRequestException(errorCode, getMessage(), this, name);
    }

    public String errorCode() {
        return errorCode;
    }

    /** The query parameter whose value did not parse, or null when the failure is elsewhere. */
    public String queryParameter() {
        return queryParameter;
    }
}
