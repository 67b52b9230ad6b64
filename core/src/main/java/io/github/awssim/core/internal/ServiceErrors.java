package io.github.awssim.core.internal;

import io.github.awssim.core.Outcome;
import io.github.awssim.core.internal.model.ConstraintValidator;
import io.github.awssim.core.internal.model.ConstraintValidator.Violation;
import io.github.awssim.core.internal.model.OperationModel;
import io.github.awssim.core.internal.model.ServiceModel;
import io.github.awssim.core.internal.model.ServiceModels;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Errors of one service: builds its modeled and unmodeled exceptions and says which code and HTTP status
 * each travels with. The codes and statuses come from the service's editable error table
 * ({@code models/<service>.errors.properties}); services awssim ships no model for fall back to the
 * exception's simple class name and 400.
 */
public final class ServiceErrors {
    /** Code AWS JSON front ends answer for constraint violations when the service models no such error. */
    public static final String VALIDATION_CODE = "ValidationException";
    /** awssim's code when user code it runs (a backend, a stub, a fault rule's condition) threw. */
    public static final String BACKEND_FAILURE = "AwssimBackendFailure";
    /**
     * Prefix of the pseudo-headers an exception's {@code awsErrorDetails().sdkHttpResponse()} carries for extra
     * elements of an XML error document (S3's {@code <Condition>If-Match</Condition>} of a PreconditionFailed): the
     * adapter writes {@code x-awssim-error-element-Condition: If-Match} as that element, never as a header.
     */
    public static final String ERROR_ELEMENT_HEADER = "x-awssim-error-element-";

    private static final Map<Class<?>, ServiceErrors> CACHE = new ConcurrentHashMap<>();

    private final String service;
    private final String modelPackage;
    private final Optional<ServiceModel> model;
    private final Class<? extends AwsServiceException> baseException;
    private final ClassLoader loader;

    private ServiceErrors(Class<? extends SdkClient> clientInterface) {
        this.service = ServiceNames.serviceName(clientInterface);
        this.modelPackage = clientInterface.getPackageName() + ".model";
        this.loader = clientInterface.getClassLoader();
        this.model = ServiceModels.forService(service);
        this.baseException = loadException(service + "Exception")
            .orElseThrow(() -> new IllegalStateException("awssim: no base exception " + modelPackage + "." + service + "Exception"));
    }

    public static ServiceErrors of(Class<? extends SdkClient> clientInterface) {
        return CACHE.computeIfAbsent(clientInterface, c -> new ServiceErrors(clientInterface));
    }

    public String service() {
        return service;
    }

    public Optional<ServiceModel> model() {
        return model;
    }

    /** The service's base exception class, e.g. {@code MarketplaceMeteringException}. */
    public Class<? extends AwsServiceException> baseException() {
        return baseException;
    }

    /**
     * An error the service model does not name (Metering's {@code DryRunOperation}, S3's
     * {@code BucketNotEmpty}, awssim's own): the base exception carrying the code and status, which is
     * what the SDK itself builds from such an answer.
     */
    public AwsServiceException unmodeled(String code, int status, String message) {
        return unmodeled(code, status, message, null);
    }

    /**
     * An error the model does not name, with the HTTP status the service's error table gives its code
     * ({@code models/<service>.errors.properties}, e.g. S3's {@code PreconditionFailed=412}); 400 when the
     * table has none.
     */
    public AwsServiceException unmodeled(String code, String message) {
        return unmodeled(code, model.flatMap(m -> m.unmodeledStatus(code)).orElse(400), message, null);
    }

