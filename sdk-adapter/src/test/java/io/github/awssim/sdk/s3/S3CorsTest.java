package io.github.awssim.sdk.s3;

import static io.github.awssim.sdk.s3.S3Fixture.code;
import static io.github.awssim.sdk.s3.S3Fixture.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.CORSRule;

/**
 * Put/Get/DeleteBucketCors with S3's checks of the configuration (the User Guide's "Elements of a CORS
 * configuration"); no browser preflight is simulated.
 */
class S3CorsTest {
    private static final CORSRule UPLOADS = CORSRule.builder().id("uploads").allowedOrigins("https://*.example.com")
        .allowedMethods("PUT", "POST").allowedHeaders("x-amz-*", "Content-Type").exposeHeaders("ETag").maxAgeSeconds(3000)
        .build();
    private final S3Fixture f = new S3Fixture();

    @BeforeEach
    void bucket() {
        f.s3.createBucket(b -> b.bucket("site"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void refused(Consumer<CORSRule.Builder> rule, String code, String message) {
        CORSRule r = rule(rule);
        assertThatThrownBy(() -> f.s3.putBucketCors(b -> b.bucket("site").corsConfiguration(c -> c.corsRules(r))))
            .satisfies(e -> assertThat(code(e)).isEqualTo(code))
            .satisfies(e -> assertThat(status(e)).isEqualTo(400))
            .hasMessageStartingWith(message);
    }

    private static CORSRule rule(Consumer<CORSRule.Builder> change) {
        CORSRule.Builder b = CORSRule.builder().allowedOrigins("*").allowedMethods("GET");
        change.accept(b);
        return b.build();
    }

    @Test
    void aConfigurationIsPutReadAndDeleted() {
        assertThatThrownBy(() -> f.s3.getBucketCors(b -> b.bucket("site")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchCORSConfiguration"))
            .satisfies(e -> assertThat(status(e)).isEqualTo(404))
            .hasMessageStartingWith("The CORS configuration does not exist");

        CORSRule reads = rule(r -> r.allowedMethods("GET", "HEAD"));
        f.s3.putBucketCors(b -> b.bucket("site").corsConfiguration(c -> c.corsRules(UPLOADS, reads)));
        assertThat(f.s3.getBucketCors(b -> b.bucket("site")).corsRules()).containsExactly(UPLOADS, reads);
        assertThat(f.async.getBucketCors(b -> b.bucket("site")).join().corsRules()).containsExactly(UPLOADS, reads);

        // a put replaces the whole configuration
        f.async.putBucketCors(b -> b.bucket("site").corsConfiguration(c -> c.corsRules(reads))).join();
        assertThat(f.pathStyle.getBucketCors(b -> b.bucket("site")).corsRules()).containsExactly(reads);

        f.s3.deleteBucketCors(b -> b.bucket("site"));
        assertThatThrownBy(() -> f.async.getBucketCors(b -> b.bucket("site")).join())
            .isInstanceOf(CompletionException.class)
            .satisfies(e -> assertThat(code(e.getCause())).isEqualTo("NoSuchCORSConfiguration"));
        f.s3.deleteBucketCors(b -> b.bucket("site"));   // deleting none is fine, as on S3
        assertThatThrownBy(() -> f.s3.getBucketCors(b -> b.bucket("nobody")))
            .satisfies(e -> assertThat(code(e)).isEqualTo("NoSuchBucket"));
    }

    @Test
    void aConfigurationHoldsOneToAHundredRules() {
        assertThatThrownBy(() -> f.s3.putBucketCors(b -> b.bucket("site").corsConfiguration(c -> c.corsRules(
            Collections.nCopies(101, UPLOADS))))).satisfies(e -> assertThat(code(e)).isEqualTo("MalformedXML"))
            .hasMessageContaining("101 CORSRules");
        assertThatThrownBy(() -> f.s3.putBucketCors(b -> b.bucket("site").corsConfiguration(c -> c.corsRules(
            Collections.emptyList())))).satisfies(e -> assertThat(code(e)).isEqualTo("MalformedXML"));
        f.s3.putBucketCors(b -> b.bucket("site").corsConfiguration(c -> c.corsRules(Collections.nCopies(100, UPLOADS))));
        assertThat(f.s3.getBucketCors(b -> b.bucket("site")).corsRules()).hasSize(100);
    }

    @Test
    void everyRuleNamesAnOriginAndAMethodS3Knows() {
        refused(r -> r.allowedOrigins(Collections.emptyList()), "MalformedXML", "The XML you provided was not well-formed");
        refused(r -> r.allowedMethods(Collections.emptyList()), "MalformedXML", "The XML you provided was not well-formed");
        refused(r -> r.allowedMethods("GET", "PATCH"), "InvalidRequest",
            "Found unsupported HTTP method in CORS config. Unsupported method is PATCH");
        refused(r -> r.allowedMethods("get"), "InvalidRequest",
            "Found unsupported HTTP method in CORS config. Unsupported method is get");
        refused(r -> r.id("x".repeat(256)), "InvalidArgument", "The ID of a CORSRule cannot be longer than 255");
        f.s3.putBucketCors(b -> b.bucket("site").corsConfiguration(c -> c.corsRules(rule(r -> r.id("x".repeat(255))
            .allowedMethods("GET", "PUT", "POST", "DELETE", "HEAD")))));
    }

    @Test
    void originsAndHeadersTakeOneWildcardAtMost() {
        refused(r -> r.allowedOrigins("https://*.example.*"), "InvalidRequest",
            "AllowedOrigin \"https://*.example.*\" can not have more than one wildcard.");
        refused(r -> r.allowedHeaders("x-*-*"), "InvalidRequest", "AllowedHeader \"x-*-*\" can not have more than one wildcard.");
        refused(r -> r.allowedHeaders("bad header"), "InvalidRequest", "AllowedHeader \"bad header\" contains invalid character.");
        refused(r -> r.exposeHeaders("X:Y"), "InvalidRequest", "ExposeHeader \"X:Y\" contains invalid character.");
        // one wildcard each, "*" alone included, is what S3 takes
        CORSRule open = rule(r -> r.allowedOrigins("*", "http://*.example.org").allowedHeaders("*", "x-amz-meta-*")
            .maxAgeSeconds(0));
        f.s3.putBucketCors(b -> b.bucket("site").corsConfiguration(c -> c.corsRules(open)));
        assertThat(f.s3.getBucketCors(b -> b.bucket("site")).corsRules()).containsExactly(open);
    }
}
