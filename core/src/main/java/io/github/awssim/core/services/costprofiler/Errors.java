package io.github.awssim.core.services.costprofiler;

import software.amazon.awssdk.services.applicationcostprofiler.model.AccessDeniedException;
import software.amazon.awssdk.services.applicationcostprofiler.model.InternalServerException;
import software.amazon.awssdk.services.applicationcostprofiler.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.applicationcostprofiler.model.ThrottlingException;
import software.amazon.awssdk.services.applicationcostprofiler.model.ValidationException;

/**
 * The service's modeled exceptions. Each carries only a message (the model gives them no other member); the HTTP
 * status comes from {@code models/applicationcostprofiler.errors.properties} (400, 403, 402, 429, 500).
 */
final class Errors {
    private Errors() {
    }

    static ValidationException invalid(String message) {
        return ValidationException.builder().message(message).build();
    }

    static AccessDeniedException accessDenied(String message) {
        return AccessDeniedException.builder().message(message).build();
    }

    static ServiceQuotaExceededException quota(String message) {
        return ServiceQuotaExceededException.builder().message(message).build();
    }

    static ThrottlingException throttling(String message) {
        return ThrottlingException.builder().message(message).build();
    }

    static InternalServerException internal(String message) {
        return InternalServerException.builder().message(message).build();
    }
}
