package io.github.awssim.sdk.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.awssim.sdk.internal.wire.JsonProtocolCodec;
import io.github.awssim.sdk.internal.wire.JsonProtocolCodec.Flavor;
import io.github.awssim.sdk.internal.wire.UriTemplate;
import io.github.awssim.sdk.internal.wire.WireResponse;
import io.github.awssim.sdk.oracle.SyntheticShapes.BlobPayload;
import io.github.awssim.sdk.oracle.SyntheticShapes.Inner;
import io.github.awssim.sdk.oracle.SyntheticShapes.RestInput;
import io.github.awssim.sdk.oracle.SyntheticShapes.RestOutput;
import io.github.awssim.sdk.oracle.SyntheticShapes.Shape;
import io.github.awssim.sdk.oracle.SyntheticShapes.StringPayload;
import io.github.awssim.sdk.oracle.SyntheticShapes.StructPayload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.core.ClientEndpointProvider;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.core.http.HttpResponseHandler;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.protocols.core.OperationInfo;
import software.amazon.awssdk.protocols.json.AwsJsonProtocol;
import software.amazon.awssdk.protocols.json.AwsJsonProtocolFactory;
import software.amazon.awssdk.protocols.json.JsonOperationMetadata;
import software.amazon.awssdk.services.applicationcostprofiler.model.ApplicationCostProfilerException;

/**
 * The SDK as oracle of the codec on shapes the shipped services lack ({@link SyntheticShapes}): every
 * JSON marshalling type and restJson1 binding. Requests are marshalled by the SDK's own protocol
 * marshaller ({@code AwsJsonProtocolFactory.createProtocolMarshaller}, what generated
 * {@code *RequestMarshaller}s call) and decoded by {@link JsonProtocolCodec#decodeRequest}; responses
 * are encoded by {@link JsonProtocolCodec#encodeResponse} and read by the SDK's own response handler
 * ({@code createResponseHandler}, what generated clients call). Both must give back a value equal
 * member by member. Codec-level (no client, no gateway), so it affords many seeds.
 */
class SyntheticCodecOracleTest {
    static final int SEEDS = 40;
    static final long BASE_SEED = Long.getLong("awssim.oracle.seed", 0x5eed_0aC1eL);
    /** The synthetic payload structure recurses three ways; depth 3 keeps each value to a few hundred nodes. */
    static final int DEPTH = 3;

    private static final SdkClientConfiguration CONFIG = SdkClientConfiguration.builder()
        .option(SdkClientOption.CLIENT_ENDPOINT_PROVIDER,
            ClientEndpointProvider.forEndpointOverride(URI.create("https://synthetic.us-east-1.amazonaws.com")))
        .build();

    /** One operation binding: the protocol, the request URI and method, the input and output shapes. */
    private record Case(String name, Flavor flavor, String uri, SdkHttpMethod method, Supplier<Shape> input,
                        Supplier<Shape> output, boolean explicitInput, boolean jsonOutput) {
        AwsJsonProtocolFactory factory() {
            AwsJsonProtocolFactory.Builder b = AwsJsonProtocolFactory.builder().clientConfiguration(CONFIG)
                .defaultServiceExceptionSupplier(ApplicationCostProfilerException::builder);
            switch (flavor) {
                case AWS_JSON_1_0:
                    return b.protocol(AwsJsonProtocol.AWS_JSON).protocolVersion("1.0").build();
                case AWS_JSON_1_1:
                    return b.protocol(AwsJsonProtocol.AWS_JSON).protocolVersion("1.1").build();
                default:
                    return b.protocol(AwsJsonProtocol.REST_JSON).protocolVersion("1.1").build();
            }
        }
    }

    private static final List<Case> CASES = List.of(
        new Case("awsJson1_0 all payload types", Flavor.AWS_JSON_1_0, "/", SdkHttpMethod.POST, Inner::new, Inner::new, false, true),
        new Case("awsJson1_1 all payload types", Flavor.AWS_JSON_1_1, "/", SdkHttpMethod.POST, Inner::new, Inner::new, false, true),
        new Case("restJson1 every binding", Flavor.REST_JSON_1, SyntheticShapes.REST_URI, SdkHttpMethod.PUT,
            RestInput::new, RestOutput::new, false, true),
        new Case("restJson1 blob payload", Flavor.REST_JSON_1, "/blob", SdkHttpMethod.POST,
            BlobPayload::new, BlobPayload::new, true, false),
        new Case("restJson1 string payload", Flavor.REST_JSON_1, "/string", SdkHttpMethod.POST,
            StringPayload::new, StringPayload::new, true, false),
        new Case("restJson1 structure payload", Flavor.REST_JSON_1, "/struct", SdkHttpMethod.POST,
            StructPayload::new, StructPayload::new, true, true));

    @TestFactory
    Stream<DynamicNode> sdkMarshallerToAwssimDecoder() {
        return CASES.stream().map(c -> DynamicContainer.dynamicContainer(c.name(), seeds().mapToObj(seed ->
            DynamicTest.dynamicTest("seed " + seed, () -> request(c, seed)))));
    }

