package io.github.awssim.sdk.oracle;

import static io.github.awssim.sdk.oracle.SyntheticShapes.mapOf;
import static io.github.awssim.sdk.oracle.SyntheticShapes.payload;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.sdk.internal.wire.WireResponse;
import io.github.awssim.sdk.internal.wire.XmlProtocolCodec;
import io.github.awssim.sdk.oracle.SyntheticShapes.Shape;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ClientEndpointProvider;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.LocationTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.protocols.core.OperationInfo;
import software.amazon.awssdk.protocols.xml.AwsXmlProtocolFactory;
import software.amazon.awssdk.protocols.xml.XmlOperationMetadata;

/**
 * Maps in restXml payloads, which S3 (the oracle's restXml service) has none of: wrapped and flattened, read
 * back by the SDK's own unmarshaller from what awssim writes, and decoded by awssim from what the SDK sends.
 */
class XmlMapsCodecTest {
    private static final SdkClientConfiguration CONFIG = SdkClientConfiguration.builder()
        .option(SdkClientOption.CLIENT_ENDPOINT_PROVIDER,
            ClientEndpointProvider.forEndpointOverride(URI.create("https://synthetic.us-east-1.amazonaws.com")))
        .build();
    private static final AwsXmlProtocolFactory SDK = AwsXmlProtocolFactory.builder().clientConfiguration(CONFIG).build();

    static final class Maps extends Shape {
        static final List<SdkField<?>> FIELDS = List.of(
            payload(MarshallingType.MAP, "Tags", mapOf(value())),
            payload(MarshallingType.MAP, "Flat", MapTrait.builder().keyLocationName("key").valueLocationName("value")
                .valueFieldInfo(value()).isFlattened(true).build()));

        private static SdkField<?> value() {
            return SdkField.builder(MarshallingType.STRING)
                .traits(LocationTrait.builder().location(MarshallLocation.PAYLOAD).locationName("value").build()).build();
        }

        @Override
        public List<SdkField<?>> sdkFields() {
            return FIELDS;
        }

        @Override
        Shape blank() {
            return new Maps();
        }
    }

    private static Maps filled() {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("team", "core");
        entries.put("tier", "gold & <b>");
        Maps m = new Maps();
        Maps.FIELDS.get(0).set(m, entries);
        Maps.FIELDS.get(1).set(m, new LinkedHashMap<>(entries));
        return (Maps) m.build();
    }

    @Test
    void wrappedAndFlattenedMapsAwssimWritesAreWhatTheSdkReads() throws Exception {
        Maps sent = filled();
        WireResponse wire = XmlProtocolCodec.encodeResponse(sent, 200, new XmlProtocolCodec.PayloadStyle("MapsResult", null, false),
            WireResponse.newHeaders());
        SdkHttpFullResponse.Builder http = SdkHttpFullResponse.builder().statusCode(wire.status())
            .content(AbortableInputStream.create(new ByteArrayInputStream(wire.body())));
        wire.headers().forEach(http::putHeader);

        SdkPojo read = SDK.createResponseHandler(Maps::new, XmlOperationMetadata.builder().hasStreamingSuccessResponse(false)
            .build()).handle(http.build(), new ExecutionAttributes());

        assertThat(PojoDiff.describe(sent, read)).as(new String(wire.body(), StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void mapsTheSdkSendsAreDecoded() throws Exception {
        Maps sent = filled();
        OperationInfo op = OperationInfo.builder().requestUri("/maps").httpMethod(SdkHttpMethod.POST).operationIdentifier("PutMaps")
            .hasExplicitPayloadMember(false).hasPayloadMembers(true).hasImplicitPayloadMembers(true)
            .putAdditionalMetadata(AwsXmlProtocolFactory.ROOT_MARSHALL_LOCATION_ATTRIBUTE, "MapsRequest")
            .putAdditionalMetadata(AwsXmlProtocolFactory.XML_NAMESPACE_ATTRIBUTE, "https://example.com/doc/").build();
        SdkHttpFullRequest wire = SDK.createProtocolMarshaller(op).marshall(sent);
        byte[] body;
        try (InputStream in = wire.contentStreamProvider().orElseThrow().newStream()) {
            body = in.readAllBytes();
        }

        Maps decoded = new Maps();
        XmlProtocolCodec.decodeRequest(decoded, wire, body, Map.of(), wire.rawQueryParameters());

        assertThat(PojoDiff.describe(sent, decoded.build())).as(new String(body, StandardCharsets.UTF_8)).isEmpty();
    }
}
