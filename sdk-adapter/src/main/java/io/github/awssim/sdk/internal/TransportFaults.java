package io.github.awssim.sdk.internal;

import io.github.awssim.core.faults.TransportFault;
import io.github.awssim.core.internal.Engine;
import io.github.awssim.core.internal.ServiceCall;
import io.github.awssim.sdk.internal.wire.WireResponse;
import io.github.awssim.sdk.internal.wire.WireResponse.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The wire side of transport faults: what the connection does to an answer, and what the client is told. */
final class TransportFaults {
    private TransportFaults() {
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
            default:
                return fault + " (" + cause + ")";
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
                byte[] noise = new byte[Math.max(answer.body().length, 16)];
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
