package io.github.awssim.sdk.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.SimulatedHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.services.applicationcostprofiler.ApplicationCostProfilerClient;
import software.amazon.awssdk.services.applicationcostprofiler.model.GetReportDefinitionRequest;
import software.amazon.awssdk.services.applicationcostprofiler.model.GetReportDefinitionResponse;
import software.amazon.awssdk.services.applicationcostprofiler.model.ListReportDefinitionsResponse;
import software.amazon.awssdk.services.bcmpricingcalculator.BcmPricingCalculatorClient;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetPreferencesRequest;
import software.amazon.awssdk.services.bcmpricingcalculator.model.GetPreferencesResponse;
import software.amazon.awssdk.services.marketplacemetering.MarketplaceMeteringClient;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageResponse;

/**
 * Bad input on the wire, sent as raw HTTP requests straight to awssim's HTTP client (no SDK marshaller
 * in front): each gets the service's own error code or a clear {@code awssim:} message, with a 4xx
 * status, and never a Java stack trace in the body; the backend is not called.
 */
class WireRobustnessTest {
    private static final String METERING = "AWSMPMeteringService";
    private static final String BCM = "AWSBCMPricingCalculator";

    private Simulation sim;
    private SimulatedHttpClient http;
    private ScriptedBackend metering;
    private ScriptedBackend acp;
    private ScriptedBackend bcm;

    @BeforeEach
    void setUp() {
        sim = Simulation.builder().seed(7).build();
        http = SimulatedHttpClient.create(sim);
        metering = ScriptedBackend.of(MarketplaceMeteringClient.class);
        acp = ScriptedBackend.of(ApplicationCostProfilerClient.class);
        bcm = ScriptedBackend.of(BcmPricingCalculatorClient.class);
        metering.answer(r -> MeterUsageResponse.builder().meteringRecordId("rec-1").build());
        acp.answer(r -> r instanceof GetReportDefinitionRequest
            ? GetReportDefinitionResponse.builder().reportId(((GetReportDefinitionRequest) r).reportId()).build()
            : ListReportDefinitionsResponse.builder().build());
        bcm.answer(r -> GetPreferencesResponse.builder().build());
        sim.register(MarketplaceMeteringClient.class, metering.proxy(MarketplaceMeteringClient.class));
        sim.register(ApplicationCostProfilerClient.class, acp.proxy(ApplicationCostProfilerClient.class));
        sim.register(BcmPricingCalculatorClient.class, bcm.proxy(BcmPricingCalculatorClient.class));
    }

    @AfterEach
    void tearDown() {
        sim.close();
    }

    // ---- awsJson: bodies that do not parse ----------------------------------------------------

    @Test
    void malformedJsonIsASerializationException() throws IOException {
        Answer a = send(awsJson11(METERING + ".MeterUsage", "{\"ProductCode\": \"p\", "));

        a.assertError(400, "SerializationException").messageContains("not valid JSON");
        assertThat(metering.received()).isEmpty();
        assertThat(sim.journal().size()).as("no typed request to journal").isZero();
    }

    @Test
    void aParseErrorSaysWhatAndWhereInJsonTermsNotTheParsers() throws IOException {
        Answer truncated = send(awsJson11(METERING + ".MeterUsage", "{\"ProductCode\": \"p\""));
        Answer nan = send(awsJson11(METERING + ".MeterUsage", "{\n\"UsageQuantity\": NaN}"));
        Answer acpTruncated = send(restJson(SdkHttpMethod.PUT, "/reportDefinition/r1", Map.of(), "{\"reportDescription\": \"d\""));

        truncated.assertError(400, "SerializationException").messageContains("Unexpected end-of-input")
            .messageContains("(line 1, column ");
        nan.assertError(400, "SerializationException").messageContains("Non-standard token 'NaN'")
            .messageContains("(line 2, column ");
        acpTruncated.assertError(400, "SerializationException").messageContains("Unexpected end-of-input");
        for (Answer a : List.of(truncated, nan, acpTruncated)) {
            a.messageDoesNotContain("Source").messageDoesNotContain("Feature").messageDoesNotContain("REDACTED")
                .messageDoesNotContain("enable `");
        }
        assertThat(metering.received()).isEmpty();
        assertThat(acp.received()).isEmpty();
    }

