package io.github.awssim.core.services.s3;

import io.github.awssim.core.internal.ServiceErrors;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3's errors as the simulator raises them: modeled ones as their SDK classes ({@code NoSuchKeyException}),
 * the others as {@code S3Exception} carrying S3's code, all with the HTTP status of the editable table
 * {@code models/s3.errors.properties}. Headers an error answers with ({@code x-amz-delete-marker},
 * {@code x-amz-bucket-region}) ride in the exception's {@code awsErrorDetails().sdkHttpResponse()}, where
 * the SDK puts the headers of an error it receives, and from where awssim writes them on the wire.
 */
final class S3Errors {
    static final ServiceErrors ERRORS = ServiceErrors.of(S3Client.class);

    private S3Errors() {
    }

    /** An error by S3 code: the modeled class when the SDK has one, else {@code S3Exception} with the code. */
    static AwsServiceException error(String code, String message) {
        return error(code, message, Map.of());
    }

    static AwsServiceException error(String code, String message, Map<String, String> headers) {
        boolean modeled = ERRORS.model().flatMap(m -> m.errorForCode(code)).isPresent();
        AwsServiceException base = modeled ? ERRORS.modeled(code, message) : ERRORS.unmodeled(code, message);
        int status = modeled ? ERRORS.describe(base).httpStatus() : base.statusCode();
        AwsErrorDetails.Builder details = AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("S3");
        if (!headers.isEmpty()) {
            SdkHttpResponse.Builder r = SdkHttpResponse.builder().statusCode(status);
            headers.forEach(r::putHeader);
            details.sdkHttpResponse(r.build());
        }
        return base.toBuilder().statusCode(status).awsErrorDetails(details.build()).build();
    }

    /**
     * 412 PreconditionFailed naming the {@code condition} that did not hold, as S3's error document does
     * ({@code <Condition>If-Match</Condition>}).
     */
    static AwsServiceException preconditionFailed(String message, String condition) {
        return error("PreconditionFailed", message, Map.of(ServiceErrors.ERROR_ELEMENT_HEADER + "Condition", condition));
    }

    /** An error answered with HTTP 200 and an {@code <Error>} body, as S3 does when a copy fails after it started. */
    static AwsServiceException inOkResponse(String code, String message) {
        AwsServiceException e = error(code, message);
        return e.toBuilder().statusCode(200).build();
    }
}