    /** As {@link #unmodeled(String, int, String)}, keeping what caused it (visible in the journal, not on the wire). */
    public AwsServiceException unmodeled(String code, int status, String message, Throwable cause) {
        AwsServiceException.Builder b = builderOf(baseException);
        return b.message(message)
            .cause(cause)
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName(service).build())
            .build();
    }

    /** A modeled exception by its wire code with a message, e.g. {@code modeled("ThrottlingException", "Rate exceeded")}. */
    public AwsServiceException modeled(String code, String message) {
        return modeledBuilder(code).message(message).build();
    }

    /** The builder of a modeled exception by wire code, to set its modeled members. */
    public AwsServiceException.Builder modeledBuilder(String code) {
        String shape = model.flatMap(m -> m.errorForCode(code)).map(ServiceModel.ErrorInfo::shapeName).orElse(code);
        Class<? extends AwsServiceException> type = loadException(shape)
            .or(() -> loadException(shape + "Exception"))
            .orElseThrow(() -> new IllegalArgumentException("awssim: " + service + " models no error " + code));
        return builderOf(type);
    }

    /**
     * The exception AWS's front end answers when a request breaks the model's constraints: the service's
     * own {@code ValidationException} when it models one (with {@code reason}/{@code fieldList} when
     * modeled), otherwise an unmodeled {@code ValidationException} code with status 400.
     */
    public AwsServiceException validation(List<Violation> violations) {
        String message = ConstraintValidator.summary(violations);
        boolean modeled = model.flatMap(m -> m.errorForCode(VALIDATION_CODE)).isPresent();
        if (!modeled) {
            return unmodeled(VALIDATION_CODE, 400, message);
        }
        AwsServiceException.Builder b = modeledBuilder(VALIDATION_CODE).message(message);
        SdkPojo pojo = (SdkPojo) b;
        for (SdkField<?> f : pojo.sdkFields()) {
            if (f.memberName().equals("reason")) {
                f.set(b, "fieldValidationFailed");
            } else if (f.memberName().equals("fieldList")) {
                f.set(b, violations.stream().map(v -> fieldEntry(f, v)).toList());
            }
        }
        return b.build();
    }

    private static Object fieldEntry(SdkField<?> listField, Violation v) {
        SdkField<?> member = listField.getRequiredTrait(software.amazon.awssdk.core.traits.ListTrait.class).memberFieldInfo();
        SdkPojo entry = member.constructor().get();
        for (SdkField<?> f : entry.sdkFields()) {
            if (f.memberName().equals("name")) {
                f.set(entry, v.path());
            } else if (f.memberName().equals("message")) {
                f.set(entry, v.describe());
            }
        }
        return ((software.amazon.awssdk.utils.builder.Buildable) entry).build();
    }

    /**
     * The service's own throttling error: its modeled {@code ThrottlingException} when it has one, S3's
     * {@code SlowDown} (503), otherwise the {@code ThrottlingException} code at 400, which the SDK
     * classifies as throttling by code.
     */
    public AwsServiceException throttling(String message) {
        if (model.flatMap(m -> m.errorForCode("ThrottlingException")).isPresent()) {
            return modeled("ThrottlingException", message);
        }
        if (service.equals("S3")) {
            return unmodeled("SlowDown", 503, message);
        }
        return unmodeled("ThrottlingException", 400, message);
    }

    /** Validates a request against the shipped model; empty when the service has no model or the request passes. */
    public Optional<AwsServiceException> validate(String operation, SdkPojo request) {
        Optional<OperationModel> op = model.flatMap(m -> m.operation(operation));
        if (op.isEmpty()) {
            return Optional.empty();
        }
        List<Violation> violations = ConstraintValidator.validate(op.get(), request);
        return violations.isEmpty() ? Optional.empty() : Optional.of(validation(violations));
    }

    /** The code and status {@code e} travels with on the wire. */
    public Outcome.ServiceError describe(AwsServiceException e) {
        String code = e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
            ? e.awsErrorDetails().errorCode() : codeOf(e.getClass());
        int status = e.statusCode() > 0 ? e.statusCode() : statusOf(code);
        return new Outcome.ServiceError(e, code, status);
    }

    private String codeOf(Class<?> type) {
        String simple = type.getSimpleName();
        if (model.isEmpty()) {
            return simple;
        }
        ServiceModel m = model.get();
        return m.errorForShape(simple)
            .or(() -> simple.endsWith("Exception")
                ? m.errorForShape(simple.substring(0, simple.length() - "Exception".length())) : Optional.empty())
            .map(ServiceModel.ErrorInfo::code)
            .orElse(simple);
    }

    private int statusOf(String code) {
        return model.flatMap(m -> m.errorForCode(code)).map(ServiceModel.ErrorInfo::httpStatus).orElse(400);
    }

    @SuppressWarnings("unchecked")
    private Optional<Class<? extends AwsServiceException>> loadException(String simpleName) {
        try {
            Class<?> c = Class.forName(modelPackage + "." + simpleName, false, baseLoader());
            return AwsServiceException.class.isAssignableFrom(c)
                ? Optional.of((Class<? extends AwsServiceException>) c) : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private ClassLoader baseLoader() {
        return loader;
    }

    private static AwsServiceException.Builder builderOf(Class<? extends AwsServiceException> type) {
        try {
            Method builder = type.getMethod("builder");
            return (AwsServiceException.Builder) builder.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("awssim: cannot build " + type.getName(), e);
        }
    }
}
