package io.github.awssim.core.internal;

import io.github.awssim.core.internal.model.ConstraintValidator;
import io.github.awssim.core.internal.model.ConstraintValidator.Violation;
import io.github.awssim.core.internal.model.OperationModel;
import io.github.awssim.core.internal.model.ServiceModel;
import io.github.awssim.core.internal.model.ServiceModels;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * Checks that an answer chosen by a test (a stub, an injected fault) is one the service could send:
 * the operation's response type with its required members and valid enums, or an exception the
 * operation models (or the service's base exception carrying a code).
 */
public final class AnswerChecks {
    private AnswerChecks() {
    }


    /** A stubbed response must be the operation's response type, with its required members and valid enums. */
    public static SdkResponse checkResponse(Class<? extends SdkRequest> requestType, SdkResponse response) {
        Objects.requireNonNull(response, "response");
        String operation = operationOf(requestType);
        String expected = requestType.getName().substring(0, requestType.getName().length() - "Request".length()) + "Response";
        if (!response.getClass().getName().equals(expected)) {
            throw new IllegalArgumentException(Messages.stubWrongResponse(operation, response.getClass(), expected));
        }
        Optional<OperationModel> op = model(requestType).flatMap(m -> m.operation(operation));
        op.flatMap(OperationModel::output).ifPresent(shape -> {
            List<Violation> v = ConstraintValidator.validateAnswer(shape, (SdkPojo) response);
            if (!v.isEmpty()) {
                throw new IllegalArgumentException(Messages.stubInvalidAnswer(operation, response.getClass(), v));
            }
        });
        return response;
    }

    /**
     * A stubbed exception must be one the operation models (with its required members), or the service's
     * base exception carrying an error code (an error the model does not list, such as S3's BucketNotEmpty).
     */
    public static AwsServiceException checkException(Class<? extends SdkRequest> requestType, AwsServiceException exception) {
        Objects.requireNonNull(exception, "exception");
        String operation = operationOf(requestType);
        Class<? extends SdkClient> client = clientOf(requestType);
        ServiceErrors errors = ServiceErrors.of(client);
        if (!errors.baseException().isInstance(exception)) {
            throw new IllegalArgumentException(Messages.stubForeignException(operation, exception.getClass(), errors.baseException()));
        }
        if (exception.getClass() == errors.baseException()) {
            if (exception.awsErrorDetails() == null || exception.awsErrorDetails().errorCode() == null) {
                throw new IllegalArgumentException(Messages.stubUnmodeledWithoutCode(operation, errors.baseException()));
            }
            return exception;
        }
        Optional<ServiceModel> model = errors.model();
        Optional<OperationModel> op = model.flatMap(m -> m.operation(operation));
        if (op.isPresent()) {
            String code = errors.describe(exception).errorCode();
            String shape = model.get().errorForCode(code).map(ServiceModel.ErrorInfo::shapeName).orElse(code);
            if (!op.get().errors().contains(shape)) {
                throw new IllegalArgumentException(Messages.stubUnmodeledError(operation, exception.getClass(),
                    op.get().errors(), errors.baseException()));
            }
            List<Violation> v = ConstraintValidator.validateAnswer(model.get().shape(shape), exception);
            if (!v.isEmpty()) {
                throw new IllegalArgumentException(Messages.stubInvalidAnswer(operation, exception.getClass(), v));
            }
        }
        return exception;
    }

    public static String operationOf(Class<? extends SdkRequest> requestType) {
        String simple = requestType.getSimpleName();
        return simple.endsWith("Request") ? simple.substring(0, simple.length() - "Request".length()) : simple;
    }

    private static Optional<ServiceModel> model(Class<? extends SdkRequest> requestType) {
        return ServiceErrors.of(clientOf(requestType)).model();
    }

    public static Class<? extends SdkClient> clientOf(Class<? extends SdkRequest> requestType) {
        return ServiceNames.serviceNameOfRequest(requestType)
            .flatMap(name -> ServiceNames.clientInterfaceOf(requestType, name))
            .orElseThrow(() -> new IllegalArgumentException(Messages.notARequestType(requestType)));
    }

    /** An exception of {@code service}: any subclass of its base exception (for rules on a whole service). */
    public static AwsServiceException checkServiceException(Class<? extends SdkClient> service, AwsServiceException exception) {
        ServiceErrors errors = ServiceErrors.of(service);
        if (!errors.baseException().isInstance(exception)) {
            throw new IllegalArgumentException(Messages.stubForeignException(errors.service(), exception.getClass(),
                errors.baseException()));
        }
        return exception;
    }

    /**
     * A modeled exception of {@code type} with {@code message}, its required members filled with
     * placeholders so it is one the service could send (e.g. BCM's ConflictException needs a resourceId).
     */
    public static AwsServiceException instantiate(Class<? extends AwsServiceException> type, String message) {
        AwsServiceException.Builder b;
        try {
            b = (AwsServiceException.Builder) type.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("awssim: " + type.getName() + " is not an AWS SDK service exception", e);
        }
        b.message(message);
        Optional<ServiceModel> model = ServiceNames.serviceNameOfException(type).flatMap(ServiceModels::forService);
        String shapeName = model.flatMap(m -> Optional.ofNullable(m.shapes().containsKey(type.getSimpleName())
            ? type.getSimpleName() : type.getSimpleName().replaceAll("Exception$", ""))).orElse(null);
        if (model.isPresent() && model.get().shapes().containsKey(shapeName)) {
            java.util.Set<String> required = model.get().shape(shapeName).required();
            for (software.amazon.awssdk.core.SdkField<?> f : ((SdkPojo) b).sdkFields()) {
                if (required.contains(f.memberName())) {
                    Object placeholder = placeholder(f);
                    if (placeholder != null) {
                        f.set(b, placeholder);
                    }
                }
            }
        }
        return b.build();
    }

    private static Object placeholder(software.amazon.awssdk.core.SdkField<?> f) {
        software.amazon.awssdk.core.protocol.MarshallingType<?> t = f.marshallingType();
        if (t == software.amazon.awssdk.core.protocol.MarshallingType.STRING) {
            return "awssim-injected";
        }
        if (t == software.amazon.awssdk.core.protocol.MarshallingType.INTEGER) {
            return 0;
        }
        if (t == software.amazon.awssdk.core.protocol.MarshallingType.LONG) {
            return 0L;
        }
        if (t == software.amazon.awssdk.core.protocol.MarshallingType.BOOLEAN) {
            return Boolean.FALSE;
        }
        return null;
    }
}
