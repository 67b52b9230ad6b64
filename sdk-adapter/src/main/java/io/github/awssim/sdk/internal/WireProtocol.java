package io.github.awssim.sdk.internal;

import io.github.awssim.core.internal.model.ServiceModel;
import io.github.awssim.sdk.internal.wire.JsonProtocolCodec.Flavor;

/** The wire protocols of AWS services, as far as awssim speaks them. */
enum WireProtocol {
    AWS_JSON_1_0(Flavor.AWS_JSON_1_0),
    AWS_JSON_1_1(Flavor.AWS_JSON_1_1),
    REST_JSON_1(Flavor.REST_JSON_1),
    REST_XML(null),
    UNSUPPORTED(null);

    private final Flavor json;

    WireProtocol(Flavor json) {
        this.json = json;
    }

    /** The JSON flavor, or null for protocols that are not JSON. */
    Flavor json() {
        return json;
    }

    static WireProtocol of(ServiceModel model) {
        return of(model.protocol(), model.jsonVersion().orElse(null));
    }

    /**
     * From the SDK's protocol name ({@code SdkProtocolMetadata.serviceProtocol()}: json, rest-json,
     * rest-xml, query, ec2, cbor, smithy-rpc-v2-cbor) and, for json, the version ("1.0"/"1.1").
     */
    static WireProtocol of(String protocol, String jsonVersion) {
        if (protocol == null) {
            return UNSUPPORTED;
        }
        switch (protocol) {
            case "json":
                return "1.0".equals(jsonVersion) ? AWS_JSON_1_0 : AWS_JSON_1_1;
            case "rest-json":
                return REST_JSON_1;
            case "rest-xml":
                return REST_XML;
            default:
                return UNSUPPORTED;
        }
    }

    /** The awsJson version from a request's Content-Type, e.g. application/x-amz-json-1.0. */
    static String jsonVersionOf(String contentType) {
        if (contentType != null && contentType.startsWith("application/x-amz-json-")) {
            return contentType.substring("application/x-amz-json-".length()).split(";")[0].trim();
        }
        return null;
    }
}
