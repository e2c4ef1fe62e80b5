package dev.orderflow.chaos;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
class ChaosTestApplication {

    @RestController
    static class Greeting {
        @GetMapping("/hello")
        String hello() {
            return "hello";
        }
    }
}
