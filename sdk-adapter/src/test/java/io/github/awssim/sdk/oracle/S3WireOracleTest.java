package io.github.awssim.sdk.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.internal.model.OperationModel;
import io.github.awssim.core.internal.model.ServiceModel;
import io.github.awssim.core.internal.model.ServiceModels;
import io.github.awssim.sdk.SimulatedClients;
import io.github.awssim.sdk.internal.CallNotes;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The SDK is the oracle of awssim's restXml codec, for every operation of the S3 client interface,
 * simulated or not, the streaming ones included ({@code putObject(…, RequestBody)},
 * {@code getObject(…, ResponseTransformer)}). For each operation, {@link #SEEDS} seeds and each client
 * mode (sync and async; with the interceptor's call note, or identified from the wire alone; virtual-hosted,
 * the SDK's default, or path style), a request and a response with every member filled at random
 * ({@link RandomPojos}, narrowed to what the wire can carry by {@link S3Pojos}) travel through a real S3
 * client with its default configuration (flexible checksums on, so uploads arrive {@code aws-chunked} with a
 * trailing checksum):
 * <ul>
 *   <li>request: SDK marshaller → awssim's decoder → the backend receives a request equal by sdkFields, and
 *       a streaming body equal byte for byte;</li>
 *   <li>response: awssim's encoder → SDK unmarshaller → the client returns a response equal by sdkFields,
 *       and GetObject's body byte for byte;</li>
 *   <li>every modeled error of the operation: the client throws exactly that class with the model's code
 *       and status, the message (not for HEAD, whose answers have no body), and equal modeled members.</li>
 * </ul>
 */
class S3WireOracleTest {
    static final int SEEDS = 2;
    static final long BASE_SEED = Long.getLong("awssim.oracle.seed", 0x5eed_53L);

    /** How a call reaches awssim. */
    enum Mode {
        SYNC_NOTE(false, true, false), SYNC_WIRE(false, false, false), ASYNC_NOTE(true, true, false),
        ASYNC_WIRE(true, false, false), SYNC_PATH_WIRE(false, false, true), ASYNC_PATH_NOTE(true, true, true);

        final boolean async;
        final boolean note;
        final boolean pathStyle;

        Mode(boolean async, boolean note, boolean pathStyle) {
            this.async = async;
            this.note = note;
            this.pathStyle = pathStyle;
        }
    }

    /** How an operation takes its input and gives its answer. */
    enum Shape { PLAIN, STREAMING_INPUT, STREAMING_OUTPUT }

    record Operation(String name, Shape shape, Method sync, Method async, Class<? extends SdkRequest> requestType,
                     Class<? extends SdkResponse> responseType, List<OracleService.ErrorCase> errors) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final ServiceModel MODEL = ServiceModels.forService("S3").orElseThrow();
    private static final Simulation SIM = Simulation.builder().seed(53).build();
    private static final ScriptedBackend BACKEND = ScriptedBackend.of(S3Client.class);
    private static final Map<Mode, SdkClient> CLIENTS = new EnumMap<>(Mode.class);
    private static final AtomicInteger STRIPPED = new AtomicInteger();

    static {
        SIM.register(S3Client.class, BACKEND.proxy(S3Client.class));
        ExecutionInterceptor stripNote = new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                SdkHttpRequest r = context.httpRequest();
                if (r.firstMatchingHeader(CallNotes.HEADER).isEmpty()) {
                    return r;
                }
                STRIPPED.incrementAndGet();
                return r.toBuilder().removeHeader(CallNotes.HEADER).build();
            }
        };
        for (Mode m : Mode.values()) {
            SimulatedClients factory = SimulatedClients.of(SIM).withOverrides(o -> {
                o.retryStrategy(AwsRetryStrategy.doNotRetry());
                if (!m.note) {
                    o.addExecutionInterceptor(stripNote);
                }
            });
            if (!m.pathStyle) {
                CLIENTS.put(m, m.async ? factory.create(S3AsyncClient.class) : factory.create(S3Client.class));
            } else {
                // forcePathStyle is service configuration, which SimulatedClients leaves to the builder.
                CLIENTS.put(m, m.async
                    ? S3AsyncClient.builder().httpClient(io.github.awssim.sdk.SimulatedHttpClient.create(SIM))
                        .region(SIM.region()).forcePathStyle(true).credentialsProvider(credentials())
                        .overrideConfiguration(o -> {
                            o.retryStrategy(AwsRetryStrategy.doNotRetry());
                            if (!m.note) {
                                o.addExecutionInterceptor(stripNote);
                            }
                        }).build()
                    : S3Client.builder().httpClient(io.github.awssim.sdk.SimulatedHttpClient.create(SIM))
                        .region(SIM.region()).forcePathStyle(true).credentialsProvider(credentials())
                        .overrideConfiguration(o -> {
                            o.retryStrategy(AwsRetryStrategy.doNotRetry());
                            if (!m.note) {
                                o.addExecutionInterceptor(stripNote);
                            }
                        }).build());
            }
        }
    }

    private static software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials() {
        return software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(SimulatedClients.ACCESS_KEY_ID,
                SimulatedClients.SECRET_ACCESS_KEY));
    }

    @AfterAll
    static void close() {
        CLIENTS.values().forEach(SdkClient::close);
    }

    static List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        for (Method m : S3Client.class.getMethods()) {
            Class<?>[] p = m.getParameterTypes();
            if (p.length == 0 || !SdkRequest.class.isAssignableFrom(p[0])) {
                continue;
            }
            Shape shape;
            if (p.length == 1 && SdkResponse.class.isAssignableFrom(m.getReturnType())) {
                shape = Shape.PLAIN;
            } else if (p.length == 2 && p[1] == RequestBody.class) {
                shape = Shape.STREAMING_INPUT;
            } else if (p.length == 2 && p[1] == ResponseTransformer.class) {
                shape = Shape.STREAMING_OUTPUT;
            } else {
                continue;
            }
            Class<? extends SdkRequest> requestType = p[0].asSubclass(SdkRequest.class);
            String name = requestType.getSimpleName().replaceFirst("Request$", "");
            Class<? extends SdkResponse> responseType;
            Method async;
            try {
                responseType = Class.forName(requestType.getName().replaceFirst("Request$", "Response"))
                    .asSubclass(SdkResponse.class);
                async = shape == Shape.PLAIN ? S3AsyncClient.class.getMethod(m.getName(), requestType)
                    : S3AsyncClient.class.getMethod(m.getName(), requestType,
                        shape == Shape.STREAMING_INPUT ? AsyncRequestBody.class : AsyncResponseTransformer.class);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            OperationModel model = MODEL.operation(name).orElseThrow(() -> new IllegalStateException("no model for " + name));
            List<OracleService.ErrorCase> errors = new ArrayList<>();
            for (String shapeName : model.errors()) {
                ServiceModel.ErrorInfo info = MODEL.errorForShape(shapeName).orElseThrow();
                errors.add(new OracleService.ErrorCase(shapeName, exceptionClass(shapeName), info.code(), info.httpStatus()));
            }
            ops.add(new Operation(name, shape, m, async, requestType, responseType, errors));
        }
        ops.sort(Comparator.comparing(Operation::name));
        return ops;
    }

    private static Class<? extends AwsServiceException> exceptionClass(String shape) {
        for (String n : List.of(shape, shape + "Exception")) {
            try {
                return Class.forName("software.amazon.awssdk.services.s3.model." + n).asSubclass(AwsServiceException.class);
            } catch (ClassNotFoundException e) {
                // try the next spelling
            }
        }
        throw new IllegalStateException("no exception class for " + shape);
    }

    @TestFactory
    Stream<DynamicNode> s3() {
        List<Operation> ops = operations();
        DynamicTest coverage = DynamicTest.dynamicTest("every model operation the SDK has a client method for is covered", () -> {
            Set<String> covered = ops.stream().map(Operation::name).collect(Collectors.toCollection(TreeSet::new));
            Set<String> model = new TreeSet<>(MODEL.operations().keySet());
            // Deprecated operations the SDK no longer generates, and the event-stream one only the async client has.
            model.removeAll(Set.of("GetBucketLifecycle", "GetBucketNotification", "PutBucketLifecycle",
                "PutBucketNotification", "SelectObjectContent"));
            assertThat(covered).isEqualTo(model);
            assertThat(ops.stream().filter(o -> o.shape() != Shape.PLAIN).map(Operation::name).toList())
                .contains("PutObject", "UploadPart", "GetObject", "WriteGetObjectResponse", "GetObjectTorrent");
        });
        Stream<DynamicNode> cases = ops.stream().map(op -> DynamicContainer.dynamicContainer(op.name(),
            Arrays.stream(Mode.values()).flatMap(mode -> seeds(op).mapToObj(seed -> DynamicContainer.dynamicContainer(
                mode + " seed " + seed, Stream.concat(
                    Stream.of(DynamicTest.dynamicTest("request and response", () -> roundTrip(op, mode, seed))),
                    op.errors().stream().map(e -> DynamicTest.dynamicTest(e.shape(), () -> modeledError(op, mode, seed, e)))))))));
        return Stream.concat(Stream.of(coverage), cases);
    }

    private static LongStream seeds(Operation op) {
        return LongStream.range(0, SEEDS).map(i -> BASE_SEED + 1_000L * Math.floorMod(op.name().hashCode(), 1_000_000) + i);
    }

    private static byte[] body(Random random, long seed) {
        // Odd seeds: above 1 MiB, so async uploads take the streaming path; even ones: small, or empty. Uploads
        // use the seed and downloads the seed + 1, so each streaming operation meets both within its two seeds.
        boolean large = (seed & 1) == 1;
        byte[] b = new byte[large ? (1 << 20) + 4093 : random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3000)];
        random.nextBytes(b);
        return b;
    }

    private static synchronized void roundTrip(Operation op, Mode mode, long seed) throws Throwable {
        RandomPojos random = new RandomPojos(seed);
        S3Pojos s3 = new S3Pojos(seed);
        Random bytes = new Random(seed);
        byte[] upload = op.shape() == Shape.STREAMING_INPUT ? body(bytes, seed) : null;
        byte[] download = op.shape() == Shape.STREAMING_OUTPUT ? body(bytes, seed + 1) : null;
        SdkRequest sent = s3.request(random.of(op.requestType()), op.name(), upload == null ? -1 : upload.length);
        SdkResponse answered = s3.response(random.of(op.responseType()), op.name(), download == null ? -1 : download.length);
        BACKEND.answer(r -> download != null ? new ScriptedBackend.StreamingAnswer(answered, download) : answered);
        int strippedBefore = STRIPPED.get();

        Object returned;
        try {
            returned = call(mode, op, sent, upload);
        } catch (Throwable t) {
            throw new AssertionError(where(op, mode, seed) + ": the call failed instead of returning the backend's response: " + t, t);
        }
        List<ScriptedBackend.Received> received = BACKEND.received();
        assertThat(received).as(where(op, mode, seed) + ": the backend receives exactly one call").hasSize(1);
        assertEqual(where(op, mode, seed) + " request (SDK marshaller -> awssim decoder)", sent, received.get(0).request());
        if (upload != null) {
            assertThat(received.get(0).body()).as(where(op, mode, seed) + ": the streamed request body").isEqualTo(upload);
        }
        SdkResponse response;
        if (returned instanceof ResponseBytes) {
            @SuppressWarnings("unchecked")
            ResponseBytes<SdkResponse> rb = (ResponseBytes<SdkResponse>) returned;
            response = rb.response();
            assertThat(rb.asByteArray()).as(where(op, mode, seed) + ": the streamed response body").isEqualTo(download);
        } else {
            response = (SdkResponse) returned;
        }
        assertEqual(where(op, mode, seed) + " response (awssim encoder -> SDK unmarshaller)", answered, response);
        if (!mode.note) {
            assertThat(STRIPPED.get()).as("the call note was stripped, so awssim read the wire alone").isGreaterThan(strippedBefore);
        }
    }

    private static synchronized void modeledError(Operation op, Mode mode, long seed, OracleService.ErrorCase error) throws Throwable {
        RandomPojos random = new RandomPojos(seed ^ error.shape().hashCode());
        S3Pojos s3 = new S3Pojos(seed);
        byte[] upload = op.shape() == Shape.STREAMING_INPUT ? new byte[] {1, 2, 3} : null;
        SdkRequest sent = s3.request(random.of(op.requestType()), op.name(), upload == null ? -1 : upload.length);
        String message = S3Pojos.message(random.message());
        AwsServiceException.Builder b = (AwsServiceException.Builder) random.filledBuilder(error.type());
        AwsServiceException thrown = s3.exception(b.message(message).build());
        BACKEND.answer(r -> {
            throw thrown;
        });
        Throwable caught = null;
        try {
            Object returned = call(mode, op, sent, upload);
            fail(where(op, mode, seed) + ": expected " + error.type().getSimpleName() + " but the call returned " + returned);
        } catch (Throwable t) {
            caught = t;
        }
        String where = where(op, mode, seed) + " " + error.shape();
        assertThat(caught).as(where + ": the SDK throws the modeled class").isExactlyInstanceOf(error.type());
        AwsServiceException got = (AwsServiceException) caught;
        assertThat(got.awsErrorDetails().errorCode()).as(where + ": error code").isEqualTo(error.code());
        assertThat(got.statusCode()).as(where + ": HTTP status").isEqualTo(error.status());
        boolean head = op.name().startsWith("Head");
        if (!head) {
            assertThat(got.awsErrorDetails().errorMessage()).as(where + ": message").isEqualTo(message);
            String diff = PojoDiff.describe(thrown, got);
            if (!diff.isEmpty()) {
                fail(where + ": modeled members differ (awssim encoder -> SDK error unmarshaller):\n" + diff);
            }
        }
    }

    private static Object call(Mode mode, Operation op, SdkRequest request, byte[] upload) throws Throwable {
        SdkClient client = CLIENTS.get(mode);
        try {
            if (!mode.async) {
                switch (op.shape()) {
                    case STREAMING_INPUT:
                        return op.sync().invoke(client, request, RequestBody.fromBytes(upload));
                    case STREAMING_OUTPUT:
                        return op.sync().invoke(client, request, ResponseTransformer.toBytes());
                    default:
                        return op.sync().invoke(client, request);
                }
            }
            CompletableFuture<?> f;
            switch (op.shape()) {
                case STREAMING_INPUT:
                    f = (CompletableFuture<?>) op.async().invoke(client, request, AsyncRequestBody.fromBytes(upload));
                    break;
                case STREAMING_OUTPUT:
                    f = (CompletableFuture<?>) op.async().invoke(client, request, AsyncResponseTransformer.toBytes());
                    break;
                default:
                    f = (CompletableFuture<?>) op.async().invoke(client, request);
            }
            try {
                return f.get();
            } catch (ExecutionException e) {
                throw OracleHarness.unwrap(e.getCause());
            }
        } catch (InvocationTargetException e) {
            throw OracleHarness.unwrap(e.getCause());
        }
    }

    private static void assertEqual(String what, Object expected, Object actual) {
        String diff = PojoDiff.describe(expected, actual);
        if (!diff.isEmpty() || !((SdkPojo) expected).equalsBySdkFields(actual)) {
            fail(what + " differs:\n" + (diff.isEmpty() ? "(equalsBySdkFields is false, no field-level difference found)" : diff));
        }
    }

    private static String where(Operation op, Mode mode, long seed) {
        return "S3." + op.name() + " [" + mode + ", seed " + seed + "]";
    }
}
