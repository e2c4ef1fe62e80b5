package dev.orderflow.events;

/**
 * A record that can never be processed, however often it is retried: missing or malformed headers,
 * an unknown type or version, unparsable JSON or a payload that breaks the contract.
 */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
