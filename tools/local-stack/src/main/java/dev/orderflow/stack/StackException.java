package dev.orderflow.stack;

import java.util.List;

/** A failure the user can act on: the message says what went wrong, the details show the evidence. */
public class StackException extends RuntimeException {

    private final List<String> details;

    public StackException(String message) {
        this(message, List.of());
    }

    public StackException(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
        this.details = List.of();
    }

    /** Lines to show under the message, such as the tail of a log. */
    public List<String> details() {
        return details;
    }
}