    @Test
    void invalidUtf8IsASerializationException() throws IOException {
        byte[] body = {'{', '"', 'P', 'r', 'o', 'd', 'u', 'c', 't', 'C', 'o', 'd', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        Answer a = send(request(SdkHttpMethod.POST, "metering.marketplace.us-east-1.amazonaws.com", "/", Map.of(),
            Map.of("X-Amz-Target", METERING + ".MeterUsage", "Content-Type", "application/x-amz-json-1.1"), body));

        a.assertError(400, "SerializationException");
        assertThat(metering.received()).isEmpty();
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsASerializationException() throws IOException {
        for (String body : List.of("[1, 2]", "\"text\"", "42", "null", "true")) {
            Answer a = send(awsJson11(METERING + ".MeterUsage", body));

            a.assertError(400, "SerializationException").messageContains("request body to be a JSON object");
        }
        assertThat(metering.received()).isEmpty();
    }

    @Test
    void contentAfterTheDocumentIsASerializationException() throws IOException {
        Answer a = send(awsJson11(METERING + ".MeterUsage", "{} {}"));

        a.assertError(400, "SerializationException").messageContains("after the end");
        assertThat(metering.received()).isEmpty();
    }

    // ---- awsJson: members of the wrong type ---------------------------------------------------

    @Test
    void aStringWhereANumberIsExpectedNamesTheMember() throws IOException {
        Answer a = send(awsJson11(METERING + ".MeterUsage", "{\"ProductCode\":\"p\",\"UsageQuantity\":\"three\"}"));

        a.assertError(400, "SerializationException").messageContains("UsageQuantity").messageContains("integer");
        assertThat(metering.received()).isEmpty();
    }

    @Test
    void aNumberTooBigForAnIntegerNamesTheMember() throws IOException {
        Answer a = send(awsJson11(METERING + ".MeterUsage", "{\"UsageQuantity\": 99999999999999999999}"));

        a.assertError(400, "SerializationException").messageContains("'UsageQuantity'").messageContains("out of range");
        assertThat(metering.received()).isEmpty();
    }

    @Test
    void anEpochTimestampOutOfRangeIsASerializationException() throws IOException {
        for (String ts : List.of("1e30", "-99999999999999999999.5", "31556889864403200")) {
            Answer a = send(awsJson11(METERING + ".MeterUsage", "{\"Timestamp\": " + ts + "}"));

            a.assertError(400, "SerializationException").messageContains("'Timestamp'").messageContains("timestamp");
        }
        assertThat(metering.received()).isEmpty();
    }

    @Test
    void aTimestampWithAHugeExponentIsRefusedAtOnce() {
        // a guard against a hang, not a speed target: expanding 10^100000000 took minutes
        for (String ts : List.of("1e100000000", "\"1e100000000\"", "-1e100000000", "1e-100000000")) {
            Answer a = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> send(awsJson11(METERING + ".MeterUsage", "{\"Timestamp\": " + ts + "}")), ts);

            if (ts.equals("1e-100000000")) {
                assertThat(a.status).as(ts).isEqualTo(200);   // a nanosecond from the epoch: a valid instant
            } else {
                a.assertError(400, "SerializationException").messageContains("'Timestamp'").messageContains("timestamp");
            }
        }
    }

    @Test
    void aWrongTypeInsideANestedListNamesThePath() throws IOException {
        Answer a = send(awsJson11(METERING + ".MeterUsage",
            "{\"UsageAllocations\":[{\"AllocatedUsageQuantity\":1},{\"AllocatedUsageQuantity\":true}]}"));

        a.assertError(400, "SerializationException").messageContains("'UsageAllocations.2.AllocatedUsageQuantity'")
            .messageContains("integer").messageContains("boolean");
        assertThat(metering.received()).isEmpty();
    }

    @Test
    void anObjectWhereAListIsExpectedIsASerializationException() throws IOException {
        Answer a = send(awsJson11(METERING + ".MeterUsage", "{\"UsageAllocations\":{\"a\":1}}"));

        a.assertError(400, "SerializationException")
            .messageContains("Expected a JSON array at 'UsageAllocations' but found an object");
        assertThat(metering.received()).isEmpty();
    }

    @Test
    void anUnreadableTimestampIsASerializationException() throws IOException {
        Answer a = send(awsJson11(METERING + ".MeterUsage", "{\"Timestamp\":\"yesterday\"}"));

        a.assertError(400, "SerializationException").messageContains("Timestamp");
        assertThat(metering.received()).isEmpty();
    }

    // ---- awsJson: bodies AWS accepts ----------------------------------------------------------

    @Test
    void anEmptyBodyIsAnEmptyInput() throws IOException {
        // Smithy awsJson protocol tests (AwsJson10ServiceSupportsNoPayloadForNoInput): services accept no
        // payload as well as {}; the backend sees a request with no members set and answers it.
        Answer a = send(request(SdkHttpMethod.POST, "bcm-pricing-calculator.us-east-1.api.aws", "/", Map.of(),
            Map.of("X-Amz-Target", BCM + ".GetPreferences", "Content-Type", "application/x-amz-json-1.0"), new byte[0]));

        assertThat(a.status).as(a.toString()).isEqualTo(200);
        assertThat(bcm.received()).hasSize(1);
        assertThat(bcm.received().get(0).request()).isEqualTo(GetPreferencesRequest.builder().build());
    }

    @Test
    void unknownMembersAreIgnored() throws IOException {
        Answer a = send(awsJson11(METERING + ".MeterUsage",
            "{\"ProductCode\":\"p\",\"NoSuchMember\":{\"deep\":[1,{\"x\":null}]},\"Other\":null}"));

        assertThat(a.status).as(a.toString()).isEqualTo(200);
        assertThat(metering.received()).hasSize(1);
        SdkRequest got = metering.received().get(0).request();
        assertThat(got.equalsBySdkFields(MeterUsageRequest.builder().productCode("p").build())).isTrue();
    }

    // ---- awsJson: targets ---------------------------------------------------------------------

    @Test
    void anUnknownOperationOfAKnownServiceIsUnknownOperationException() throws IOException {
        Answer a = send(awsJson11(METERING + ".FlyToTheMoon", "{}"));

        a.assertError(400, "UnknownOperationException").messageContains("awssim:").messageContains("FlyToTheMoon");
        assertThat(metering.received()).isEmpty();
        assertThat(sim.journal().size()).isZero();
    }

    @Test
    void anUnknownServiceTargetIsAClearAwssimError() throws IOException {
        Answer a = send(awsJson11("NoSuchService_20240101.DoThing", "{}"));

        a.assertError(400, "UnknownOperationException").messageContains("awssim:").messageContains("which service");
    }

    @Test
    void aRequestNothingIdentifiesIsAClearAwssimError() throws IOException {
        Answer a = send(request(SdkHttpMethod.POST, "example.com", "/", Map.of(), Map.of("Content-Type", "application/json"),
            "{}".getBytes(StandardCharsets.UTF_8)));

        a.assertError(400, "UnknownOperationException").messageContains("awssim:").messageContains("which service");
    }

    @Test
    void anAwsJsonRequestWithoutATargetSaysSo() throws IOException {
        Answer a = send(request(SdkHttpMethod.POST, "metering.marketplace.us-east-1.amazonaws.com", "/", Map.of(),
            Map.of("Content-Type", "application/x-amz-json-1.1", "Authorization", sigV4("aws-marketplace")),
            "{}".getBytes(StandardCharsets.UTF_8)));

        a.assertError(400, "UnknownOperationException").messageContains("awssim:")
            .messageContains("X-Amz-Target").messageContains("AWSMPMeteringService.<Operation>");
        assertThat(metering.received()).isEmpty();
    }

    // ---- restJson1 ----------------------------------------------------------------------------

    @Test
    void aRestPathNoOperationIsBoundToIsUnknownOperationException() throws IOException {
        Answer a = send(restJson(SdkHttpMethod.GET, "/no/such/path", Map.of(), ""));

        a.assertError(400, "UnknownOperationException").messageContains("awssim:").messageContains("GET /no/such/path");
        assertThat(acp.received()).isEmpty();
    }

    @Test
    void aKnownPathWithTheWrongMethodIsUnknownOperationException() throws IOException {
        Answer a = send(restJson(SdkHttpMethod.PATCH, "/reportDefinition/r1", Map.of(), "{}"));

        a.assertError(400, "UnknownOperationException").messageContains("PATCH /reportDefinition/r1");
        assertThat(acp.received()).isEmpty();
    }

    @Test
    void aMissingUriLabelMatchesNoOperation() throws IOException {
        Answer a = send(restJson(SdkHttpMethod.GET, "/reportDefinition//", Map.of(), ""));

        a.assertError(400, "UnknownOperationException");
        assertThat(acp.received()).isEmpty();
    }

    @Test
    void aPercentEncodedUriLabelIsDecoded() throws IOException {
        Answer a = send(restJson(SdkHttpMethod.GET, "/reportDefinition/a%2Fb%20c%25", Map.of(), ""));

        assertThat(a.status).as(a.toString()).isEqualTo(200);
        assertThat(((GetReportDefinitionRequest) acp.received().get(0).request()).reportId()).isEqualTo("a/b c%");
    }

    @Test
    void aQueryParameterOfTheWrongTypeNamesIt() throws IOException {
        Answer a = send(restJson(SdkHttpMethod.GET, "/reportDefinition", Map.of("maxResults", List.of("lots")), ""));

        a.assertError(400, "SerializationException").messageContains("maxResults");
        assertThat(acp.received()).isEmpty();
    }

    @Test
    void malformedJsonOnRestJsonIsASerializationException() throws IOException {
        Answer a = send(restJson(SdkHttpMethod.PUT, "/reportDefinition/r1", Map.of(), "{\"reportDescription\": }"));

        a.assertError(400, "SerializationException").messageContains("not valid JSON");
        assertThat(acp.received()).isEmpty();
    }

    // ---- backends that misbehave --------------------------------------------------------------

    @Test
    void aBackendThatThrowsAnyExceptionIsAnAwssimErrorWithoutAStackTrace() throws IOException {
        metering.answer(r -> {
            throw new IllegalStateException("backend bug");
        });

        Answer a = send(awsJson11(METERING + ".MeterUsage", "{\"ProductCode\":\"p\"}"));

        assertThat(a.status).as(a.toString()).isBetween(400, 599);
        assertThat(a.message).contains("awssim:").contains("backend bug");
    }

    // ---- plumbing -----------------------------------------------------------------------------

    private static SdkHttpFullRequest awsJson11(String target, String body) {
        return request(SdkHttpMethod.POST, "metering.marketplace.us-east-1.amazonaws.com", "/", Map.of(),
            Map.of("X-Amz-Target", target, "Content-Type", "application/x-amz-json-1.1"), body.getBytes(StandardCharsets.UTF_8));
    }

    private static SdkHttpFullRequest restJson(SdkHttpMethod method, String path, Map<String, List<String>> query, String body) {
        return request(method, "application-cost-profiler.us-east-1.amazonaws.com", path, query,
            Map.of("Content-Type", "application/json", "Authorization", sigV4("application-cost-profiler")),
            body.getBytes(StandardCharsets.UTF_8));
    }

    private static String sigV4(String signingName) {
        return "AWS4-HMAC-SHA256 Credential=AKIDAWSSIMEXAMPLE/20240101/us-east-1/" + signingName
            + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef";
    }

    private static SdkHttpFullRequest request(SdkHttpMethod method, String host, String path,
                                              Map<String, List<String>> query, Map<String, String> headers, byte[] body) {
        SdkHttpFullRequest.Builder b = SdkHttpFullRequest.builder().method(method).protocol("https").host(host)
            .encodedPath(path).rawQueryParameters(new HashMap<>(query));
        headers.forEach(b::putHeader);
        b.contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(body));
        return b.build();
    }

