package dev.orderflow.chaos.experiments;

import java.time.Duration;
import java.util.List;

import dev.orderflow.stack.Component;

/** SIGKILL each service in turn under load, and start it again: a crash at any point loses nothing. */
public final class ServiceKill implements Scenario {

    private static final Duration DOWN = Duration.ofSeconds(3);

    @Override
    public String name() {
        return "service-kill";
    }

    @Override
    public String inject(Lab lab, SteadyLoad load) {
        for (Component service : List.of(Component.ORDER_SERVICE, Component.DELIVERY_SERVICE, Component.API_GATEWAY)) {
            Narrator.say("SIGKILL " + service);
            lab.kill(service);
            Lab.pause(DOWN);
            lab.start(service);
            Lab.pause(DOWN);
        }
        return "SIGKILL order-service, delivery-service, api-gateway in turn, each restarted after 3 s";
    }
}
