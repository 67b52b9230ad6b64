package io.github.awssim.junit;

import io.github.awssim.core.Simulation;
import io.github.awssim.core.services.s3.S3Simulator;
import io.github.awssim.junit.internal.CustomizationGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * Creates an S3 bucket in the test's simulation (in its account and region), optionally versioned, with the
 * objects listed. Repeatable. Bucket names follow S3's rules: a bad one fails the test with S3's own message.
 *
 * <pre>{@code
 * @SimulatedAws
 * @S3Bucket(value = "usage-archive", objects = {
 *     @S3ObjectSeed(key = "usage/2026/06/01/09.csv", content = "hour,dimension,quantity\n"),
 *     @S3ObjectSeed(key = "fixtures/big.csv", resource = "fixtures/big.csv")})
 * class ArchiveTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(S3Bucket.List.class)
@CustomizeSimulation(S3Bucket.Customizer.class)
public @interface S3Bucket {
    /** The bucket's name. */
    String value();

    /** Turns versioning on (S3's {@code Enabled}) before the objects are written. */
    boolean versioned() default false;

    /** Objects written into the bucket, in order (a key listed twice keeps the last). */
    S3ObjectSeed[] objects() default {};

    /** Holds repeated {@link S3Bucket}s. */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ExtendWith(CustomizationGuard.class)   // a repeated annotation is met inside this container
    @interface List {
        S3Bucket[] value();
    }

    /** Creates the bucket and writes its objects through the simulator's typed API. */
    final class Customizer implements SimulationCustomizer<S3Bucket> {
        @Override
        public void customize(S3Bucket a, Simulation simulation) {
            S3Simulator s3 = simulation.s3();
            s3.createBucket(a.value());
            if (a.versioned()) {
                s3.versioning(a.value(), BucketVersioningStatus.ENABLED);
            }
            for (S3ObjectSeed o : a.objects()) {
                boolean hasContent = !o.content().equals(S3ObjectSeed.NONE);
                boolean hasResource = !o.resource().isEmpty();
                if (hasContent == hasResource) {
                    throw new IllegalArgumentException("@S3ObjectSeed(key = \"" + o.key() + "\") in bucket '" + a.value()
                        + "' needs exactly one of content and resource");
                }
                if (hasContent) {
                    s3.putObject(a.value(), o.key(), o.content());
                } else {
                    putResource(s3, a.value(), o);
                }
            }
        }

        private static void putResource(S3Simulator s3, String bucket, S3ObjectSeed o) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            String name = o.resource().startsWith("/") ? o.resource().substring(1) : o.resource();
            try (InputStream in = loader == null ? null : loader.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalArgumentException("@S3ObjectSeed(key = \"" + o.key() + "\") in bucket '" + bucket
                        + "': no classpath resource '" + name + "'");
                }
                s3.putObject(bucket, o.key(), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("reading classpath resource '" + name + "'", e);
            }
        }
    }
}
