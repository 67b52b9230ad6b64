package io.github.awssim.sdk.s3;

import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.SimulatedClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A simulation and the S3 clients our users build: the SDK's defaults (virtual-hosted addressing,
 * flexible checksums), path style, and async; one attempt per call unless a test asks for retries.
 */
final class S3Fixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    final Simulation sim;
    final S3Client s3;
    final S3Client pathStyle;
    final S3AsyncClient async;
    private final List<SdkClient> clients = new ArrayList<>();

    S3Fixture() {
        this(Simulation.builder().seed(7).startTime(START).build());
    }

    S3Fixture(Simulation sim) {
        this.sim = sim;
        SimulatedClients once = SimulatedClients.of(sim).withOverrides(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        this.s3 = keep(once.create(S3Client.class));
        this.pathStyle = keep(once.configure(S3BaseClientBuilder.class, b -> b.forcePathStyle(true)).create(S3Client.class));
        this.async = keep(once.create(S3AsyncClient.class));
    }

    /** The S3 error code a failed call answered ({@code NoSuchKey}, {@code InvalidArgument}, ...). */
    static String code(Throwable t) {
        return ((AwsServiceException) t).awsErrorDetails().errorCode();
    }

    /** The HTTP status a failed call answered. */
    static int status(Throwable t) {
        return ((AwsServiceException) t).statusCode();
    }

    /** Both sync addressing styles, for tests that must hold for each. */
    List<S3Client> syncClients() {
        return List.of(s3, pathStyle);
    }

    <T extends SdkClient> T keep(T client) {
        clients.add(client);
        return client;
    }

    @Override
    public void close() {
        clients.forEach(SdkClient::close);
        sim.close();
    }
}
