package dev.orderflow.audit;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar audit-exec.jar [--gateway URL] [--issuer URL] [--deadline 60s] [--settle 5s] [--wait 0s]}: audits
 * a running system through its gateway and prints the summary and every finding. It reads as the realm's automation
 * client (an operator, who sees every order), with a token from {@code --issuer} by the client credentials grant; the
 * client's secret is {@code ORDERFLOW_CLIENT_SECRET} (an environment variable, so that no process list shows it),
 * the realm's development secret without it. With {@code --wait}, audits again until nothing is still settling or
 * the time is up. Exit code 0 when healthy, 1 with findings, 2 when orders were still settling at the end, 3 when
 * the gateway or the issuer could not be read, 64 on a usage error.
 */
public final class AuditCommand {

    private AuditCommand() {
    }

    static final String SECRET_VARIABLE = "ORDERFLOW_CLIENT_SECRET";

    /** What the command line asks for. */
    record Options(URI gateway, URI issuer, Duration deadline, Duration settle, Duration patience) {

        static Options parse(String... args) {
            URI gateway = URI.create("http://localhost:8080");
            // Keycloak of the local stack and of docker compose; every token names it as its issuer.
            URI issuer = URI.create("http://localhost:8180/realms/orderflow");
            Duration deadline = Duration.ofSeconds(60);
            Duration settle = Duration.ofSeconds(5);
            Duration wait = Duration.ZERO;
            List<String> rest = new ArrayList<>(List.of(args));
            while (!rest.isEmpty()) {
                String option = rest.removeFirst();
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = rest.removeFirst();
                switch (option) {
                    case "--gateway" -> gateway = URI.create(value);
                    case "--issuer" -> issuer = URI.create(value);
                    case "--deadline" -> deadline = DurationText.parse(value);
                    case "--settle" -> settle = DurationText.parse(value);
                    case "--wait" -> wait = DurationText.parse(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            return new Options(gateway, issuer, deadline, settle, wait);
        }
    }

    static final String USAGE = """
            usage: audit [--gateway http://localhost:8080] [--issuer URL] [--deadline 60s] [--settle 5s] [--wait 0s]
              --gateway URL   the system to audit, through its gateway
              --issuer URL    the realm whose automation client (an operator) reads it
                              (default http://localhost:8180/realms/orderflow, the local stack's and compose's);
                              its secret: ORDERFLOW_CLIENT_SECRET (default: the realm's development secret)
              --deadline D    order-service's saga deadline: an order PENDING longer than this is stuck
              --settle D      an order changed within this time is still converging and not judged yet
              --wait D        audit again until nothing is settling, for at most this long
            exit code: 0 healthy, 1 findings, 2 still settling, 3 gateway or issuer unreadable, 64 usage error""";

    /** {@code --help} or {@code -h} anywhere: the usage, instead of an error about a missing value. */
    static boolean asksForHelp(String... args) {
        List<String> given = List.of(args);
        return given.contains("--help") || given.contains("-h");
    }

    public static void main(String[] args) {
        if (asksForHelp(args)) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n" + USAGE);
            System.exit(64);
            return;
        }
        System.exit(run(options, System.getenv().getOrDefault(SECRET_VARIABLE, ClientCredentials.DEVELOPMENT_SECRET)));
    }

    static int run(Options options, String clientSecret) {
        ClientCredentials automation = new ClientCredentials(options.issuer(), ClientCredentials.AUTOMATION_CLIENT,
                clientSecret);
        ConsistencyAuditor auditor = new ConsistencyAuditor(options.gateway(), automation,
                new ConsistencyRules(options.deadline(), options.settle()), Clock.systemUTC());
        Instant giveUp = Instant.now().plus(options.patience());
        AuditReport report;
        try {
            report = auditor.audit();
            while (report.unsettled() > 0 && Instant.now().isBefore(giveUp)) {
                Thread.sleep(2_000);
                report = auditor.audit();
            }
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 3;
        }
        System.out.println(report.summary());
        report.findings().forEach(finding -> System.out.println("  " + finding.kind() + " " + finding.orderId() + ": "
                + finding.detail()));
        if (!report.healthy()) {
            return 1;
        }
        return report.unsettled() > 0 ? 2 : 0;
    }
}
