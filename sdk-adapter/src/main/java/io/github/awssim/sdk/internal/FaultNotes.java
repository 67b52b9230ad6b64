package io.github.awssim.sdk.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The seed for failures whose message the SDK writes alone. A reset or a truncated body fails with awssim's
 * own IOException, which names the fault rule and seed; but a garbled body fails in the SDK's parser, a proxy
 * page becomes the SDK's "status code 503", and a stalled body or real latency ends in the SDK's attempt
 * timeout. For those the adapter leaves a note here, keyed by the SDK's invocation id, and the interceptor
 * adds it to the exception the SDK finally throws. Written only when such a fault strikes; bounded, so a call
 * that never ends (its client dropped) cannot grow it.
 */
public final class FaultNotes {
    private static final int CAPACITY = 1024;
    private static final String INVOCATION_ID = "amz-sdk-invocation-id";
    private static final Map<String, Note> NOTES = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Note> eldest) {
            return size() > CAPACITY;
        }
    };
    /** Read without the lock on every call's end: most runs never note anything. */
    private static volatile boolean any;

    private FaultNotes() {
    }

    /**
     * What struck attempt {@code attempt} of invocation {@code invocationId}; {@code timeoutOnly} when the fault
     * (real latency) explains a timeout and nothing else.
     */
    static void note(String invocationId, int attempt, String text, boolean timeoutOnly) {
        if (invocationId == null) {
            return;
        }
        synchronized (NOTES) {
            NOTES.put(invocationId, new Note(attempt, text, timeoutOnly));
            any = true;
        }
    }

    /** Forgets the call's note; the exception the SDK throws for it, naming the fault when one caused it. */
    public static Throwable explain(SdkHttpRequest request, Throwable failure) {
        Note note = take(request);
        if (note == null || !(failure instanceof SdkException)) {
            return failure;
        }
        SdkException e = (SdkException) failure;
        boolean timeout = e instanceof ApiCallAttemptTimeoutException || e instanceof ApiCallTimeoutException;
        // Only the attempt the SDK's final exception comes from: an earlier attempt's fault was retried away.
        if ((note.timeoutOnly() && !timeout) || (e.numAttempts() != null && e.numAttempts() != note.attempt())
            || String.valueOf(e.rawMessage()).contains(note.text())) {
            return failure;
        }
        String raw = e.rawMessage();
        SdkException explained = e.toBuilder().message((raw == null ? "" : raw + " ") + "[" + note.text() + "]").build();
        explained.setStackTrace(e.getStackTrace());
        return explained.getClass() == e.getClass() ? explained : failure;
    }

    /** Forgets the call's note (the call ended without a failure the note explains). */
    public static void forget(SdkHttpRequest request) {
        take(request);
    }

    /** The call's note, removed; every call ends here, so the common case (no note ever) reads no header. */
    private static Note take(SdkHttpRequest request) {
        if (!any || request == null) {
            return null;
        }
        String invocationId = request.firstMatchingHeader(INVOCATION_ID).orElse(null);
        if (invocationId == null) {
            return null;
        }
        synchronized (NOTES) {
            return NOTES.remove(invocationId);
        }
    }

    private record Note(int attempt, String text, boolean timeoutOnly) {
    }
}
