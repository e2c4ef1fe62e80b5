# syntax=docker/dockerfile:1.7
#
# One recipe for the image of every service, built from a clean clone with nothing but Docker:
#   docker build --build-arg SERVICE=order-service --build-arg SERVER_PORT=8081 -t orderflow/order-service .
# SERVICE is a Maven module with a Spring Boot jar (order-service, delivery-service, api-gateway) and SERVER_PORT
# the port its application.yml sets (8081, 8082, 8080); the tests keep both in step with docker-compose.yml.
# docker-compose.yml, the CI and the delivery workflow all build with this file.

ARG SERVICE=order-service
ARG SERVER_PORT=8081

# ---- build: the Maven wrapper compiles the module and what it depends on (tests run in CI, not here) ----
FROM eclipse-temurin:21.0.12_8-jdk-noble AS build
ARG SERVICE
WORKDIR /workspace
COPY . .
# The cache mount keeps ~/.m2 (Maven itself and every dependency) between builds without putting it in a layer.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    ./mvnw --batch-mode --no-transfer-progress --projects "${SERVICE}" --also-make package -Dmaven.test.skip=true \
 && cp "${SERVICE}/target/${SERVICE}-"*.jar /workspace/application.jar \
 && java -Djarmode=tools -jar /workspace/application.jar extract --layers --launcher --destination /workspace/extracted

# ---- runtime: a JRE, the jar's layers (dependencies change least, so they come first), a non-root user ----
FROM eclipse-temurin:21.0.12_8-jre-noble
ARG SERVICE
ARG SERVER_PORT
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=https://github.com/orderflow/orderflow

LABEL org.opencontainers.image.title="orderflow-${SERVICE}" \
      org.opencontainers.image.description="orderflow ${SERVICE} (Spring Boot)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.base.name="docker.io/library/eclipse-temurin:21.0.12_8-jre-noble"

# A fixed numeric id, so that Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
RUN groupadd --system --gid 10001 orderflow \
 && useradd --system --uid 10001 --gid orderflow --no-create-home --home-dir /app --shell /usr/sbin/nologin orderflow

# Readiness probe for docker and compose without curl in the image: bash's /dev/tcp speaks enough HTTP.
# Kubernetes ignores it and probes the same endpoint itself.
COPY --chmod=755 <<'SCRIPT' /usr/local/bin/healthcheck
#!/usr/bin/env bash
# Exits 0 when the service's readiness group answers 200 on its management port: each application.yml puts it
# 1000 above the API's (9081 beside 8081), unless MANAGEMENT_SERVER_PORT says otherwise.
set -eu
exec 3<>"/dev/tcp/127.0.0.1/${MANAGEMENT_SERVER_PORT:-$((SERVER_PORT + 1000))}"
printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS=' ' read -r _ status _ <&3
[ "${status}" = "200" ]
SCRIPT

WORKDIR /app
COPY --from=build --chown=root:root /workspace/extracted/dependencies/ ./
COPY --from=build --chown=root:root /workspace/extracted/spring-boot-loader/ ./
COPY --from=build --chown=root:root /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build --chown=root:root /workspace/extracted/application/ ./

# The JVM sizes itself from the container's limits (container support is on by default since JDK 10):
# the heap takes 75% of the memory limit, the rest is metaspace, threads, buffers and the code cache.
# An OutOfMemoryError ends the process, so the orchestrator restarts it instead of leaving it half alive.
# glibc keeps what the JIT compilers free: trimming it every 5 s gives 10-23 MB per service back to the
# container's limit (docs/performance.md). Below 2 CPUs or 1792 MB the JVM picks the serial collector, which makes
# a full collection (hundreds of ms) each time metaspace grows past a threshold, 21 MB at first, while a
# service loads its classes (about 120 MB of them): the threshold starts above that. /tmp is the only place
# written to, so the root filesystem can be read-only.
ENV JAVA_TOOL_OPTIONS="-XX:InitialRAMPercentage=50.0 -XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError -XX:TrimNativeHeapInterval=5000 -XX:MetaspaceSize=128m -Djava.io.tmpdir=/tmp" \
    SERVER_PORT="${SERVER_PORT}"

EXPOSE ${SERVER_PORT}
USER 10001:10001
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 CMD ["healthcheck"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
