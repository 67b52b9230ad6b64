package io.github.awssim.sdk.oracle;

import io.github.awssim.core.internal.ServiceNames;
import io.github.awssim.core.internal.model.OperationModel;
import io.github.awssim.core.internal.model.ServiceModel;
import io.github.awssim.core.internal.model.ServiceModels;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * A service under oracle test: its sync and async client interfaces, the operations found on the sync
 * interface (every method taking one {@code SdkRequest} subtype and returning an {@code SdkResponse}
 * subtype: none hand-listed), and each operation's modeled errors from the shipped model.
 */
public final class OracleService {
    private final Class<? extends SdkClient> sync;
    private final Class<? extends SdkClient> async;
    private final String name;
    private final ServiceModel model;
    private final List<Operation> operations;

    public OracleService(Class<? extends SdkClient> sync, Class<? extends SdkClient> async) {
        this.sync = sync;
        this.async = async;
        this.name = ServiceNames.serviceName(sync);
        this.model = ServiceModels.forService(name)
            .orElseThrow(() -> new IllegalStateException("awssim ships no model for " + name));
        this.operations = discover();
    }

    public Class<? extends SdkClient> sync() {
        return sync;
    }

    public Class<? extends SdkClient> async() {
        return async;
    }

    public String name() {
        return name;
    }

    public ServiceModel model() {
        return model;
    }

    public List<Operation> operations() {
        return operations;
    }

    @Override
    public String toString() {
        return name;
    }

    private List<Operation> discover() {
        List<Operation> ops = new ArrayList<>();
        for (Method m : sync.getMethods()) {
            if (m.getParameterCount() != 1 || !SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])
                || !SdkResponse.class.isAssignableFrom(m.getReturnType())) {
                continue;
            }
            Class<? extends SdkRequest> requestType = m.getParameterTypes()[0].asSubclass(SdkRequest.class);
            String opName = requestType.getSimpleName().replaceFirst("Request$", "");
            Method asyncMethod;
            try {
                asyncMethod = async.getMethod(m.getName(), requestType);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(async.getName() + " has no " + m.getName() + "(" + requestType.getSimpleName() + ")");
            }
            if (!CompletableFuture.class.isAssignableFrom(asyncMethod.getReturnType())) {
                throw new IllegalStateException(asyncMethod + " does not return a CompletableFuture");
            }
            OperationModel opModel = model.operation(opName)
                .orElseThrow(() -> new IllegalStateException(name + " model has no operation " + opName));
            List<ErrorCase> errors = new ArrayList<>();
            for (String shape : opModel.errors()) {
                ServiceModel.ErrorInfo info = model.errorForShape(shape)
                    .orElseThrow(() -> new IllegalStateException(name + " model has no error " + shape));
                errors.add(new ErrorCase(shape, exceptionClass(shape), info.code(), info.httpStatus()));
            }
            ops.add(new Operation(opName, m, asyncMethod, requestType,
                m.getReturnType().asSubclass(SdkResponse.class), List.copyOf(errors)));
        }
        ops.sort(Comparator.comparing(Operation::name));
        return List.copyOf(ops);
    }

    private Class<? extends AwsServiceException> exceptionClass(String shape) {
        String pkg = sync.getPackageName() + ".model.";
        for (String candidate : List.of(pkg + shape, pkg + shape + "Exception")) {
            try {
                return Class.forName(candidate, true, sync.getClassLoader()).asSubclass(AwsServiceException.class);
            } catch (ClassNotFoundException e) {
                // try the next spelling
            }
        }
        throw new IllegalStateException("no SDK exception class for " + name + " error " + shape);
    }

    /** One operation of the service. */
    public record Operation(String name, Method syncMethod, Method asyncMethod, Class<? extends SdkRequest> requestType,
                            Class<? extends SdkResponse> responseType, List<ErrorCase> errors) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A modeled error of an operation: the SDK class it must surface as, and its wire code and status. */
    public record ErrorCase(String shape, Class<? extends AwsServiceException> type, String code, int status) {
        @Override
        public String toString() {
            return shape;
        }
    }
}
