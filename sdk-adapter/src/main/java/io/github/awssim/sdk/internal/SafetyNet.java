package io.github.awssim.sdk.internal;

import io.github.awssim.core.internal.LiveSimulations;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * While any simulation is open, stops attempts bound for a real AWS endpoint that are not going through
 * awssim's HTTP client. The SDK puts the HTTP client's name in every request's User-Agent
 * ({@code md/http#AwsSim}) before {@code beforeTransmission}, which is how the interceptor can tell
 * without knowing the client.
 */
public final class SafetyNet {
    /** System property; {@code off} disables the safety net. */
    public static final String PROPERTY = "awssim.safetyNet";

    /** The AWS CRT-based S3 client's HTTP client name: its requests leave from native code, past any Java HTTP client. */
    private static final String CRT_S3 = "md/http#s3crt";

    private static final Pattern AWS_HOST = Pattern.compile(
        "(^|\\.)(amazonaws\\.com|amazonaws\\.com\\.cn|api\\.aws|on\\.aws|amazonaws-us-gov\\.com|c2s\\.ic\\.gov|sc2s\\.sgov\\.gov)$");

    private SafetyNet() {
    }

    public static void check(SdkHttpRequest request, String service, String operation, String clientName) {
        if (!LiveSimulations.anyActive()) {
            return;
        }
        // Cheapest test first: awssim's own clients pass on the User-Agent alone, every attempt.
        String agent = request.firstMatchingHeader("User-Agent").orElse("");
        if (agent.contains("md/http#" + clientName) || !AWS_HOST.matcher(request.host()).find()) {
            return;
        }
        if ("off".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return;
        }
        String endpoint = request.protocol() + "://" + request.host() + request.encodedPath();
        throw SdkClientException.create(agent.contains(CRT_S3)
            ? AdapterMessages.safetyNetCrt(service, operation, endpoint)
            : AdapterMessages.safetyNet(service, operation, endpoint));
    }
}
