package dev.orderflow.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.orderflow.events.OrderCancelled;

/** A service with nothing but the messaging machinery and one handler that remembers what it handled. */
@SpringBootApplication
class MessagingTestApplication {

    static class RecordingHandler implements EventHandler<OrderCancelled> {

        final List<OrderCancelled> handled = new CopyOnWriteArrayList<>();

        @Override
        public Class<OrderCancelled> eventType() {
            return OrderCancelled.class;
        }

        @Override
        public void handle(OrderCancelled event) {
            handled.add(event);
        }
    }

    @Bean
    RecordingHandler recordingHandler() {
        return new RecordingHandler();
    }
}