    private Answer send(SdkHttpFullRequest request) throws IOException {
        HttpExecuteResponse r = http.prepareRequest(HttpExecuteRequest.builder().request(request)
            .contentStreamProvider(request.contentStreamProvider().orElse(null)).build()).call();
        byte[] body;
        try (InputStream in = r.responseBody().orElseThrow()) {
            body = in.readAllBytes();
        }
        return new Answer(r.httpResponse().statusCode(), r.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(null),
            new String(body, StandardCharsets.UTF_8));
    }

    /** An HTTP answer, with the error fields the SDK's JSON error unmarshaller reads. */
    private static final class Answer {
        final int status;
        final String errorTypeHeader;
        final String body;
        final String type;
        final String message;

        Answer(int status, String errorTypeHeader, String body) throws IOException {
            this.status = status;
            this.errorTypeHeader = errorTypeHeader;
            this.body = body;
            String t = null;
            String m = null;
            if (!body.isEmpty()) {
                try (JsonParser p = com.fasterxml.jackson.core.JsonFactory.builder().build().createParser(body)) {
                    if (p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            p.nextToken();
                            if (name.equals("__type")) {
                                t = p.getText();
                            } else if (name.equals("message")) {
                                m = p.getText();
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                }
            }
            this.type = t;
            this.message = m;
        }

        Answer assertError(int expectedStatus, String code) {
            assertThat(status).as("status of " + this).isEqualTo(expectedStatus);
            assertThat(errorTypeHeader).as("x-amzn-ErrorType of " + this).isEqualTo(code);
            assertThat(type).as("__type of " + this).isEqualTo(code);
            assertThat(message).as("message of " + this).isNotBlank();
            assertThat(body).as("no stack trace in " + this)
                .doesNotContain("\tat ").doesNotContain("\n\tat").doesNotContainPattern("at [a-z]+\\.[\\w.$]+\\([\\w]+\\.java:\\d+\\)")
                .doesNotContain("java.lang.").doesNotContain("com.fasterxml").doesNotContain("io.github.awssim.");
            return this;
        }

        Answer messageContains(String text) {
            assertThat(message).as("message of " + this).contains(text);
            return this;
        }

        Answer messageDoesNotContain(String text) {
            assertThat(message).as("message of " + this).doesNotContain(text);
            return this;
        }

        @Override
        public String toString() {
            return status + " " + errorTypeHeader + " " + body;
        }
    }
}
