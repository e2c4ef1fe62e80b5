package dev.orderflow.events;

/**
 * Header names of the CloudEvents 1.0 Kafka protocol binding, binary content mode: the event's attributes
 * travel as {@code ce_*} headers and the record value is the bare JSON payload. Any language can read them;
 * no Java class name is ever on the wire.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    /** The order id, which is also the record key. */
    public static final String SUBJECT = "ce_subject";
    /** Extension attributes: lower-case letters and digits only, as the spec demands. */
    public static final String SCHEMA_VERSION = "ce_schemaversion";
    public static final String CORRELATION_ID = "ce_correlationid";
    /** The Distributed Tracing extension. */
    public static final String TRACEPARENT = "ce_traceparent";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