    @TestFactory
    Stream<DynamicNode> awssimEncoderToSdkUnmarshaller() {
        return CASES.stream().map(c -> DynamicContainer.dynamicContainer(c.name(), seeds().mapToObj(seed ->
            DynamicTest.dynamicTest("seed " + seed, () -> response(c, seed)))));
    }

    /** A restJson1 output whose member is bound to Content-Type (AppConfigData's GetLatestConfiguration has one). */
    static final class TypedOutput extends Shape {
        static final List<SdkField<?>> FIELDS = List.of(
            SyntheticShapes.field(MarshallingType.STRING, "ContentType", MarshallLocation.HEADER, "Content-Type"),
            SyntheticShapes.payload(MarshallingType.STRING, "note"));

        @Override
        public List<SdkField<?>> sdkFields() {
            return FIELDS;
        }

        @Override
        Shape blank() {
            return new TypedOutput();
        }
    }

    @Test
    void aMemberBoundToContentTypeIsTheResponsesOnlyContentType() throws Exception {
        TypedOutput answered = new TypedOutput();
        TypedOutput.FIELDS.get(0).set(answered, "text/plain");
        TypedOutput.FIELDS.get(1).set(answered, "hello");

        WireResponse wire = JsonProtocolCodec.encodeResponse(Flavor.REST_JSON_1, answered, 200, WireResponse.newHeaders());

        assertThat(wire.headers().get("Content-Type")).containsExactly("text/plain");
        SdkHttpFullResponse.Builder http = SdkHttpFullResponse.builder().statusCode(wire.status())
            .content(AbortableInputStream.create(new ByteArrayInputStream(wire.body())));
        wire.headers().forEach(http::putHeader);
        Case rest = CASES.get(2);
        SdkPojo returned = rest.factory().createResponseHandler(JsonOperationMetadata.builder().hasStreamingSuccessResponse(false)
            .isPayloadJson(true).build(), TypedOutput::new).handle(http.build(), new ExecutionAttributes());
        compare("Content-Type member", answered.build(), returned);
    }

    private static LongStream seeds() {
        return LongStream.range(0, SEEDS).map(i -> BASE_SEED + i);
    }

    private static void request(Case c, long seed) throws IOException {
        Shape sent = random(c.input(), seed);
        OperationInfo op = OperationInfo.builder().requestUri(c.uri()).httpMethod(c.method())
            .operationIdentifier("Synthetic.Operation").hasExplicitPayloadMember(c.explicitInput())
            .hasPayloadMembers(true).hasImplicitPayloadMembers(!c.explicitInput()).build();
        SdkHttpFullRequest wire = c.factory().createProtocolMarshaller(op).marshall(sent);
        byte[] body = null;
        if (wire.contentStreamProvider().isPresent()) {
            try (InputStream in = wire.contentStreamProvider().get().newStream()) {
                body = in.readAllBytes();
            }
        }
        Map<String, String> labels = Map.of();
        Map<String, List<String>> query = wire.rawQueryParameters();
        if (c.flavor().isRest()) {
            UriTemplate template = UriTemplate.parse(c.uri());
            labels = template.match(wire.encodedPath(), query);
            if (labels == null) {
                fail(c.name() + " [seed " + seed + "]: the SDK's path " + wire.encodedPath() + " does not match " + c.uri());
            }
            query = template.unusedQuery(query);   // as the gateway decodes it
        }
        Shape decoded = c.input().get();
        JsonProtocolCodec.decodeRequest(c.flavor(), decoded, wire, body, labels, query);
        compare(c.name() + " [seed " + seed + "] request (SDK marshaller -> awssim decoder)", sent, decoded.build());
    }

    private static void response(Case c, long seed) throws Exception {
        Shape answered = random(c.output(), seed);
        WireResponse wire = JsonProtocolCodec.encodeResponse(c.flavor(), answered, 200, WireResponse.newHeaders());
        SdkHttpFullResponse.Builder http = SdkHttpFullResponse.builder().statusCode(wire.status())
            .content(AbortableInputStream.create(new ByteArrayInputStream(wire.body())));
        wire.headers().forEach(http::putHeader);
        HttpResponseHandler<SdkPojo> handler = c.factory().createResponseHandler(JsonOperationMetadata.builder()
            .hasStreamingSuccessResponse(false).isPayloadJson(c.jsonOutput()).build(), () -> c.output().get());
        SdkPojo returned = handler.handle(http.build(), new ExecutionAttributes());
        compare(c.name() + " [seed " + seed + "] response (awssim encoder -> SDK unmarshaller)", answered, returned);
    }

    private static Shape random(Supplier<Shape> shape, long seed) {
        Shape b = shape.get();
        new RandomPojos(seed, DEPTH).fill(b, 0);
        return (Shape) b.build();
    }

    private static void compare(String what, Object expected, Object actual) {
        String diff = PojoDiff.describe(expected, actual);
        if (!diff.isEmpty() || !((SdkPojo) expected).equalsBySdkFields(actual)) {
            fail(what + " differs:\n" + (diff.isEmpty() ? "(equalsBySdkFields is false)" : diff));
        }
    }
}
