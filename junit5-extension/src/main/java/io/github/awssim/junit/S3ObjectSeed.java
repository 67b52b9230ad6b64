package io.github.awssim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One object of an {@link S3Bucket}: its key and either its text ({@link #content}, stored as UTF-8) or a
 * classpath resource whose bytes it holds ({@link #resource}). Exactly one of the two.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface S3ObjectSeed {
    /** The default of {@link #content}: no text given. */
    String NONE = "\u0000awssim:none";

    String key();

    /** The object's text, stored as UTF-8 (an empty string is an empty object). */
    String content() default NONE;

    /** A classpath resource (resolved by the thread's context class loader) whose bytes the object holds. */
    String resource() default "";
}
