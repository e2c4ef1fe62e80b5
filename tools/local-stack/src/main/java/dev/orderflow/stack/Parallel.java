package dev.orderflow.stack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs an action for several components at once, one thread each (the common fork-join pool has a single thread
 * on a two-core machine), and rethrows the first failure once all are done.
 */
final class Parallel {

    private Parallel() {
    }

    static <T> void forEach(Collection<T> items, Consumer<T> action) {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (T item : items) {
            Thread thread = new Thread(() -> {
                try {
                    action.accept(item);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "stack-" + item);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted");
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
