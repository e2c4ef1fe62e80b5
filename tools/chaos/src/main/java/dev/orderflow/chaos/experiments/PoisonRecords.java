package dev.orderflow.chaos.experiments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.orderflow.events.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Garbage on both contract topics while orders flow: every poison record must end in its {@code .DLT} topic, no
 * genuine event may follow it there, the consumers keep going (the load's sagas converge), and the real order the
 * almost valid poisons name does not change.
 */
public final class PoisonRecords implements Scenario {

    private static final List<String> TOPICS = List.of(Topics.ORDER_EVENTS, Topics.DELIVERY_EVENTS);

    private final String run = UUID.randomUUID().toString();
    private final Map<String, TopicReader.Mark> marks = new HashMap<>();
    private final Map<String, Integer> published = new HashMap<>();
    private Optional<JsonNode> victimBefore = Optional.empty();
    private UUID victim;
    private Map<String, Long> deadLettered = Map.of();

    @Override
    public String name() {
        return "poison-records";
    }

    @Override
    public void prepare(Lab lab) {
        TopicReader reader = new TopicReader(lab.kafkaBootstrap());
        TOPICS.forEach(topic -> marks.put(topic, reader.mark(topic + ".DLT")));
    }

    @Override
    public String inject(Lab lab, SteadyLoad load) {
        Gateway gateway = Gateway.of(lab);
        victimBefore = load.acceptedIds().stream().map(id -> gateway.order(id.toString()))
                .filter(order -> order.path("status").asString().equals("CONFIRMED")).findFirst();
        victim = victimBefore.map(order -> UUID.fromString(order.path("id").asString())).orElseGet(UUID::randomUUID);
        PoisonRecipes recipes = new PoisonRecipes(run.hashCode(), run);
        List<PoisonRecipes.Poison> poisons = new ArrayList<>();
        for (String topic : TOPICS) {
            for (int copy = 0; copy < 3; copy++) {
                poisons.addAll(recipes.forTopic(topic, victim));
            }
        }
        PoisonPublisher.publish(lab.kafkaBootstrap(), poisons);
        poisons.forEach(poison -> published.merge(poison.topic(), 1, Integer::sum));
        return poisons.size() + " poison records (" + recipes.forTopic(TOPICS.get(0), victim).size()
                + " kinds x 3 copies x 2 topics)";
    }

    @Override
    public List<String> verify(Lab lab, SteadyLoad.Result load) {
        List<String> violations = new ArrayList<>();
        TopicReader reader = new TopicReader(lab.kafkaBootstrap());
        Map<String, Long> found = new HashMap<>();
        for (String topic : TOPICS) {
            List<TopicReader.Received> letters = reader.since(marks.get(topic));
            Map<Boolean, Long> ours = letters.stream().collect(Collectors.partitioningBy(
                    letter -> run.equals(letter.headers().get(PoisonRecipes.MARKER)), Collectors.counting()));
            found.put(topic, ours.get(true));
            if (ours.get(true) != published.getOrDefault(topic, 0).longValue()) {
                violations.add(topic + ": " + published.get(topic) + " poison records published, " + ours.get(true)
                        + " in " + topic + ".DLT");
            }
            if (ours.get(false) > 0) {
                violations.add(ours.get(false) + " genuine events dead-lettered on " + topic + ".DLT");
            }
        }
        deadLettered = found;
        victimBefore.ifPresent(before -> {
            JsonNode after = Gateway.of(lab).order(victim.toString());
            if (!after.path("status").equals(before.path("status")) || after.path("history").size() != before.path("history").size()) {
                violations.add("order " + victim + " changed after poison records named it: " + before.path("status")
                        + " -> " + after.path("status"));
            }
        });
        return violations;
    }

    @Override
    public String observed() {
        return deadLettered.values().stream().mapToLong(Long::longValue).sum() + " of them found in the .DLT topics"
                + (victimBefore.isPresent() ? ", the real order they named unchanged" : "");
    }
}
