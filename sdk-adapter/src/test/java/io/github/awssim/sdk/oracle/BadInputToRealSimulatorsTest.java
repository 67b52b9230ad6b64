package io.github.awssim.sdk.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.SimulatedHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Bad input sent as raw HTTP to awssim's HTTP client with the shipped simulators behind it (not a scripted
 * backend, as in {@link WireRobustnessTest}): for each of the three JSON services, missing required members,
 * wrong types, out-of-range numbers and unreadable timestamps get the service's error with the model's
 * wording, a 4xx status and no stack trace, and nothing is committed.
 */
class BadInputToRealSimulatorsTest {
    private final Simulation sim = Simulation.builder().startTime(Instant.parse("2026-01-01T10:15:00Z")).build();
    private final SimulatedHttpClient http = SimulatedHttpClient.create(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    static Stream<Arguments> badRequests() {
        String meter = "AWSMPMeteringService.MeterUsage";
        String bcm = "AWSBCMPricingCalculator.";
        return Stream.of(
            // Metering, awsJson1_1
            Arguments.of(metering(meter, "{}"), "ValidationException",
                "3 validation errors detected: Value null at 'productCode' failed to satisfy constraint: Member must not be null"),
            Arguments.of(metering("AWSMPMeteringService.BatchMeterUsage", "{\"ProductCode\":\"p\",\"UsageRecords\":[{}]}"),
                "ValidationException", "Value null at 'usageRecords.1.member.timestamp' failed to satisfy constraint"),
            Arguments.of(metering(meter, "{\"ProductCode\":\"p\",\"UsageDimension\":\"d\",\"Timestamp\":1767262500,"
                + "\"UsageQuantity\":2147483648}"), "SerializationException", "'UsageQuantity' is out of range for an integer"),
            Arguments.of(metering(meter, "{\"ProductCode\":\"p\",\"UsageDimension\":\"d\",\"Timestamp\":\"2026-13-01T00:00:00Z\"}"),
                "SerializationException", "at 'Timestamp' is not a valid timestamp"),
            Arguments.of(metering("AWSMPMeteringService.RegisterUsage", "{\"ProductCode\":\"p\",\"PublicKeyVersion\":0}"),
                "ValidationException", "Value '0' at 'publicKeyVersion' failed to satisfy constraint: Member must have value "
                    + "greater than or equal to 1"),
            Arguments.of(metering("AWSMPMeteringService.ResolveCustomer", "{\"RegistrationToken\":[]}"),
                "SerializationException", "Expected a string at 'RegistrationToken' but found an array"),
            // BCM Pricing Calculator, awsJson1_0
            Arguments.of(pricing(bcm + "CreateBillScenario", "{}"), "ValidationException",
                "Value null at 'name' failed to satisfy constraint: Member must not be null"),
            Arguments.of(pricing(bcm + "ListBillScenarios", "{\"maxResults\":99999999999999999999}"),
                "SerializationException", "'maxResults' is out of range for an integer"),
            Arguments.of(pricing(bcm + "UpdateBillScenario", "{\"identifier\":\"x\",\"expiresAt\":\"tomorrow\"}"),
                "SerializationException", "Value 'tomorrow' at 'expiresAt' is not a valid timestamp"),
            Arguments.of(pricing(bcm + "CreateWorkloadEstimate", "{\"name\":\"n\",\"rateType\":\"BOGUS\"}"),
                "ValidationException", "Value 'BOGUS' at 'rateType' failed to satisfy constraint: Member must satisfy enum value set"),
            // Application Cost Profiler, restJson1
            Arguments.of(costProfiler(SdkHttpMethod.POST, "/reportDefinition", "{}"), "ValidationException",
                "Value null at 'reportId' failed to satisfy constraint: Member must not be null"),
            Arguments.of(costProfiler(SdkHttpMethod.POST, "/importApplicationUsage", "{\"sourceS3Location\":[]}"),
                "SerializationException", "Expected a JSON object at 'sourceS3Location' but found an array"),
            Arguments.of(costProfiler(SdkHttpMethod.PUT, "/reportDefinition/r1", "{\"reportDescription\":7}"),
                "SerializationException", "Expected a string at 'reportDescription' but found a number"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badRequests")
    void theServicesErrorWithTheModelsWording(SdkHttpFullRequest request, String code, String message) throws IOException {
        HttpExecuteResponse r = http.prepareRequest(HttpExecuteRequest.builder().request(request)
            .contentStreamProvider(request.contentStreamProvider().orElseThrow()).build()).call();
        String body;
        try (InputStream in = r.responseBody().orElseThrow()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(r.httpResponse().statusCode()).as(body).isEqualTo(400);
        assertThat(r.httpResponse().firstMatchingHeader("x-amzn-ErrorType")).as(body).contains(code);
        assertThat(body).contains("\"__type\":\"" + code + "\"").contains(message)
            .doesNotContain("\tat ").doesNotContain("java.").doesNotContain("io.github.awssim.");
        assertThat(sim.metering().records()).isEmpty();
        assertThat(sim.pricingCalculator().billScenarios()).isEmpty();
        assertThat(sim.costProfiler().reportDefinitions()).isEmpty();
    }

    private static SdkHttpFullRequest metering(String target, String body) {
        return request(SdkHttpMethod.POST, "metering.marketplace.us-east-1.amazonaws.com", "/", "application/x-amz-json-1.1",
            "aws-marketplace", target, body);
    }

    private static SdkHttpFullRequest pricing(String target, String body) {
        return request(SdkHttpMethod.POST, "bcm-pricing-calculator.us-east-1.api.aws", "/", "application/x-amz-json-1.0",
            "bcm-pricing-calculator", target, body);
    }

    private static SdkHttpFullRequest costProfiler(SdkHttpMethod method, String path, String body) {
        return request(method, "application-cost-profiler.us-east-1.amazonaws.com", path, "application/json",
            "application-cost-profiler", null, body);
    }

    private static SdkHttpFullRequest request(SdkHttpMethod method, String host, String path, String contentType,
                                              String signingName, String target, String body) {
        SdkHttpFullRequest.Builder b = SdkHttpFullRequest.builder().method(method).protocol("https").host(host)
            .encodedPath(path).putHeader("Content-Type", contentType)
            .putHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDAWSSIMEXAMPLE/20260101/us-east-1/" + signingName
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef")
            .contentStreamProvider(ContentStreamProvider.fromUtf8String(body));
        if (target != null) {
            b.putHeader("X-Amz-Target", target);
        }
        return b.build();
    }
}
