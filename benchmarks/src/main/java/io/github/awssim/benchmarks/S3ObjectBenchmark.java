package io.github.awssim.benchmarks;

import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.SimulatedHttpClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * PutObject and GetObject of 1 KiB, 1 MiB and 256 MiB through a real {@code S3Client} with its default
 * configuration (virtual-hosted, CRC32 flexible checksums, so uploads travel aws-chunked with a trailer):
 * (a) the floor, an HTTP client that reads the whole upload and answers a download from memory, and
 * (b) awssim, answered by the S3 simulator (ETag MD5, stored checksum, objects above 1 MiB in temporary
 * files). Bodies are generated as they are read, so neither side holds a large object in the heap.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar S3ObjectBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class S3ObjectBenchmark {
    static final PutObjectRequest PUT = PutObjectRequest.builder().bucket("bench").key("object").build();
    static final GetObjectRequest GET = GetObjectRequest.builder().bucket("bench").key("object").build();

    /** Reads a body to its end into one reused buffer; returns the byte count. */
    static final class Drain implements ResponseTransformer<GetObjectResponse, Long> {
        private final byte[] buffer = new byte[64 * 1024];

        @Override
        public Long transform(GetObjectResponse response, AbortableInputStream in) throws IOException {
            long n = 0;
            int r;
            while ((r = in.read(buffer)) >= 0) {
                n += r;
            }
            return n;
        }
    }

    /** {@code length} bytes of a repeating pattern, produced as they are read. */
    static InputStream pattern(long length) {
        return new InputStream() {
            private long at;

            @Override
            public int read() {
                return at < length ? (int) (at++ & 0x7f) : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= length) {
                    return -1;
                }
                int n = (int) Math.min(len, length - at);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) ((at + i) & 0x7f);
                }
                at += n;
                return n;
            }
        };
    }

    @State(Scope.Benchmark)
    public static class Sizes {
        @Param({"1024", "1048576", "268435456"})
        public long size;
    }

    /** The floor: same client, an HTTP client that drains uploads and serves downloads from a pattern. */
    @State(Scope.Benchmark)
    public static class Floor {
        S3Client client;

        @Setup(Level.Trial)
        public void setUp(Sizes sizes) {
            client = S3Client.builder().httpClient(new DrainingHttpClient(sizes.size)).region(Region.US_EAST_1)
                .credentialsProvider(MeterUsageBenchmark.CREDENTIALS).build();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            client.close();
        }
    }

    /** awssim: the same client on SimulatedHttpClient, answered by the S3 simulator. */
    @State(Scope.Benchmark)
    public static class Awssim {
        Simulation sim;
        S3Client client;

        @Setup(Level.Trial)
        public void setUp(Sizes sizes) {
            sim = Simulation.create();
            sim.s3().createBucket("bench");
            client = S3Client.builder().httpClient(SimulatedHttpClient.create(sim)).region(Region.US_EAST_1)
                .credentialsProvider(MeterUsageBenchmark.CREDENTIALS).build();
            client.putObject(PUT, RequestBody.fromContentProvider(() -> pattern(sizes.size), sizes.size, "application/octet-stream"));
            // Keep the journal from holding a request per iteration for the whole run.
            sim.journal().clear();
        }

        @TearDown(Level.Iteration)
        public void forget() {
            sim.journal().clear();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            client.close();
            sim.close();
        }
    }

    @Benchmark
    public Object floorPut(Floor f, Sizes s) {
        return f.client.putObject(PUT, RequestBody.fromContentProvider(() -> pattern(s.size), s.size, "application/octet-stream"));
    }

    @Benchmark
    public long floorGet(Floor f) {
        return f.client.getObject(GET, new Drain());
    }

    @Benchmark
    public Object awssimPut(Awssim a, Sizes s) {
        return a.client.putObject(PUT, RequestBody.fromContentProvider(() -> pattern(s.size), s.size, "application/octet-stream"));
    }

    @Benchmark
    public long awssimGet(Awssim a) {
        return a.client.getObject(GET, new Drain());
    }

    /** Drains every request body; answers GET with {@code size} pattern bytes and everything else with an ETag. */
    static final class DrainingHttpClient implements SdkHttpClient {
        private final long size;

        DrainingHttpClient(long size) {
            this.size = size;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() throws IOException {
                    if (request.contentStreamProvider().isPresent()) {
                        byte[] buffer = new byte[64 * 1024];
                        try (InputStream in = request.contentStreamProvider().get().newStream()) {
                            while (in.read(buffer) >= 0) {
                                // drain
                            }
                        }
                    }
                    boolean get = request.httpRequest().method() == SdkHttpMethod.GET;
                    SdkHttpFullResponse.Builder r = SdkHttpFullResponse.builder().statusCode(200)
                        .putHeader("ETag", "\"0123456789abcdef0123456789abcdef\"")
                        .putHeader("x-amz-request-id", "0123456789ABCDEF")
                        .putHeader("Content-Length", get ? Long.toString(size) : "0");
                    return HttpExecuteResponse.builder().response(r.build())
                        .responseBody(AbortableInputStream.create(get ? pattern(size) : new ByteArrayInputStream(new byte[0])))
                        .build();
                }

                @Override
                public void abort() {
                }
            };
        }

        @Override
        public String clientName() {
            return "Draining";
        }

        @Override
        public void close() {
        }
    }
}
