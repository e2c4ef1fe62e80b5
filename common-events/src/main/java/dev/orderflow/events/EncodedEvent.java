package dev.orderflow.events;

import java.util.Map;

/** An event as it goes on the wire: topic, key, {@code ce_*} headers and the JSON payload. */
public record EncodedEvent(String topic, String key, Map<String, String> headers, byte[] data) {

    public EncodedEvent {
        headers = Map.copyOf(headers);
    }
}
