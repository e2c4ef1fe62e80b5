package dev.orderflow.gateway.web;

import java.io.ByteArrayOutputStream;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * A request body as it arrives, copied into a plain array up to a limit. What arrives past the limit is
 * dropped but still read, up to a drain limit, so that a client still sending when it is refused gets to the
 * end and then reads its answer: a server that closes a connection with unread data on it resets it, and the
 * client's operating system may then throw the answer away before the client reads it.
 */
final class BoundedBody {

    private final int limit;
    private final long drainLimit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    BoundedBody(int limit, long drainLimit) {
        this.limit = limit;
        this.drainLimit = drainLimit;
    }

    /** Takes a buffer of the body and releases it; throws once more than the drain limit had to be dropped. */
    void add(DataBuffer buffer) {
        try {
            int length = buffer.readableByteCount();
            if (dropped == 0 && kept.size() + length <= limit) {
                byte[] bytes = new byte[length];
                buffer.read(bytes);
                kept.writeBytes(bytes);
                return;
            }
            kept.reset();
            dropped += length;
            if (dropped > drainLimit) {
                throw new DataBufferLimitException("more than " + drainLimit + " bytes past the limit");
            }
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    boolean pastTheLimit() {
        return dropped > 0;
    }

    byte[] bytes() {
        return kept.toByteArray();
    }
}
