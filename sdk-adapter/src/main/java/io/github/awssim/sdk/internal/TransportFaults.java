package io.github.awssim.sdk.internal;

import io.github.awssim.core.Outcome;
import io.github.awssim.core.faults.TransportFault;
import io.github.awssim.core.internal.AttemptFaults;
import io.github.awssim.core.internal.Engine;
import io.github.awssim.core.internal.ServiceCall;
import io.github.awssim.sdk.internal.wire.WireResponse;
import io.github.awssim.sdk.internal.wire.WireResponse.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import java.util.function.Function;

/** The wire side of transport faults: what the connection does to an answer, and what the client is told. */
final class TransportFaults {
    private TransportFaults() {
    }

    /**
     * One attempt with the fault plan applied, for any protocol: faults that strike before the service
     * answer for it; otherwise the engine answers (latency and modeled faults included), the outcome is
     * journalled, encoded with {@code encode}, and delivered as a transport fault may say.
     */
    static WireResponse attempt(Engine engine, ServiceCall call, Function<Outcome, WireResponse> encode) {
        Instant at = engine.clock().instant();
        AttemptFaults faults = engine.faultsFor(call);
        TransportFault transport = faults.transport();
        noteForTheSdksMessage(engine, call, faults);
        if (transport != null && !transport.serviceRuns()) {
            engine.delay(faults);
            call.streams().discard();
            engine.record(call, at, new Outcome.TransportFault(transport.name(), false, faults.cause()));
            return transport == TransportFault.PROXY_HTML_5XX
                ? proxyPage(faults.cause())
                : WireResponse.reset(message(transport, call, faults.cause()));
        }
        Outcome outcome = engine.dispatch(call, faults);
        if (transport == null) {
            engine.record(call, at, outcome);
            return encode.apply(outcome);
        }
        engine.record(call, at, new Outcome.TransportFault(transport.name(), true,
            faults.cause() + "; the service had answered " + outcome.label()));
        if (transport == TransportFault.RESPONSE_LOST_AFTER_COMMIT) {
            call.streams().discard();
            return WireResponse.reset(message(transport, call, faults.cause()));
        }
        return deliver(transport, encode.apply(outcome), call, faults.cause(), engine);
    }

    static String message(TransportFault fault, ServiceCall call, String cause) {
        String what = call.service() + "." + call.operation();
        switch (fault) {
            case CONNECTION_RESET_BEFORE_ENGINE:
                return "Connection reset before " + what + " reached the service (" + cause + ")";
            case RESPONSE_LOST_AFTER_COMMIT:
                return "Connection reset: the service processed " + what + ", then the response was lost (" + cause + ")";
            case TRUNCATED_BODY:
                return "Premature end of the " + what + " response body: the connection dropped (" + cause + ")";
            case STALLED_BODY:
                return "The " + what + " response body stalled and never completed (" + cause + ")";
            case GARBLED_BODY:
                return "The " + what + " response body was garbled in transit (" + cause + ")";
            case PROXY_HTML_5XX:
                return "A proxy answered " + what + " with a 503 HTML page; the service never saw it (" + cause + ")";
            default:
                return fault + " (" + cause + ")";
        }
    }

    /**
     * Faults whose failure the SDK words alone (its parser on a garbled body, its "status code 503", its attempt
     * timeout after a stall or real latency) leave a note, so the exception the SDK throws names rule and seed.
     */
    private static void noteForTheSdksMessage(Engine engine, ServiceCall call, AttemptFaults faults) {
        TransportFault transport = faults.transport();
        if (transport == TransportFault.GARBLED_BODY || transport == TransportFault.PROXY_HTML_5XX
            || transport == TransportFault.STALLED_BODY) {
            FaultNotes.note(call.invocationId(), call.attempt(), message(transport, call, faults.cause()), false);
        } else if (!faults.realDelay().isZero()) {
            FaultNotes.note(call.invocationId(), call.attempt(), call.service() + "." + call.operation() + " was delayed "
                + faults.realDelay().toMillis() + " ms for real (awssim fault plan latency, seed " + engine.seed() + ")", true);
        }
    }

    /** The answer as the fault delivers it; the service has already acted. */
    static WireResponse deliver(TransportFault fault, WireResponse answer, ServiceCall call, String cause, Engine engine) {
        String message = message(fault, call, cause);
        switch (fault) {
            case RESPONSE_LOST_AFTER_COMMIT:
                return WireResponse.reset(message);
            case TRUNCATED_BODY:
                return answer.delivered(Delivery.TRUNCATED, message);
            case STALLED_BODY:
                return answer.delivered(Delivery.STALLED, message);
            case GARBLED_BODY:
                answer.stream().ifPresent(FaultyBodies::closeQuietly);
                long length = answer.contentLength();
                // Noise of the body's own length (a declared Content-Length stays right); small bodies get some.
                byte[] noise = new byte[(int) Math.min(Math.max(length, 16), 1 << 20)];
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = (byte) engine.nextLong(256);
                }
                return answer.withBody(noise);
            default:
                throw new IllegalStateException("awssim: " + fault + " strikes before the service runs");
        }
    }

    /** A proxy's 503 page: HTML, no AWS error code, the service never saw the request. */
    static WireResponse proxyPage(String cause) {
        Map<String, List<String>> headers = WireResponse.newHeaders();
        WireResponse.put(headers, "Content-Type", "text/html");
        String page = "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n"
            + "<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<!-- " + cause + " -->\r\n</body>\r\n</html>\r\n";
        return new WireResponse(503, headers, page.getBytes(StandardCharsets.UTF_8));
    }
}
