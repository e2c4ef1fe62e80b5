package dev.orderflow.messaging;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.orderflow.events.DomainEvent;
import dev.orderflow.events.EventType;

/** The service's handlers by event type, and so the topics it must consume. */
public class EventHandlers {

    private final Map<Class<? extends DomainEvent>, EventHandler<?>> byType;

    EventHandlers(List<EventHandler<?>> handlers) {
        this.byType = handlers.stream().collect(Collectors.toUnmodifiableMap(EventHandler::eventType,
                Function.identity()));
    }

    /** The topics of the handled types; referenced by the listener's {@code topics} expression. */
    public String[] topics() {
        return byType.keySet().stream()
                .map(EventType::forPayloadType)
                .map(EventType::topic)
                .distinct()
                .sorted()
                .toArray(String[]::new);
    }

    /** The handler of the event's type; the map's construction guarantees the types match. */
    @SuppressWarnings("unchecked")
    Optional<EventHandler<DomainEvent>> find(DomainEvent event) {
        return Optional.ofNullable((EventHandler<DomainEvent>) byType.get(event.getClass()));
    }
}
