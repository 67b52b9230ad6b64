package io.github.awssim.core.services.metering;

/** The four operations of AWS Marketplace Metering, by their wire names. */
public enum MeteringOperation {
    METER_USAGE("MeterUsage"),
    BATCH_METER_USAGE("BatchMeterUsage"),
    REGISTER_USAGE("RegisterUsage"),
    RESOLVE_CUSTOMER("ResolveCustomer");

    private final String operationName;

    MeteringOperation(String operationName) {
        this.operationName = operationName;
    }

    /** The operation's name on the wire and in the SDK's {@code X-Amz-Target}, e.g. {@code MeterUsage}. */
    public String operationName() {
        return operationName;
    }
}
