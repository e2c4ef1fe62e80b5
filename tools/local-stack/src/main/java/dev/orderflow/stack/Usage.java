package dev.orderflow.stack;

/** {@code ./stack help}. */
final class Usage {

    static final String TEXT = String.join(System.lineSeparator(),
            "usage: ./stack <command> [options]        (Windows: stack.cmd, or java -jar tools/local-stack/target/local-stack-exec.jar)",
            "",
            "  up [--detach]            build what is stale, start PostgreSQL, Kafka, Keycloak, order-service,",
            "                           delivery-service and api-gateway, wait until all are healthy, print the URLs;",
            "                           then follow the stack",
            "                           (Ctrl-C stops everything), or with --detach return and leave it running",
            "  status                   each component with its pid, ports and health (exit code 3 if one is not healthy)",
            "  token <user>             an access token for a demo user (alice, bob: customers; olivia: operator), and",
            "                           nothing else: TOKEN=$(./stack token alice)",
            "  demo                     a narrated tour of the saga against the running stack, failures included",
            "  watch [--interval S] [--once]  a live one-screen summary: orders and deliveries per state, outbox backlog,",
            "                           dead letters and consumer lag per service, breaker states; redrawn every S",
            "                           seconds (default 2) until Ctrl-C, or printed once",
            "  stop <component>... [--kill]  stop components (SIGTERM; --kill: SIGKILL, like a crash)",
            "  start <component>...     start them again (rebuilt first if their sources changed)",
            "  logs <component> [--lines N]  the end of a component's log, and where the full log is",
            "  down                     stop everything (the data stays)",
            "  reset                    stop everything and delete the data directory",
            "",
            "  components: postgres, kafka, keycloak, order-service, delivery-service, api-gateway",
            "",
            "options (each also as an environment variable):",
            "  --data-dir <dir>               ORDERFLOW_STACK_DIR                    default: <checkout>/.stack",
            "  --gateway-port <port>          ORDERFLOW_STACK_GATEWAY_PORT           default: 8080",
            "  --order-service-port <port>    ORDERFLOW_STACK_ORDER_SERVICE_PORT     default: 8081",
            "  --delivery-service-port <port> ORDERFLOW_STACK_DELIVERY_SERVICE_PORT  default: 8082",
            "  --postgres-port <port>         ORDERFLOW_STACK_POSTGRES_PORT          default: 15432",
            "  --kafka-port <port>            ORDERFLOW_STACK_KAFKA_PORT             default: 19092",
            "  --kafka-controller-port <port> ORDERFLOW_STACK_KAFKA_CONTROLLER_PORT  default: 19093",
            "  --keycloak-port <port>         ORDERFLOW_STACK_KEYCLOAK_PORT          default: 8180",
            "  --<component>-management-port <port>  ORDERFLOW_STACK_<COMPONENT>_MANAGEMENT_PORT  health and metrics:",
            "                                 gateway 9080, order-service 9081, delivery-service 9082, keycloak 9180",
            "  --java <jdk dir>               JAVA_HOME                              JDK 21+ for the services (found if unset)",
            "  --timeout <seconds>            ORDERFLOW_STACK_TIMEOUT                how long a component may take to start (180)",
            "  --no-build                     never run Maven; use the jars as they are",
            "  --no-startup-cache             start services from their jars, without the AOT/CDS cache trained at the",
            "                                 first start of a build (see docs/local-stack.md)",
            "  --project-dir <dir>            ORDERFLOW_STACK_PROJECT_DIR            the checkout (found from the launcher's jar)",
            "",
            "The services also read their own settings from the environment of ./stack up (see README, \"Running the",
            "services\"), e.g. ORDERFLOW_SAGA_DEADLINE=30s ./stack up.  Docs: docs/local-stack.md");

    private Usage() {
    }
}
