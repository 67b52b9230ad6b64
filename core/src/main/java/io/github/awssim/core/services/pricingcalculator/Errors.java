package io.github.awssim.core.services.pricingcalculator;

import java.util.List;
import software.amazon.awssdk.services.bcmpricingcalculator.model.AccessDeniedException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ConflictException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.DataUnavailableException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.InternalServerException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ThrottlingException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationException;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationExceptionField;
import software.amazon.awssdk.services.bcmpricingcalculator.model.ValidationExceptionReason;

/** The service's modeled exceptions, with the members the model requires filled in. */
final class Errors {
    static final String SERVICE_CODE = "bcm-pricing-calculator";

    private Errors() {
    }

    /** {@code ValidationException}, reason {@code fieldValidationFailed}, naming one field. */
    static ValidationException invalid(String field, String message) {
        return invalid(ValidationExceptionReason.FIELD_VALIDATION_FAILED, field, message);
    }

    static ValidationException invalid(ValidationExceptionReason reason, String field, String message) {
        return ValidationException.builder().message(message).reason(reason)
            .fieldList(List.of(ValidationExceptionField.builder().name(field).message(message).build()))
            .build();
    }

    static ResourceNotFoundException notFound(PricingCalculatorResource type, String id, String message) {
        return ResourceNotFoundException.builder().message(message).resourceId(id).resourceType(type.resourceType())
            .build();
    }

    static ConflictException conflict(String resourceType, String id, String message) {
        return ConflictException.builder().message(message).resourceId(id).resourceType(resourceType).build();
    }

    static ServiceQuotaExceededException quota(PricingCalculatorQuota quota, String resourceType, String resourceId,
                                               String message) {
        return ServiceQuotaExceededException.builder().message(message).resourceId(resourceId).resourceType(resourceType)
            .serviceCode(SERVICE_CODE).quotaCode(quota.quotaCode()).build();
    }

    static AccessDeniedException accessDenied(String message) {
        return AccessDeniedException.builder().message(message).build();
    }

    static DataUnavailableException dataUnavailable(String message) {
        return DataUnavailableException.builder().message(message).build();
    }

    static ThrottlingException throttling(String message) {
        return ThrottlingException.builder().message(message).serviceCode(SERVICE_CODE).retryAfterSeconds(1).build();
    }

    static InternalServerException internal(String message) {
        return InternalServerException.builder().message(message).build();
    }
}
