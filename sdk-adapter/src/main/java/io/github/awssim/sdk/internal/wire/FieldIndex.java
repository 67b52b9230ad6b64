package io.github.awssim.sdk.internal.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.PayloadTrait;

/**
 * The fields of one SdkPojo class grouped by where they travel, computed once per class: the hot path
 * looks payload members up by wire name instead of scanning {@code sdkFields()}.
 */
public final class FieldIndex {
    private static final Map<Class<?>, FieldIndex> CACHE = new ConcurrentHashMap<>();

    private final List<SdkField<?>> payload = new ArrayList<>();
    private final List<SdkField<?>> body = new ArrayList<>();
    private final Map<String, SdkField<?>> payloadByName = new HashMap<>();
    private final List<SdkField<?>> headers = new ArrayList<>();
    private final List<SdkField<?>> query = new ArrayList<>();
    private final List<SdkField<?>> path = new ArrayList<>();
    private SdkField<?> statusCode;
    private SdkField<?> explicitPayload;

    private FieldIndex(List<SdkField<?>> fields) {
        for (SdkField<?> f : fields) {
            if (f.containsTrait(PayloadTrait.class)) {
                explicitPayload = f;
                continue;
            }
            MarshallLocation location = f.location();
            if (location == null) {
                location = MarshallLocation.PAYLOAD;
            }
            switch (location) {
                case HEADER:
                    headers.add(f);
                    break;
                case QUERY_PARAM:
                    query.add(f);
                    body.add(f);
                    break;
                case PATH:
                case GREEDY_PATH:
                    path.add(f);
                    body.add(f);
                    break;
                case STATUS_CODE:
                    statusCode = f;
                    break;
                default:
                    payload.add(f);
                    body.add(f);
                    payloadByName.put(f.locationName(), f);
                    break;
            }
        }
    }

    public static FieldIndex of(SdkPojo pojo) {
        return CACHE.computeIfAbsent(pojo.getClass(), c -> new FieldIndex(pojo.sdkFields()));
    }

    public List<SdkField<?>> payload() {
        return payload;
    }

    /**
     * The members an answer carries in its JSON body: the payload members and also those bound to the URI
     * or query string, which the SDK's unmarshaller reads from the body of a response, an error or a
     * nested structure (SDK 2.40.2 {@code JsonUnmarshallingParser.isPayloadUnmarshalling}, L163-173).
     */
    public List<SdkField<?>> body() {
        return body;
    }

    public SdkField<?> payloadField(String wireName) {
        return payloadByName.get(wireName);
    }

    public List<SdkField<?>> headers() {
        return headers;
    }

    public List<SdkField<?>> query() {
        return query;
    }

    public List<SdkField<?>> path() {
        return path;
    }

    public SdkField<?> statusCode() {
        return statusCode;
    }

    /** The member that is the whole body ({@code @httpPayload}), or null. */
    public SdkField<?> explicitPayload() {
        return explicitPayload;
    }
}
