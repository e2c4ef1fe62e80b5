package dev.orderflow.chaos.experiments;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Tells what the experiments do, one time-stamped line at a time, on standard output. */
final class Narrator {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Narrator() {
    }

    static void say(String what) {
        System.out.println(LocalTime.now().format(TIME) + " chaos  " + what);
    }
}
