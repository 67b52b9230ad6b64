package io.github.awssim.sdk.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * One HTTP exchange of the loopback server, answered by awssim's own HTTP client: the request the
 * foreign client sent becomes the {@code SdkHttpRequest} an SDK would have handed that client, so it is
 * decoded from the wire exactly as a zero-code swap's is (service from the SigV4 credential scope, the
 * {@code X-Amz-Target} or the REST path; S3's bucket from the path or a {@code <bucket>.localhost} host),
 * and transport faults strike the socket: a reset or a lost response closes the connection unanswered.
 */
public final class ServerExchange {
    private static final Logger LOG = LoggerFactory.getLogger(ServerExchange.class);
    private static final int BUFFER = 64 * 1024;

    private ServerExchange() {
    }

    /** Answers {@code exchange} through {@code client}; always closes it. */
    public static void answer(SdkHttpClient client, HttpExchange exchange) {
        try (exchange) {
            SdkHttpFullRequest request;
            try {
                request = toSdkRequest(exchange);
            } catch (IllegalArgumentException e) {
                byte[] text = ("awssim: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(400, text.length);
                exchange.getResponseBody().write(text);
                return;
            }
            HttpExecuteResponse answer;
            try {
                InputStream body = exchange.getRequestBody();
                answer = client.prepareRequest(HttpExecuteRequest.builder()
                    .request(request).contentStreamProvider(() -> body).build()).call();
            } catch (IOException fault) {
                // A reset before the engine ran, or a response lost after it committed: the socket closes
                // with no answer, as the connection would have.
                LOG.info("awssim: closing {} {} unanswered: {}", request.method(), request.encodedPath(), fault.getMessage());
                return;
            }
            write(exchange, request.method(), answer);
        } catch (IOException e) {
            // The client went away mid-answer; there is nobody left to tell.
            LOG.debug("awssim: the client closed the connection: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.warn("awssim: the server could not answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    static SdkHttpFullRequest toSdkRequest(HttpExchange exchange) {
        SdkHttpMethod method;
        try {
            method = SdkHttpMethod.fromValue(exchange.getRequestMethod());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unsupported HTTP method " + exchange.getRequestMethod());
        }
        String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host"))
            .orElse(exchange.getLocalAddress().getHostString());
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']') < colon) {
            host = host.substring(0, colon);
        }
        SdkHttpFullRequest.Builder b = SdkHttpFullRequest.builder()
            .method(method)
            .protocol("http")
            .host(host)
            .port(exchange.getLocalAddress().getPort())
            .encodedPath(Optional.ofNullable(exchange.getRequestURI().getRawPath()).orElse("/"));
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                // "?uploads" (no '=') is a key without a value, as the SDK's own marshallers put it
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? null : decode(pair.substring(eq + 1));
                b.appendRawQueryParameter(name, value);
            }
        }
        for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
            b.putHeader(h.getKey(), h.getValue());
        }
        return b.build();
    }

    private static String decode(String s) {
        // SigV4 clients encode spaces as %20; a '+' from a form-style client is a space, as AWS reads it
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void write(HttpExchange exchange, SdkHttpMethod method, HttpExecuteResponse answer) throws IOException {
        SdkHttpResponse response = answer.httpResponse();
        Headers out = exchange.getResponseHeaders();
        response.forEachHeader((name, values) -> out.put(name, values));
        Optional<AbortableInputStream> body = answer.responseBody();
        try {
            long declared = response.firstMatchingHeader("Content-Length").map(ServerExchange::parse).orElse(-1L);
            // sendResponseHeaders: -1 means no body, 0 means chunked; a HEAD keeps the Content-Length set above
            long length = method == SdkHttpMethod.HEAD || body.isEmpty() || declared == 0 ? -1
                : declared > 0 ? declared : 0;
            if (method != SdkHttpMethod.HEAD && length == -1) {
                out.remove("Content-Length");
            }
            exchange.sendResponseHeaders(response.statusCode(), length);
            if (length != -1 && body.isPresent()) {
                copy(body.get(), exchange.getResponseBody());
            }
        } finally {
            if (body.isPresent()) {
                body.get().close();
            }
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
        }
        out.flush();
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
