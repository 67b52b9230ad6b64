package io.github.awssim.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import software.amazon.awssdk.services.marketplacemetering.model.MeterUsageRequest;
import software.amazon.awssdk.services.marketplacemetering.model.ThrottlingException;

/**
 * A user's composed, repeatable annotation (AnnotationCornersEngineTest). Public, as annotation types whose
 * containers JUnit reads reflectively must be.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(ThrottleOnce.List.class)
@InjectFault(on = MeterUsageRequest.class, times = 1, fail = ThrottlingException.class)
public @interface ThrottleOnce {
    /** The container of a repeated {@code @ThrottleOnce}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {
        ThrottleOnce[] value();
    }
}
