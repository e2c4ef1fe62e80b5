package dev.orderflow.order.application;

/** The caller may not do this (403); what they may not even see is answered as unknown instead (404). */
public class AccessRefused extends RuntimeException {

    public AccessRefused(String reason) {
        super(reason);
    }
}
