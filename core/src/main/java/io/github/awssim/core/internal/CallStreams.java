package io.github.awssim.core.internal;

import java.io.IOException;
import java.util.Optional;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.AbortableInputStream;

/**
 * The streaming parts of one attempt, which travel beside the typed request: the body a streaming-input
 * operation reads ({@code putObject(PutObjectRequest, RequestBody)}), and the body a streaming-output
 * operation answers with ({@code getObject(GetObjectRequest, ResponseTransformer)}), which the engine
 * captures through the {@code ResponseTransformer} it hands the backend. Neither is ever read into
 * memory by the engine: the adapter streams them from and to the wire.
 *
 * <p>Thread-safe: the backend may answer on the dispatching thread, the adapter reads on another.
 */
public final class CallStreams {
    private final RequestBody requestBody;
    private volatile SdkResponse response;
    private volatile AbortableInputStream responseBody;

    /** @param requestBody the request's streaming body, or null when it carries none */
    public CallStreams(RequestBody requestBody) {
        this.requestBody = requestBody;
    }

    /** Streams of a call that carries no streaming body. */
    public static CallStreams none() {
        return new CallStreams(null);
    }

    /** The request's streaming body, or null when the call carries none. */
    public RequestBody requestBody() {
        return requestBody;
    }

    /** Called by the engine's transformer when the backend hands over its response and body. */
    public void answer(SdkResponse response, AbortableInputStream body) {
        this.response = response;
        this.responseBody = body;
    }

    /** The response the backend handed its transformer, or null when it handed none. */
    public SdkResponse response() {
        return response;
    }

    /** The body a streaming-output operation answered with; the caller now owns (and closes) it. */
    public Optional<AbortableInputStream> responseBody() {
        return Optional.ofNullable(responseBody);
    }

    /** Closes a response body nobody will read (the call failed after the backend handed it over). */
    public void discard() {
        AbortableInputStream body = responseBody;
        responseBody = null;
        response = null;
        if (body != null) {
            try {
                body.close();
            } catch (IOException | RuntimeException e) {
                // The body was never going to be read; nothing depends on closing it cleanly.
            }
        }
    }
}
