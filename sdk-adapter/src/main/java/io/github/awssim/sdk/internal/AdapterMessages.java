package io.github.awssim.sdk.internal;

/** Every user-facing message of awssim-sdk-adapter, in one place. */
public final class AdapterMessages {
    private AdapterMessages() {
    }

    public static String safetyNet(String service, String operation, String endpoint) {
        return stopped(service, operation, endpoint) + "Give the client awssim's HTTP client: "
            + ".httpClient(SimulatedHttpClient.create(sim)) on its builder, SimulatedClients.create(sim, <Client>.class), "
            + "or the zero-code swap (system property software.amazon.awssdk.http.service.impl="
            + "io.github.awssim.sdk.SimulatedHttpService). " + meantForAws() + " (An HTTP client that wraps awssim's must "
            + "return its clientName(), \"AwsSim\".)";
    }

    /**
     * The CRT-based S3 client has no HTTP client to swap, and the Transfer Manager picks it by itself when the
     * AWS CRT is on the classpath: the generic advice would not help.
     */
    public static String safetyNetCrt(String service, String operation, String endpoint) {
        return stopped(service, operation, endpoint) + "It comes from the AWS CRT-based S3 client "
            + "(S3AsyncClient.crtCreate() or crtBuilder(), and what S3TransferManager.create() builds when aws-crt is on "
            + "the classpath), which sends its requests from native code: awssim cannot answer it in-process. Use the "
            + "Java-based client: S3AsyncClient.builder().multipartEnabled(true).httpClient(SimulatedHttpClient.create(sim)) "
            + "or SimulatedClients.of(sim).configure(S3AsyncClientBuilder.class, b -> b.multipartEnabled(true))"
            + ".create(S3AsyncClient.class), and give it to the Transfer Manager with "
            + "S3TransferManager.builder().s3Client(client). " + meantForAws();
    }

    private static String stopped(String service, String operation, String endpoint) {
        return "awssim: stopped a " + service + "." + operation + " call that was about to leave for " + endpoint
            + " while a simulation is open, so tests never reach real AWS. ";
    }

    private static String meantForAws() {
        return "If this client is meant to reach AWS, close the simulations first or run with -D" + SafetyNet.PROPERTY
            + "=off.";
    }

    /** S3's words for an encryption header sent to an operation that takes none (a GET, a HEAD, a part). */
    public static String encryptionHeaderNotSupported(String header) {
        return header + " header is not supported for this operation.";
    }

    public static String unknownService(String method, String host, String path) {
        return "awssim: cannot tell which service " + method + " " + host + path + " is for. awssim recognises the services "
            + "it ships models for (Marketplace Metering, Application Cost Profiler, BCM Pricing Calculator, S3) from the "
            + "wire alone; for any other service the call must pass awssim's SimulationInterceptor, which the SDK loads "
            + "from the classpath whenever awssim-sdk-adapter is on it.";
    }

    public static String unknownOperation(String service, String operation) {
        return "awssim: " + service + " has no operation " + operation + " in the AWS SDK on the classpath.";
    }

    public static String missingTarget(String service, String targetPrefix, String target) {
        return "awssim: " + service + " speaks AWS JSON, which names the operation in the X-Amz-Target header ("
            + targetPrefix + ".<Operation>); this request has " + (target == null ? "none." : "'" + target + "'.");
    }

    public static String unknownRestOperation(String service, String method, String path) {
        return "awssim: " + service + " has no operation bound to " + method + " " + path + ".";
    }

    public static String unsupportedProtocol(String service, String operation, String protocol) {
        return "awssim: " + service + "." + operation + " uses the " + protocol + " protocol, which awssim does not speak yet "
            + "(it speaks awsJson1_0, awsJson1_1, restJson1 and restXml).";
    }

    public static String bodyReadTwice() {
        return "awssim: the request body of a streaming call can be read once: RequestBody.contentStreamProvider()"
            + ".newStream() was called a second time. Read the stream once (copy it if the backend needs it twice).";
    }

    public static String noInterfaceFor(String service, String requestType) {
        return "awssim: no client interface " + service + "Client found beside " + requestType + ".";
    }

    public static String notAClientInterface(Class<?> type) {
        return "awssim: " + type.getName() + " is not an AWS SDK client interface. Pass the interface the SDK generates, "
            + "e.g. MarketplaceMeteringClient.class or MarketplaceMeteringAsyncClient.class.";
    }

    public static String cannotBuildClient(Class<?> type, Throwable t) {
        return "awssim: could not build a " + type.getName() + ": " + t;
    }

    public static String noSimulationBound() {
        return "awssim: a client built through the SDK's HTTP-client SPI reached awssim, but the simulation it was "
            + "routed to is closed. Install an open one with GlobalSimulation.install(sim).";
    }
}
