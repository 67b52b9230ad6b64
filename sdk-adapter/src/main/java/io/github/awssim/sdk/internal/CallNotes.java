package io.github.awssim.sdk.internal;

import io.github.awssim.core.internal.model.ServiceModels;
import io.github.awssim.sdk.internal.wire.JsonProtocolCodec.Flavor;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkRequest;

/**
 * The notes of calls in flight, by call id. The SDK's execution attributes hold each note strongly for
 * as long as the call lives; this registry holds it weakly, so a call that dies between
 * {@code modifyHttpRequest} and completion (an interceptor throwing outside the SDK's pipeline, a
 * presign that never transmits) leaves nothing behind.
 */
public final class CallNotes {
    /** The header that carries a call's id from the interceptor to the HTTP client, on every attempt. */
    public static final String HEADER = "x-awssim-call";

    private static final AtomicLong IDS = new AtomicLong();
    private static final ReferenceQueue<CallNote> QUEUE = new ReferenceQueue<>();
    private static final Map<String, Ref> NOTES = new ConcurrentHashMap<>();

    private CallNotes() {
    }

    private static final Map<String, Boolean> NEEDED = new ConcurrentHashMap<>();

    /**
     * Whether calls to this service need a note. Not for a service awssim ships a model for whose protocol
     * names the operation on the wire (awsJson's {@code X-Amz-Target}): the HTTP client reads the call from the
     * request alone, and a note's header would only cost a copy of the request's headers, a longer signature and
     * an entry here on every call.
     */
    public static boolean needed(String sdkServiceName) {
        return sdkServiceName == null || NEEDED.computeIfAbsent(sdkServiceName, name -> ServiceModels.forService(name)
            .map(m -> {
                Flavor json = WireProtocol.of(m).json();
                return m.targetPrefix().isEmpty() || json == null || json.isRest();
            })
            .orElse(true));
    }

    /** Files a note and returns its id. */
    public static String file(CallNote note, SdkRequest finalRequest) {
        expunge();
        note.request(finalRequest);
        String id = Long.toString(IDS.incrementAndGet(), 36);
        note.id(id);
        NOTES.put(id, new Ref(id, note));
        return id;
    }

    public static CallNote find(String id) {
        if (id == null) {
            return null;
        }
        Ref ref = NOTES.get(id);
        return ref == null ? null : ref.get();
    }

    public static void discard(CallNote note) {
        if (note != null && note.id() != null) {
            NOTES.remove(note.id());
        }
    }

    /** Notes currently filed (for tests of the no-leak guarantee). */
    public static int size() {
        expunge();
        return NOTES.size();
    }

    private static void expunge() {
        Object r;
        while ((r = QUEUE.poll()) != null) {
            Ref ref = (Ref) r;
            NOTES.remove(ref.id, ref);
        }
    }

    private static final class Ref extends WeakReference<CallNote> {
        private final String id;

        Ref(String id, CallNote note) {
            super(note, QUEUE);
            this.id = id;
        }
    }
}
