package io.github.awssim.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.awssim.core.Execution;
import io.github.awssim.core.Simulation;
import io.github.awssim.core.faults.FaultPlan;
import io.github.awssim.core.faults.FaultRule;
import io.github.awssim.core.faults.TransportFault;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.DuplicateRequestException;
import software.amazon.awssdk.services.marketplacemetering.model.MarketplaceMeteringException;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The loopback server, called the way a separate process calls it: real SDK clients on a real HTTP client
 * (URLConnection) with an endpoint override, raw HTTP, presigned URLs, and transport faults striking the socket.
 */
class SimulationServerTest {
    private static final Instant T0 = Instant.parse("2026-05-04T10:15:00Z");

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private SimulationServer serve(Simulation sim) {
        keep(sim);
        return keep(SimulationServer.start(sim));
    }

    private <B extends AwsClientBuilder<B, C>, C extends AutoCloseable> C client(B builder, SimulationServer server) {
        return keep(builder.endpointOverride(server.endpoint()).region(Region.US_WEST_2)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSERVER", "secret")))
            .build());
    }

    private MarketplaceMeteringClient metering(SimulationServer server) {
        return client(MarketplaceMeteringClient.builder().httpClient(UrlConnectionHttpClient.create()), server);
    }

    private S3Client s3(SimulationServer server) {
        return client(S3Client.builder().httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true), server);
    }

    @Test
    void readmeExample() {
        try (Simulation sim = Simulation.create();
             SimulationServer server = SimulationServer.start(sim);                 // a free port on 127.0.0.1
             S3Client s3 = S3Client.builder()
                 .endpointOverride(server.endpoint()).forcePathStyle(true)          // what any other client is told
                 .httpClient(UrlConnectionHttpClient.create())                      // a real socket
                 .region(Region.US_EAST_1)
                 .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                 .build()) {
            s3.createBucket(b -> b.bucket("reports"));
            assertThat(sim.s3().listBuckets().buckets()).extracting(Bucket::name).containsExactly("reports");
        }
    }

    @Test
    void meteringOverHttpKeepsTheServiceRulesAndJournalsTheSignedRegion() {
        Simulation sim = Simulation.builder().startTime(T0).build();
        SimulationServer server = serve(sim);
        MarketplaceMeteringClient metering = metering(server);

        String id = metering.meterUsage(r -> r.productCode("prod-1").usageDimension("Users").usageQuantity(3)
            .timestamp(T0)).meteringRecordId();

        assertThat(metering.meterUsage(r -> r.productCode("prod-1").usageDimension("Users").usageQuantity(3)
            .timestamp(T0)).meteringRecordId()).as("an identical request in the same hour").isEqualTo(id);
        assertThatThrownBy(() -> metering.meterUsage(r -> r.productCode("prod-1").usageDimension("Users")
            .usageQuantity(4).timestamp(T0))).isInstanceOf(DuplicateRequestException.class);
        assertThat(sim.metering().in(sim.accountId(), Region.US_WEST_2).records()).singleElement().satisfies(rec -> assertThat(rec.meteringRecordId()).isEqualTo(id));
        assertThat(sim.journal().executions()).hasSize(3).allSatisfy(e -> {
            assertThat(e.operation()).isEqualTo("MeterUsage");
            assertThat(e.region()).isEqualTo("us-west-2");
        });
    }

    @Test
    void s3ObjectsRoundTripWithStreamingChecksummedBodiesMultipartAndErrors() {
        SimulationServer server = serve(Simulation.builder().startTime(T0).build());
        S3Client s3 = s3(server);
        byte[] big = new byte[6 * 1024 * 1024 + 17];
        new Random(3).nextBytes(big);

        s3.createBucket(b -> b.bucket("reports"));
        s3.putObject(p -> p.bucket("reports").key("dir/a b+c.bin"), RequestBody.fromBytes(big));
        String upload = s3.createMultipartUpload(c -> c.bucket("reports").key("parts")).uploadId();
        String e1 = s3.uploadPart(u -> u.bucket("reports").key("parts").uploadId(upload).partNumber(1),
            RequestBody.fromBytes(big)).eTag();
        String e2 = s3.uploadPart(u -> u.bucket("reports").key("parts").uploadId(upload).partNumber(2),
            RequestBody.fromString("tail")).eTag();
        s3.completeMultipartUpload(c -> c.bucket("reports").key("parts").uploadId(upload).multipartUpload(m -> m.parts(
            CompletedPart.builder().partNumber(1).eTag(e1).build(), CompletedPart.builder().partNumber(2).eTag(e2).build())));

        ResponseBytes<GetObjectResponse> got = s3.getObject(g -> g.bucket("reports").key("dir/a b+c.bin"),
            ResponseTransformer.toBytes());
        assertThat(got.asByteArray()).isEqualTo(big);
        assertThat(s3.headObject(h -> h.bucket("reports").key("parts")).contentLength()).isEqualTo(big.length + 4L);
        assertThat(s3.getObject(g -> g.bucket("reports").key("parts").range("bytes=-4"), ResponseTransformer.toBytes())
            .asUtf8String()).isEqualTo("tail");
        assertThat(s3.listObjectsV2(l -> l.bucket("reports").prefix("dir/")).contents()).extracting(S3Object::key)
            .containsExactly("dir/a b+c.bin");
        assertThatThrownBy(() -> s3.getObject(g -> g.bucket("reports").key("missing"), ResponseTransformer.toBytes()))
            .isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3.headObject(h -> h.bucket("reports").key("missing")))
            .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        s3.deleteObject(d -> d.bucket("reports").key("missing"));   // 204, no body
    }

    @Test
    void theSdksProductionHttpClientsNettyAsyncAndApacheSyncWorkOverTheSocket() {
        Simulation sim = Simulation.builder().startTime(T0).build();
        SimulationServer server = serve(sim);
        S3AsyncClient async = client(S3AsyncClient.builder().httpClientBuilder(NettyNioAsyncHttpClient.builder())
            .forcePathStyle(true), server);
        S3Client apache = client(S3Client.builder().httpClientBuilder(ApacheHttpClient.builder()).forcePathStyle(true), server);
        byte[] big = new byte[3 * 1024 * 1024 + 5];
        new Random(5).nextBytes(big);

        async.createBucket(b -> b.bucket("netty")).join();
        async.putObject(p -> p.bucket("netty").key("big"), AsyncRequestBody.fromBytes(big)).join();
        byte[] viaNetty = async.getObject(g -> g.bucket("netty").key("big"), AsyncResponseTransformer.toBytes()).join()
            .asByteArray();
        byte[] viaApache = apache.getObjectAsBytes(g -> g.bucket("netty").key("big")).asByteArray();

        assertThat(viaNetty).isEqualTo(big);
        assertThat(viaApache).isEqualTo(big);
        assertThat(async.headObject(h -> h.bucket("netty").key("big")).join().contentLength()).isEqualTo(big.length);
        assertThatThrownBy(() -> async.getObject(g -> g.bucket("netty").key("gone"), AsyncResponseTransformer.toBytes()).join())
            .hasCauseInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void aPresignedUrlWorksFromAPlainHttpClient() throws Exception {
        Simulation sim = Simulation.create();
        SimulationServer server = serve(sim);
        s3(server).createBucket(b -> b.bucket("shared"));
        s3(server).putObject(p -> p.bucket("shared").key("note.txt"), RequestBody.fromString("hello"));
        S3Presigner presigner = keep(S3Presigner.builder().endpointOverride(server.endpoint()).region(Region.US_WEST_2)
            .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSERVER", "secret")))
            .build());
        URI url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
            .getObjectRequest(g -> g.bucket("shared").key("note.txt"))).url().toURI();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("hello");
        assertThat(answer.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void aSignatureVersion2PresignedUrlIsS3sAndExpiresOnTheSimulationClock() throws Exception {
        // what the AWS CLI v1 makes: AWSAccessKeyId, Signature and Expires (epoch seconds), no region
        Simulation sim = Simulation.builder().startTime(T0).build();
        SimulationServer server = serve(sim);
        sim.s3().createBucket(b -> b.bucket("legacy"));       // in the simulation's region: SigV2 names none
        sim.s3().putObject(p -> p.bucket("legacy").key("k"), RequestBody.fromString("v2"));
        URI url = server.endpoint().resolve("/legacy/k?AWSAccessKeyId=AKIDV2&Signature=c2ln%2B&Expires="
            + T0.plusSeconds(60).getEpochSecond());
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> fresh = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        sim.clock().advance(Duration.ofMinutes(2));
        HttpResponse<String> stale = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.body()).isEqualTo("v2");
        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(stale.body()).contains("<Code>AccessDenied</Code>").contains("Request has expired");
    }

    @Test
    void anUnsignedRequestIsS3sAndAnUnsignedRpcPostIsAClearAwssimError() throws Exception {
        SimulationServer server = serve(Simulation.create());
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/nothing/here")).build(),
            HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/"))
            .header("Content-Type", "application/x-amz-json-1.1").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(get.body()).contains("<Code>NoSuchBucket</Code>").contains("nothing");
        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(post.body()).contains("awssim").contains("POST");
    }

    @Test
    void aPathStyleBucketWithATrailingSlashIsTheBucketNotAnEmptyKey() throws Exception {
        // what the JavaScript SDK v3 sends for bucket operations in path style
        Simulation sim = Simulation.create();
        SimulationServer server = serve(sim);
        HttpClient http = HttpClient.newHttpClient();
        String auth = "AWS4-HMAC-SHA256 Credential=AKIDRAW/20260504/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00";

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/slashed/"))
            .header("Authorization", auth).PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        sim.s3().putObject(p -> p.bucket("slashed").key("k"), RequestBody.fromString("v"));
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/slashed/?list-type=2"))
            .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("<ListBucketResult").contains("<Key>k</Key>");
        assertThat(sim.journal().executions()).extracting(Execution::operation).containsExactly("CreateBucket", "ListObjectsV2");
    }

    @Test
    void aResponseLostAfterCommitClosesTheSocketAndTheSdkRetryFindsTheRecordAlreadyMade() {
        Simulation sim = Simulation.builder().startTime(T0).seed(11)
            .faults(FaultPlan.of(FaultRule.on(MeterUsageRequest.class).times(1).fail(TransportFault.RESPONSE_LOST_AFTER_COMMIT)))
            .build();
        SimulationServer server = serve(sim);

        String id = metering(server).meterUsage(r -> r.productCode("prod-1").usageDimension("Users").usageQuantity(3)
            .timestamp(T0)).meteringRecordId();

        assertThat(sim.metering().in(sim.accountId(), Region.US_WEST_2).records()).singleElement().satisfies(rec -> assertThat(rec.meteringRecordId()).isEqualTo(id));
        Execution e = sim.journal().executions().get(0);
        assertThat(e.attempts()).extracting(a -> a.outcome().label())
            .containsExactly(TransportFault.RESPONSE_LOST_AFTER_COMMIT.name(), "MeterUsageResponse");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TransportFault.class)
    void everyTransportFaultStrikesTheSocketAndIsJournalled(TransportFault fault) {
        Simulation sim = Simulation.builder().startTime(T0).seed(12)
            .faults(FaultPlan.of(FaultRule.on(MeterUsageRequest.class).fail(fault))).build();
        SimulationServer server = serve(sim);
        MarketplaceMeteringClient once = client(MarketplaceMeteringClient.builder().httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)).apiCallAttemptTimeout(Duration.ofSeconds(2))),
            server);

        Throwable failure = catchThrowable(() -> once.meterUsage(r -> r.productCode("p").usageDimension("d").usageQuantity(1)
            .timestamp(T0)));

        if (fault == TransportFault.PROXY_HTML_5XX) {
            assertThat(failure).isInstanceOfSatisfying(MarketplaceMeteringException.class,
                e -> assertThat(e.statusCode()).isEqualTo(503));
        } else {
            assertThat(failure).as("the SDK's own failure of a broken exchange").isInstanceOf(SdkClientException.class);
        }
        assertThat(sim.journal().last().outcome().label()).isEqualTo(fault.name());
        assertThat(sim.metering().in(sim.accountId(), Region.US_WEST_2).records()).hasSize(fault.serviceRuns() ? 1 : 0);
    }

    @Test
    void parallelClientsShareOneSimulation() throws Exception {
        Simulation sim = Simulation.builder().startTime(T0).build();
        SimulationServer server = serve(sim);
        S3Client s3 = s3(server);
        s3.createBucket(b -> b.bucket("parallel"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                puts.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String key = "t" + thread + "/k" + i;
                        s3.putObject(p -> p.bucket("parallel").key(key), RequestBody.fromString(key));
                    }
                }));
            }
            for (Future<?> f : puts) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(s3.listObjectsV2Paginator(l -> l.bucket("parallel").maxKeys(30)).contents()).hasSize(200)
            .allSatisfy(o -> assertThat(s3.getObjectAsBytes(g -> g.bucket("parallel").key(o.key())).asUtf8String())
                .isEqualTo(o.key()));
    }

    @Test
    void jsonServicesBeyondMeteringAnswerOverHttp() {
        Simulation sim = Simulation.create();
        SimulationServer server = serve(sim);
        BcmPricingCalculatorClient bcm = client(BcmPricingCalculatorClient.builder().httpClient(UrlConnectionHttpClient.create()),
            server);

        String id = bcm.createBillScenario(r -> r.name("over-http")).id();

        assertThat(bcm.getBillScenario(r -> r.identifier(id)).name()).isEqualTo("over-http");
        assertThat(sim.journal().executions()).extracting(Execution::service).containsOnly("BcmPricingCalculator");
    }

    @Test
    void aTakenPortIsAClearError() {
        SimulationServer server = serve(Simulation.create());

        assertThatThrownBy(() -> SimulationServer.start(Simulation.create(), server.port()))
            .isInstanceOf(UncheckedIOException.class).hasMessageContaining("awssim: cannot serve on loopback port " + server.port());
        assertThat(server.endpoint().toString()).isEqualTo("http://127.0.0.1:" + server.port());
    }
}
