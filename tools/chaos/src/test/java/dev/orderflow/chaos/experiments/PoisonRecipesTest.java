package dev.orderflow.chaos.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orderflow.events.EventCodec;
import dev.orderflow.events.EventDecodingException;
import dev.orderflow.events.Topics;

class PoisonRecipesTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyPoisonIsRefusedByTheEventContract() {
        List<PoisonRecipes.Poison> poisons = new PoisonRecipes(42, "run-1").forTopic(Topics.DELIVERY_EVENTS, UUID.randomUUID());

        assertThat(poisons).hasSizeGreaterThanOrEqualTo(10);
        for (PoisonRecipes.Poison poison : poisons) {
            assertThat(decodes(poison)).as(poison.kind()).isFalse();
        }
    }

    @Test
    void everyPoisonCarriesTheMarkerOfItsRun() {
        List<PoisonRecipes.Poison> poisons = new PoisonRecipes(7, "run-2").forTopic(Topics.ORDER_EVENTS, UUID.randomUUID());

        assertThat(poisons).allSatisfy(poison -> {
            assertThat(poison.headers()).containsEntry(PoisonRecipes.MARKER, "run-2");
            assertThat(poison.topic()).isEqualTo(Topics.ORDER_EVENTS);
        });
    }

    private boolean decodes(PoisonRecipes.Poison poison) {
        try {
            codec.decode(poison.headers(), poison.value());
            return true;
        } catch (EventDecodingException e) {
            return false;
        }
    }
}
