package io.github.awssim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awssim.core.Simulation;
import io.github.awssim.sdk.SimulationServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A {@code SimulationServer} parameter: serves this test's simulation, and stops listening after the test. */
class ServerParameterEngineTest {

    @Test
    void aServerParameterServesTheTestsSimulationAndClosesAfterIt() {
        ServesItsTest.endpoints.clear();

        EngineExecutionResultsAssert.succeeded(EngineRun.sequential().run(ServesItsTest.class), 2);

        assertThat(ServesItsTest.endpoints).hasSize(2).doesNotHaveDuplicates();
        for (URI endpoint : ServesItsTest.endpoints) {
            assertThatThrownBy(() -> put(endpoint, "/after/")).as("%s after its test", endpoint)
                .isInstanceOf(ConnectException.class);
        }
    }

    static HttpResponse<String> put(URI endpoint, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve(path))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/s3/aws4_request, "
                    + "SignedHeaders=host, Signature=00")
                .PUT(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Fixture
    @SimulatedAws(zeroCodeSwap = false)
    static class ServesItsTest {
        static final List<URI> endpoints = new CopyOnWriteArrayList<>();

        @Test
        void one(SimulationServer server, Simulation sim) throws Exception {
            createBucketOverHttp(server, sim, "first-bucket");
        }

        @Test
        void two(SimulationServer server, Simulation sim) throws Exception {
            createBucketOverHttp(server, sim, "second-bucket");
        }

        private static void createBucketOverHttp(SimulationServer server, Simulation sim, String bucket) throws Exception {
            endpoints.add(server.endpoint());
            assertThat(put(server.endpoint(), "/" + bucket + "/").statusCode()).isEqualTo(200);
            assertThat(sim.s3().listBuckets().buckets()).extracting(b -> b.name()).containsExactly(bucket);
        }
    }
}
